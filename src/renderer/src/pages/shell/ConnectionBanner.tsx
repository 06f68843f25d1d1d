import { Icon } from '../../components/icons';
import { useLanguageStore } from '../../i18n/language-store';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/use-t';
import { useConnectionStore } from '../../stores/connection-store';
import { usePendingAnswersStore } from '../../stores/pending-answers';

/**
 * Says at once that the browser has lost the desk, and goes by itself when the connection is
 * back: what is on screen stays readable meanwhile, and answers wait in this browser.
 */
export function ConnectionBanner({ userId }: { userId: number }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const deskReachable = useConnectionStore((state) => state.deskReachable);
  const waiting = usePendingAnswersStore((state) => state.answers.filter((a) => a.userId === userId && a.refusal === null).length);
  if (deskReachable) return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <Icon name="alert" />
      <div>
        <p className="connection-banner-title">{t('offline.bannerTitle')}</p>
        <p>{t('offline.bannerBody')}</p>
        {waiting > 0 ? (
          <p className="connection-banner-count" data-testid="connection-banner-waiting">
            {plural(t, language, 'offline.waitingCount', waiting)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
