import { useEffect } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { conversationStatuses, type ConversationStatus } from '../../../../shared/domain';
import type { ConversationView } from '../../../../shared/inbox/types';
import type { NumberView } from '../../../../shared/numbers/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { FindIcon } from '../../components/find-icons';
import { SelectField } from '../../components/SelectField';
import { useSubmit } from '../../hooks/use-submit';
import { conversationStatusLabel, roleLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { placeEverywhere } from '../../stores/inbox-actions';
import { findNumber, useNumbersStore } from '../../stores/numbers-store';
import { useSessionStore } from '../../stores/session-store';
import { useThreadStore } from '../../stores/thread-store';
import { useUsersStore } from '../../stores/users-store';
import { canListUsers } from '../shell/access';

const fields = ['agentId'] as const;

/** Who may take a conversation of this number: its agents and owner, and every admin and supervisor. */
export function assignableUsers(users: readonly PublicUser[], number: NumberView | undefined): PublicUser[] {
  return users.filter((u) => u.isActive && (u.role !== 'agent' || number?.employee?.id === u.id || (number?.agentIds.includes(u.id) ?? false)));
}

/** Star, status, assignment, archive and "mark unread" for the open conversation; each change shows live everywhere. */
export function ThreadActions({ conversation }: { conversation: ConversationView }) {
  const t = useT();
  const me = useSessionStore((state) => state.user);
  const users = useUsersStore((state) => state.users);
  const number = useNumbersStore((state) => findNumber(state.numbers, conversation.whatsappNumberId));
  const submission = useSubmit(fields);
  const mayListUsers = me ? canListUsers(me.role) : false;

  useEffect(() => {
    if (mayListUsers && useUsersStore.getState().users === null) void useUsersStore.getState().load();
  }, [mayListUsers]);

  // A message about the last conversation does not follow the agent to the next one.
  const reset = submission.reset;
  useEffect(() => reset(), [conversation.id, reset]);

  function update(changes: Omit<ChannelInput<'conversations.update'>, 'id'>) {
    return submission.run(async () => placeEverywhere(await call('conversations.update', { id: conversation.id, ...changes })));
  }

  async function markUnread() {
    const ok = await update({ unread: true });
    // Left open, the conversation would be marked read again at once: it closes, as in WhatsApp.
    if (ok) useThreadStore.getState().close();
  }

  function assign(value: string) {
    const agentId = value ? Number(value) : null;
    void submission.run(async () => placeEverywhere(await call('conversations.assign', { id: conversation.id, agentId })));
  }

  const assigned = conversation.assignedAgentId;
  const candidates = mayListUsers ? assignableUsers(users ?? [], number) : me ? [me] : [];
  const options = [
    { value: '', label: assigned === null ? t('find.notAssigned') : t('find.unassign') },
    ...candidates
      .slice()
      .sort((a, b) => (a.id === me?.id ? -1 : b.id === me?.id ? 1 : a.name.localeCompare(b.name)))
      .map((u) => ({
        value: String(u.id),
        label: u.id === me?.id ? t('find.meOption', { name: u.name }) : u.role === 'agent' ? u.name : `${u.name} · ${roleLabel(t, u.role)}`,
      })),
  ];
  if (assigned !== null && !options.some((o) => o.value === String(assigned))) {
    options.push({ value: String(assigned), label: conversation.assignedAgentName ?? t('find.assignedUser', { id: assigned }) });
  }
  const statusOptions = conversationStatuses.map((status) => ({ value: status, label: conversationStatusLabel(t, status) }));
  const { pending, shown } = submission;

  return (
    <div className="thread-actions-wrap">
      <div className="thread-actions" role="toolbar" aria-label={t('find.actionsLabel')} data-testid="thread-actions">
        <button
          type="button"
          className={conversation.isStarred ? 'button button-small button-secondary is-starred' : 'button button-small button-secondary'}
          aria-pressed={conversation.isStarred}
          disabled={pending}
          onClick={() => void update({ isStarred: !conversation.isStarred })}
          title={conversation.isStarred ? t('find.starredButton') : t('find.star')}
          data-testid="thread-star"
        >
          <FindIcon name="star" filled={conversation.isStarred} className="icon icon-small" />
          <span className="thread-action-text">{conversation.isStarred ? t('find.starredButton') : t('find.star')}</span>
        </button>
        <div className="thread-action-select">
          <SelectField<ConversationStatus>
            name="status"
            label={t('find.statusLabel')}
            hideLabel
            value={conversation.status}
            options={statusOptions}
            disabled={pending}
            onChange={(status) => void update({ status })}
            testId="thread-status"
          />
        </div>
        <div className="thread-action-select thread-assign">
          <FindIcon name="assign" className="icon icon-small thread-assign-icon" />
          <SelectField
            name="agentId"
            label={t('find.assignLabel')}
            hideLabel
            value={assigned === null ? '' : String(assigned)}
            options={options}
            disabled={pending}
            onChange={assign}
            error={shown.fields.agentId}
            testId="thread-assign"
          />
        </div>
        <button
          type="button"
          className="button button-small button-ghost"
          disabled={pending}
          onClick={() => void update({ isArchived: !conversation.isArchived })}
          title={conversation.isArchived ? t('find.unarchive') : t('find.archive')}
          data-testid="thread-archive"
        >
          <FindIcon name={conversation.isArchived ? 'unarchive' : 'archive'} className="icon icon-small" />
          <span className="thread-action-text">{conversation.isArchived ? t('find.unarchive') : t('find.archive')}</span>
        </button>
        <button
          type="button"
          className="button button-small button-ghost"
          disabled={pending}
          onClick={() => void markUnread()}
          title={t('find.markUnread')}
          data-testid="thread-mark-unread"
        >
          <FindIcon name="unread" className="icon icon-small" />
          <span className="thread-action-text">{t('find.markUnread')}</span>
        </button>
      </div>
      {shown.formMessage ? (
        <Alert tone="error" testId="thread-actions-error">
          {shown.formMessage}
        </Alert>
      ) : null}
    </div>
  );
}
