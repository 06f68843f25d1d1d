import { useState } from 'react';
import type { MessageMeta } from '../../../../shared/inbox/message-meta';
import type { MessageVersionView, MessageView } from '../../../../shared/inbox/types';
import { call } from '../../api/client';
import { Icon } from '../../components/icons';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useJumpStore } from './jump-store';

type T = ReturnType<typeof useT>;

/** The words of a system line (a notice or a call), in the reader's language. */
export function systemLineText(t: T, message: MessageView): string {
  const { notice, call: phoneCall } = message.meta;
  if (phoneCall) return t(phoneCall.missed ? (phoneCall.video ? 'kind.callMissedVideo' : 'kind.callMissed') : phoneCall.video ? 'kind.callVideo' : 'kind.call');
  if (!notice) return t('kind.notice');
  switch (notice.type) {
    case 'security_code':
      return t('kind.securityCode');
    case 'number_changed':
      return notice.newPhone ? t('kind.numberChanged', { phone: notice.newPhone }) : t('kind.numberChangedUnknown');
    // Names isolated: an English name in an Arabic line (or the reverse) keeps the words around it in order.
    case 'assigned':
      return t('kind.assigned', { to: isolate(notice.to), by: isolate(notice.by) });
    case 'transferred':
      return t('kind.transferred', { from: isolate(notice.from), to: isolate(notice.to), by: isolate(notice.by) });
    case 'unassigned':
      return t('kind.unassigned', { from: isolate(notice.from), by: isolate(notice.by) });
  }
}

/** What a message of a kind beyond text shows in its bubble; null for text and files. */
export function MessageKindBody({ message }: { message: MessageView }) {
  const t = useT();
  if (message.deletedAt) return <p className="message-text muted message-deleted" data-testid="message-deleted">{t('kind.deleted')}</p>;
  const { meta } = message;
  if (message.type === 'ciphertext') return <p className="message-text muted">{t('kind.ciphertext')}</p>;
  if (message.type === 'unsupported') return <p className="message-text muted">{t('kind.unsupported')}</p>;
  if (meta.location) return <LocationCard location={meta.location} />;
  if (meta.contacts) return <ContactCards cards={meta.contacts} />;
  if (meta.poll) return <PollCard poll={meta.poll} />;
  return null;
}

function LocationCard({ location }: { location: NonNullable<MessageMeta['location']> }) {
  const t = useT();
  const href = `https://www.google.com/maps/search/?api=1&query=${location.latitude},${location.longitude}`;
  return (
    <div className="kind-card" data-testid="message-location">
      <p className="kind-title">
        <Icon name="pin" className="icon icon-small" />
        <span dir="auto">{location.name ?? t('kind.location')}</span>
      </p>
      {location.address ? <p className="kind-sub" dir="auto">{location.address}</p> : null}
      <a className="kind-link" href={href} target="_blank" rel="noreferrer noopener">
        {t('kind.openMap')}
      </a>
    </div>
  );
}

function ContactCards({ cards }: { cards: NonNullable<MessageMeta['contacts']> }) {
  const t = useT();
  const [added, setAdded] = useState<Record<number, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="kind-cards">
      {cards.map((card, i) => (
        <div className="kind-card" key={i} data-testid="message-contact-card">
          <p className="kind-title">
            <Icon name="contacts" className="icon icon-small" />
            <span dir="auto">{card.name || t('kind.contacts')}</span>
          </p>
          {card.phones.map((phone) => (
            <p className="kind-sub" dir="ltr" key={phone}>{phone}</p>
          ))}
          {card.phones.length > 0 ? (
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={added[i]}
              onClick={() =>
                void call('contacts.create', { name: card.name, phone: card.phones[0]!, tags: [] }).then(
                  () => setAdded((a) => ({ ...a, [i]: true })),
                  (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
                )
              }
            >
              {added[i] ? t('kind.contactAdded') : t('kind.addContact')}
            </button>
          ) : null}
        </div>
      ))}
      {error ? <p className="message-retry-error" role="alert">{error}</p> : null}
    </div>
  );
}

function PollCard({ poll }: { poll: NonNullable<MessageMeta['poll']> }) {
  const t = useT();
  const counts = new Map<number, number>();
  for (const chosen of Object.values(poll.votes)) for (const id of chosen) counts.set(id, (counts.get(id) ?? 0) + 1);
  return (
    <div className="kind-card" data-testid="message-poll">
      <p className="kind-title" dir="auto">📊 {poll.question}</p>
      <ul className="kind-options">
        {poll.options.map((o) => (
          <li key={o.id} dir="auto">
            {o.name} <span className="muted">({counts.get(o.id) ?? 0})</span>
          </li>
        ))}
      </ul>
      {poll.multiple ? <p className="kind-sub muted">{t('kind.pollMultiple')}</p> : null}
    </div>
  );
}

/** The quoted snippet above a reply; a click jumps to the quoted message when it is in the thread. */
export function QuotedSnippet({ message }: { message: MessageView }) {
  const t = useT();
  const quoted = message.quoted;
  if (!quoted) return null;
  const jump = () => {
    if (quoted.id !== null) useJumpStore.getState().request(quoted.id);
  };
  return (
    <button type="button" className="quoted" onClick={jump} data-testid="message-quoted">
      <span className="quoted-who">{quoted.fromMe ? t('kind.quotedYou') : t('kind.quotedCustomer')}</span>
      <span className="quoted-text" dir="auto">{quoted.deleted ? t('kind.deleted') : quoted.content || t(`media.type.${quoted.type as 'image'}`)}</span>
    </button>
  );
}

/** "Edited", with the earlier texts on demand. */
export function EditedMark({ message }: { message: MessageView }) {
  const t = useT();
  const [versions, setVersions] = useState<MessageVersionView[] | null>(null);
  return (
    <span className="edited">
      <button type="button" className="link-button" onClick={() => void call('messages.versions', { id: message.id }).then(setVersions)} title={t('kind.versions')} data-testid="message-edited">
        {t('kind.edited')}
      </button>
      {versions ? (
        <span className="versions" role="dialog" aria-label={t('kind.versions')}>
          <span className="versions-title">{t('kind.versions')}</span>
          {versions.map((v, i) => (
            <span key={i} className="version" dir="auto">{v.content}</span>
          ))}
        </span>
      ) : null}
    </span>
  );
}

/** Reactions under the bubble: each emoji once, with how many. */
export function ReactionChips({ message }: { message: MessageView }) {
  const t = useT();
  if (message.reactions.length === 0) return null;
  return (
    <span className="reactions" aria-label={t('kind.reactions')} data-testid="message-reactions">
      {message.reactions.map((r) => (
        <span className="reaction" key={r.emoji}>
          {r.emoji}
          {r.count > 1 ? <span className="reaction-count">{r.count}</span> : null}
        </span>
      ))}
    </span>
  );
}
