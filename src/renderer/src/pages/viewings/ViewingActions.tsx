import { useState } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { viewingTransitions, isActiveViewing, type ViewingStatus, type ViewingView } from '../../../../shared/viewings/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { RescheduleDialog } from './RescheduleDialog';

/** Agents change only the viewings they show; supervisors and admins everyone's (the core decides; this hides what would be refused). */
export const canManageViewing = (user: PublicUser, viewing: ViewingView): boolean => user.role !== 'agent' || viewing.agent.id === user.id;

const actions: { status: Exclude<ViewingStatus, 'tentative'>; label: MessageKey }[] = [
  { status: 'confirmed', label: 'viewings.confirm' },
  { status: 'done', label: 'viewings.markDone' },
  { status: 'no_show', label: 'viewings.markNoShow' },
  { status: 'cancelled', label: 'viewings.cancel' },
];

/** The next steps a viewing may take, and rescheduling while it is live. */
export function ViewingActions({ viewing, user }: { viewing: ViewingView; user: PublicUser }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  if (!canManageViewing(user, viewing)) return null;
  const next = actions.filter((a) => viewingTransitions[viewing.status].includes(a.status));
  if (next.length === 0) return null;

  async function setStatus(status: ViewingStatus) {
    setBusy(true);
    setError(null);
    try {
      await call('viewings.setStatus', { id: viewing.id, status: status as Exclude<ViewingStatus, 'tentative'> });
    } catch (thrown) {
      const described = describeError(t, toApiError(thrown));
      setError(described.formMessage ?? Object.values(described.fields).join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="viewing-actions">
      {error ? (
        <Alert tone="error" testId={`viewing-action-error-${viewing.id}`}>
          {error}
        </Alert>
      ) : null}
      <div className="viewing-action-buttons">
        {next.map((action) => (
          <button
            key={action.status}
            type="button"
            className={action.status === 'cancelled' ? 'button button-small button-ghost' : 'button button-small button-secondary'}
            disabled={busy}
            onClick={() => void setStatus(action.status)}
            data-testid={`viewing-${action.status}-${viewing.id}`}
          >
            {t(action.label)}
          </button>
        ))}
        {isActiveViewing(viewing.status) ? (
          <button type="button" className="button button-small button-ghost" disabled={busy} onClick={() => setMoving(true)} data-testid={`viewing-reschedule-${viewing.id}`}>
            {t('viewings.reschedule')}
          </button>
        ) : null}
      </div>
      {moving ? <RescheduleDialog viewing={viewing} onClose={() => setMoving(false)} /> : null}
    </div>
  );
}
