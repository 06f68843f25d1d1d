import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { Icon } from './icons';

/** Switches Arabic ↔ English; the label is the other language's own name. */
export function LanguageToggle({ className = 'button button-ghost' }: { className?: string }) {
  const t = useT();
  const toggle = useLanguageStore((state) => state.toggle);
  const other = useLanguageStore((state) => (state.language === 'ar' ? 'en' : 'ar'));
  return (
    <button type="button" className={className} onClick={toggle} title={t('language.switchLabel')} data-testid="language-toggle">
      <Icon name="globe" />
      <span lang={other}>{t('language.switchTo')}</span>
    </button>
  );
}
