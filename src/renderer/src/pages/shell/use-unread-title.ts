import { useEffect } from 'react';
import { useLanguageStore } from '../../i18n/language-store';
import { makeTranslate } from '../../i18n/translate';
import { useUnreadStore } from '../../stores/unread-store';

/** "(3) Meras Desk", 3 the conversations waiting to be read, on every page as WhatsApp's tab does. */
export function useUnreadTitle(): void {
  const unread = useUnreadStore((state) => state.summary?.conversations ?? 0);
  const language = useLanguageStore((state) => state.language);
  useEffect(() => {
    const name = makeTranslate(language)('app.name');
    document.title = unread > 0 ? `(${unread}) ${name}` : name;
    return () => {
      document.title = name;
    };
  }, [unread, language]);
}
