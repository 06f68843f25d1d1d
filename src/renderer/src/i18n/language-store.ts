import { create } from 'zustand';
import { readStored, writeStored } from '../stores/local-storage';
import { makeTranslate } from './translate';
import { languages, type Language } from './dictionary';

const storageKey = 'meras.language';

function storedLanguage(): Language {
  const value = readStored(storageKey);
  return (languages as readonly string[]).includes(value ?? '') ? (value as Language) : 'ar';
}

function applyToDocument(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = language === 'ar' ? 'rtl' : 'ltr';
  document.title = makeTranslate(language)('app.name');
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
  toggle(): void;
}

export const useLanguageStore = create<LanguageState>()((set, get) => ({
  language: storedLanguage(),
  setLanguage: (language) => {
    writeStored(storageKey, language);
    applyToDocument(language);
    set({ language });
  },
  toggle: () => get().setLanguage(get().language === 'ar' ? 'en' : 'ar'),
}));

applyToDocument(useLanguageStore.getState().language);
