import { Fragment, type ReactNode } from 'react';
import type { ActivityAction, ActivityEntry } from '../../../../shared/activity/types';
import { conversationStatuses, propertyInterestStatuses, roles, type ConversationStatus, type PropertyInterestStatus, type Role } from '../../../../shared/domain';
import { isMessageKey, type Language, type MessageKey } from '../../i18n/dictionary';
import { conversationStatusLabel, roleLabel } from '../../i18n/labels';
import { plural } from '../../i18n/plural';
import type { Translate } from '../../i18n/translate';
import { offerStatuses, type OfferStatus } from '../../../../shared/offers/types';
import { viewingStatuses, type ViewingStatus } from '../../../../shared/viewings/types';
import { money } from '../offers/offer-format';
import { desktopChangesText } from '../desktop/desktop-labels';
import { officeChangesText } from '../office/office-labels';

/** Every action the core records reads as a sentence: a new action without one fails the typecheck. */
const everyActionSaid: `activity.say.${ActivityAction}` extends MessageKey ? true : never = true;
void everyActionSaid;

export interface Sentence {
  /** The phrase with `{name}` slots, in the current language. */
  text: string;
  /** What fills each slot: names of people and things. */
  parts: Record<string, string>;
}

const is = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** An entry of the log as a sentence: who did what to whom, by name. */
export function activitySentence(t: Translate, language: Language, entry: ActivityEntry): Sentence {
  const details = entry.details ?? {};
  const user = entry.userName ?? (entry.userId === null ? t('activity.system') : t('activity.someone'));
  const target = entry.entityName ?? '';
  const parts: Record<string, string> = { user, target };
  let key = `activity.say.${entry.action}`;

  switch (entry.action) {
    case 'auth.sign_in_failed':
      if (!entry.entityName) key = 'activity.say.auth.sign_in_failed_unknown';
      break;
    case 'user.created':
      if (details.firstRun === true) key = 'activity.say.user.first_admin';
      parts.role = is<Role>(roles, details.role) ? roleLabel(t, details.role) : '';
      break;
    case 'conversation.status_changed':
      parts.to = is<ConversationStatus>(conversationStatuses, details.to) ? conversationStatusLabel(t, details.to) : '';
      break;
    case 'conversation.assigned':
    case 'conversation.unassigned':
    case 'conversation.transferred':
      parts.fromUser = entry.related.fromUserName ?? t('activity.nobody');
      parts.toUser = entry.related.toUserName ?? t('activity.nobody');
      break;
    case 'property.card_sent':
      parts.property = typeof details.name === 'string' ? details.name : '';
      break;
    case 'property_interest.added':
    case 'property_interest.updated':
    case 'property_interest.removed':
      parts.property = typeof details.name === 'string' ? details.name : '';
      parts.status = is<PropertyInterestStatus>(propertyInterestStatuses, details.status) ? t(`interests.status.${details.status}`) : '';
      break;
    case 'contact.imported': {
      const count = (Number(details.created) || 0) + (Number(details.updated) || 0);
      parts.contacts = plural(t, language, 'activity.imported', count);
      break;
    }
    case 'template.used':
      parts.conversation = entry.related.conversationName ?? '';
      break;
    case 'viewing.booked':
    case 'viewing.rescheduled':
    case 'viewing.updated':
    case 'viewing.status':
      parts.property = typeof details.name === 'string' ? details.name : '';
      parts.status = is<ViewingStatus>(viewingStatuses, details.status) ? t(`viewingStatus.${details.status}`) : '';
      break;
    case 'offer.created':
    case 'offer.countered':
    case 'offer.accepted':
    case 'offer.rejected':
    case 'offer.withdrawn':
    case 'offer.expired':
    case 'offer.acceptance_undone':
      parts.property = typeof details.name === 'string' ? details.name : '';
      parts.amount = typeof details.amount === 'number' ? money(details.amount, language) : '';
      parts.status = is<OfferStatus>(offerStatuses, details.status) ? t(`offers.status.${details.status}`) : '';
      break;
    case 'office.updated':
      parts.changes = officeChangesText(t, language, details.changes);
      break;
    case 'ai.config_updated':
    case 'ai.provider_updated': {
      const changes = Array.isArray(details.changes) ? (details.changes as { field?: unknown; to?: unknown }[]) : [];
      // The switch alone reads as on or off; anything else as how many settings changed.
      if (entry.action === 'ai.config_updated' && changes.length === 1 && changes[0]!.field === 'enabled') key = changes[0]!.to === true ? 'activity.say.ai.config_enabled' : 'activity.say.ai.config_disabled';
      parts.count = plural(t, language, 'activity.ai.changes', changes.length);
      break;
    }
    case 'ai.faq_saved':
    case 'ai.faq_deleted':
      parts.question = typeof details.question === 'string' ? details.question : '';
      break;
    case 'desktop.updated':
      parts.changes = desktopChangesText(t, language, details.changes);
      break;
  }
  if (!isMessageKey(key)) {
    // An action from a newer core: its name as the core writes it.
    key = 'activity.say.unknown';
    parts.action = entry.action;
  }
  return { text: t(key as MessageKey), parts };
}

/** The sentence with each name set apart: isolated, so a Latin name keeps the Arabic sentence in order. */
export function SentenceText({ sentence }: { sentence: Sentence }) {
  const nodes: ReactNode[] = [];
  let at = 0;
  for (const match of sentence.text.matchAll(/\{(\w+)\}/g)) {
    nodes.push(sentence.text.slice(at, match.index));
    const name = match[1]!;
    const value = sentence.parts[name] ?? '';
    nodes.push(
      name === 'user' || name === 'target' || name.endsWith('User') || name === 'property' || name === 'conversation' ? (
        <bdi key={match.index} className="activity-name" data-part={name}>
          {value}
        </bdi>
      ) : (
        <bdi key={match.index}>{value}</bdi>
      ),
    );
    at = match.index + match[0].length;
  }
  nodes.push(sentence.text.slice(at));
  return (
    <>
      {nodes.map((node, i) => (
        <Fragment key={i}>{node}</Fragment>
      ))}
    </>
  );
}
