import type { NumberConnection } from '../../../../shared/numbers/types';
import { Badge, type BadgeTone } from '../../components/Badge';
import { useOfficeFormat } from '../../format/use-office-format';
import { connectionStateLabel, disconnectReasonLabel } from '../../i18n/labels';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useConnectionStore } from '../../stores/connection-store';

/** Stopped by hand or never started is calm grey; any other disconnection needs attention. */
export function connectionTone(connection: NumberConnection): BadgeTone {
  switch (connection.state) {
    case 'CONNECTED':
      return connection.notice === 'reconnecting' || connection.syncPercent !== null ? 'amber' : 'green';
    case 'QR_GENERATED':
      return 'blue';
    case 'INITIALIZING':
      return 'amber';
    case 'DISCONNECTED':
      return connection.reason === 'not_started' || connection.reason === 'stopped' || connection.reason === null ? 'gray' : 'red';
  }
}

/** The badge's words: WhatsApp's own state when it says more than our four (syncing, reconnecting, banned…). */
export function connectionLabel(t: Translate, connection: NumberConnection): string {
  if (connection.state === 'CONNECTED' && connection.notice === 'reconnecting') return t('numberState.reconnecting');
  if (connection.syncPercent !== null && (connection.state === 'INITIALIZING' || connection.state === 'CONNECTED')) {
    return t('numberState.syncing', { percent: connection.syncPercent });
  }
  if (connection.state === 'DISCONNECTED') {
    if (connection.reason === 'banned') return t('numberState.banned');
    if (connection.reason === 'update_required') return t('numberState.update_required');
    if (connection.reason === 'network_blocked') return t('numberState.network_blocked');
  }
  return connectionStateLabel(t, connection.state);
}

export function ConnectionBadge({ connection, testId }: { connection: NumberConnection; testId?: string | undefined }) {
  const t = useT();
  const deskReachable = useConnectionStore((state) => state.deskReachable);
  // The last state heard may be stale: without the desk we cannot know whether the number is connected.
  if (!deskReachable) {
    return (
      <Badge tone="gray" dot>
        {t('offline.deskUnknown')}
      </Badge>
    );
  }
  return (
    <Badge tone={connectionTone(connection)} dot testId={testId}>
      {connectionLabel(t, connection)}
    </Badge>
  );
}

/** A number's live state: the badge, why it is disconnected, and when it tries again. */
export function NumberStatus({ connection, testId }: { connection: NumberConnection; testId?: string }) {
  const t = useT();
  const office = useOfficeFormat();
  const reason = connection.state === 'DISCONNECTED' && connection.reason ? disconnectReasonLabel(t, connection.reason) : null;
  return (
    <div className="number-status" data-testid={testId} data-state={connection.state} aria-live="polite">
      <ConnectionBadge connection={connection} testId={testId ? `${testId}-label` : undefined} />
      {connection.notice ? (
        <p className="number-status-notice" data-testid={testId ? `${testId}-notice` : undefined} data-notice={connection.notice}>
          {t(`numberNotice.${connection.notice}`)}
        </p>
      ) : null}
      {reason ? (
        <p className="number-status-reason" data-testid={testId ? `${testId}-reason` : undefined}>
          {reason}
        </p>
      ) : null}
      {connection.nextRetryAt ? (
        <p className="number-status-retry muted">
          {t('numbers.retryingAt', { time: office.formatTime(connection.nextRetryAt) })}
        </p>
      ) : null}
    </div>
  );
}
