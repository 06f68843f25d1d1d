import { useT } from '../i18n/use-t';
import { Icon } from './icons';

/** The product mark and name, as on the sign-in card and at the top of the side navigation. */
export function Brand({ large = false }: { large?: boolean }) {
  const t = useT();
  return (
    <div className={large ? 'brand brand-large' : 'brand'}>
      <span className="brand-mark">
        <Icon name="chat" />
      </span>
      <span className="brand-name">{t('app.name')}</span>
    </div>
  );
}
