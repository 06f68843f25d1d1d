import type { NumberView } from '../../../../shared/numbers/types';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { DemoPhoneControl } from './DemoPhoneControl';
import { NumberStatus } from './NumberStatus';

export interface NumberActions {
  onLink(number: NumberView): void;
  onShowQr(number: NumberView): void;
  onRelink(number: NumberView): void;
  onDisconnect(number: NumberView): void;
  onEdit(number: NumberView): void;
  onRemove(number: NumberView): void;
}

interface NumberCardProps {
  number: NumberView;
  /** Names of the number's agents by id; absent when the caller may not read the user list. */
  agentNames?: ReadonlyMap<number, string> | undefined;
  /** Admin actions; absent for everyone else, who see the number read-only. */
  actions?: NumberActions | undefined;
  busy: boolean;
}

function LinkAction({ number, actions, busy }: { number: NumberView; actions: NumberActions; busy: boolean }) {
  const t = useT();
  const { state } = number.connection;
  const testId = `number-connect-${number.name}`;
  if (state === 'DISCONNECTED') {
    return (
      <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => actions.onLink(number)} data-testid={testId}>
        <Icon name={number.connection.linked ? 'refresh' : 'qr'} />
        {number.connection.linked ? t('numbers.reconnect') : t('numbers.link')}
      </button>
    );
  }
  // A linked number restoring its session shows no QR: nothing to open then.
  if (state === 'QR_GENERATED' || (state === 'INITIALIZING' && !number.connection.linked)) {
    return (
      <button type="button" className="button button-small button-primary" onClick={() => actions.onShowQr(number)} data-testid={testId}>
        <Icon name="qr" />
        {t('numbers.showQr')}
      </button>
    );
  }
  return null;
}

export function NumberCard({ number, actions, busy, agentNames }: NumberCardProps) {
  const t = useT();
  const { connection } = number;
  const demo = useAppInfoStore((state) => state.info?.demo === true);
  const usedShare = number.quotaLimit > 0 ? Math.min(100, (number.quotaUsed / number.quotaLimit) * 100) : 0;
  return (
    <article className="card number-card" data-testid={`number-row-${number.name}`} data-number-id={number.id}>
      <header className="number-card-head">
        <span className="number-icon" aria-hidden="true">
          <Icon name="phone" />
        </span>
        <div className="number-card-title">
          <h2 className="number-name">{number.name}</h2>
          {number.provider === 'cloud' ? (
            <Badge tone="blue" testId={`number-cloud-${number.name}`}>
              {t('cloud.badge')}
            </Badge>
          ) : null}
          {number.phoneNumber ? (
            <bdi className="latin number-phone" dir="ltr" data-testid="number-phone">
              {number.phoneNumber}
            </bdi>
          ) : (
            <span className="muted number-phone-unknown">{t('numbers.phoneUnknown')}</span>
          )}
        </div>
      </header>

      <NumberStatus connection={connection} testId={`number-status-${number.name}`} />

      <dl className="number-facts">
        <div>
          <dt>{t('numbers.col.employee')}</dt>
          <dd data-testid="number-employee">{number.employee?.name ?? <span className="muted">{t('numbers.noEmployee')}</span>}</dd>
        </div>
        <div>
          <dt>{t('numbers.col.quota')}</dt>
          <dd data-testid="number-quota">
            <span className="quota-figures">{t('numbers.quota', { used: number.quotaUsed, limit: number.quotaLimit })}</span>
            <span className={usedShare >= 90 ? 'quota-bar quota-bar-full' : 'quota-bar'} aria-hidden="true">
              <span className="quota-bar-fill" style={{ inlineSize: `${usedShare}%` }} />
            </span>
          </dd>
        </div>
        {agentNames ? (
          <div className="number-facts-wide">
            <dt>{t('find.numberAgentsShort')}</dt>
            <dd data-testid="number-agents">
              {number.agentIds.length === 0 ? (
                <span className="muted">{t('find.numberAgentsEmpty')}</span>
              ) : (
                <ul className="number-agents">
                  {number.agentIds.map((id) => (
                    <li key={id} className="number-agent">
                      {agentNames.get(id) ?? t('find.assignedUser', { id })}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ) : null}
      </dl>

      {actions ? (
        <div className="number-card-actions">
          <div className="number-card-actions-main">
            <LinkAction number={number} actions={actions} busy={busy} />
            {/* A Cloud API number links by its token (the Cloud page), never by a new QR. */}
            {number.provider !== 'cloud' && (connection.linked || connection.state === 'CONNECTED') ? (
              <button type="button" className="button button-small button-secondary" disabled={busy} onClick={() => actions.onRelink(number)} data-testid={`number-relink-${number.name}`}>
                <Icon name="link" />
                {t('numbers.relink')}
              </button>
            ) : null}
            {connection.state !== 'DISCONNECTED' ? (
              <button type="button" className="button button-small button-secondary" disabled={busy} onClick={() => actions.onDisconnect(number)} data-testid={`number-disconnect-${number.name}`}>
                <Icon name="power" />
                {t('numbers.disconnect')}
              </button>
            ) : null}
          </div>
          <div className="number-card-actions-side">
            <button type="button" className="button button-small button-ghost" onClick={() => actions.onEdit(number)} data-testid={`number-edit-${number.name}`}>
              <Icon name="edit" />
              {t('numbers.edit')}
            </button>
            <button type="button" className="button button-small button-danger-ghost" disabled={busy} onClick={() => actions.onRemove(number)} data-testid={`number-remove-${number.name}`}>
              <Icon name="trash" />
              {t('numbers.remove')}
            </button>
          </div>
        </div>
      ) : null}
      {actions && demo ? <DemoPhoneControl number={number} /> : null}
    </article>
  );
}
