import { memo } from 'react';
import type { MessageStatus } from '../../../../shared/domain';
import type { MessageView } from '../../../../shared/inbox/types';
import { call } from '../../api/client';
import { Icon, type IconName } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { useSubmit } from '../../hooks/use-submit';
import { messageStatusLabel, sendErrorLabel, senderLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useThreadStore } from '../../stores/thread-store';
import { AiRatingButtons } from './AiRatingButtons';
import { MessageAttachments } from './MessageAttachment';
import { EditedMark, MessageKindBody, QuotedSnippet, ReactionChips, systemLineText } from './MessageKindBody';
import { useReplyStore } from './reply-store';

const tickIcons: Record<MessageStatus, IconName> = { queued: 'clock', sent: 'check', delivered: 'checks', read: 'checks', failed: 'alert' };

export function MessageTicks({ status }: { status: MessageStatus }) {
  const t = useT();
  const label = messageStatusLabel(t, status);
  return (
    <span className={`ticks ticks-${status}`} role="img" aria-label={label} title={label} data-testid="message-ticks">
      <Icon name={tickIcons[status]} className="icon icon-tick" />
    </span>
  );
}

const noFields: readonly string[] = [];

function RetryButton({ message }: { message: MessageView }) {
  const t = useT();
  const retry = useSubmit(noFields);
  return (
    <>
      <button
        type="button"
        className="button button-small button-secondary message-retry"
        disabled={retry.pending}
        onClick={() => void retry.run(async () => useThreadStore.getState().addMessages(message.conversationId, [await call('messages.retry', { id: message.id })]))}
        data-testid={`message-retry-${message.id}`}
      >
        <Icon name="refresh" />
        {t('thread.retry')}
      </button>
      {retry.shown.formMessage ? <span className="message-retry-error">{retry.shown.formMessage}</span> : null}
    </>
  );
}

/** One message: the customer's on the start side, ours (agent, AI) on the end side, system notes centred. */
export const MessageBubble = memo(function MessageBubble({ message }: { message: MessageView }) {
  const t = useT();
  const office = useOfficeFormat();
  if (message.sender === 'system' && (message.type === 'notice' || message.type === 'call')) {
    return (
      <div className="message-row message-row-system">
        <p className="message message-system" data-testid={`message-${message.id}`} data-sender="system" data-kind={message.type}>
          {message.type === 'call' ? <Icon name="phone" className="icon icon-small" /> : null}
          {systemLineText(t, message)} · <time dateTime={message.createdAt}>{office.formatTime(message.createdAt)}</time>
        </p>
      </div>
    );
  }
  const ours = message.sender === 'agent' || message.sender === 'ai';
  const byline = message.sender === 'ai' ? senderLabel(t, 'ai') : message.sender === 'agent' ? message.senderName : null;
  const kindBody = <MessageKindBody message={message} />;
  const special = message.deletedAt !== null || ['location', 'contacts', 'poll', 'ciphertext', 'unsupported', 'revoked'].includes(message.type);
  return (
    <div className={`message-row message-row-${message.sender}`}>
      <div
        className={`message message-${message.sender}`}
        data-testid={`message-${message.id}`}
        data-sender={message.sender}
        data-status={message.status}
        data-kind={message.type}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'r' && !message.deletedAt) useReplyStore.getState().set(message);
        }}
      >
        {byline ? (
          <p className="message-byline" data-testid={message.sender === 'ai' ? 'message-ai-badge' : undefined}>
            {byline}
          </p>
        ) : null}
        {message.meta.forwarded ? <p className="message-forwarded muted">↪ {t('kind.forwarded')}</p> : null}
        {message.deletedAt ? null : <QuotedSnippet message={message} />}
        {special ? kindBody : null}
        {!special && message.mediaStatus !== null ? <MessageAttachments message={message} /> : null}
        {special ? null : message.content ? (
          <p className="message-text" dir="auto">
            {message.content}
          </p>
        ) : message.mediaStatus === null ? (
          <p className="message-text muted">{t('thread.attachment', { type: message.type })}</p>
        ) : null}
        <p className="message-meta">
          {message.meta.durationSec ? <span className="muted">{formatDuration(message.meta.durationSec)}</span> : null}
          {message.editedAt && !message.deletedAt ? <EditedMark message={message} /> : null}
          <time dateTime={message.createdAt}>{office.formatTime(message.createdAt)}</time>
          {ours ? <MessageTicks status={message.status} /> : null}
          {message.sender === 'ai' && !message.deletedAt ? <AiRatingButtons messageId={message.id} loaded={message.aiRating ?? null} /> : null}
          {message.deletedAt ? null : (
            <button type="button" className="link-button message-reply" onClick={() => useReplyStore.getState().set(message)} data-testid={`message-reply-${message.id}`}>
              {t('kind.reply')}
            </button>
          )}
        </p>
        <ReactionChips message={message} />
        {ours && message.status === 'failed' ? (
          <div className="message-failure" role="alert">
            <span className="message-failure-text" data-testid="message-error">
              {sendErrorLabel(t, message.errorCode)}
            </span>
            <RetryButton message={message} />
          </div>
        ) : null}
      </div>
    </div>
  );
});

function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
