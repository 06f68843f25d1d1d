import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';

/** Shown above the composer when the agent is about to write in a colleague's conversation; nothing goes until they confirm. */
export function OthersConversationConfirm({ name, onConfirm, onCancel }: { name: string; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  return (
    <div className="composer-confirm" role="alertdialog" aria-live="assertive" data-testid="composer-others-confirm">
      <span className="composer-confirm-text">{t('composer.othersConversation', { name: isolate(name) })}</span>
      <span className="composer-confirm-actions">
        <button type="button" className="button button-small button-primary" onClick={onConfirm} data-testid="composer-send-anyway" autoFocus>
          {t('composer.sendAnyway')}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel} data-testid="composer-dont-send">
          {t('composer.dontSend')}
        </button>
      </span>
    </div>
  );
}
