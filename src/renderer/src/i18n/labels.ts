import type { ConversationStatus, MessageSender, MessageStatus, Role, UserPresence } from '../../../shared/domain';
import type { SendErrorCode } from '../../../shared/inbox/types';
import type { ConnectionState, DisconnectReason } from '../../../shared/whatsapp';
import type { SessionEndReason } from '../../../shared/users/types';
import { isMessageKey, type MessageKey } from './dictionary';
import type { Translate } from './translate';

/**
 * A name put inside a sentence keeps its own direction (an Arabic number name in an English
 * notice, or the reverse) without turning the punctuation around it: Unicode's first-strong isolate.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

export const roleLabel = (t: Translate, role: Role): string => t(`role.${role}`);
export const presenceLabel = (t: Translate, presence: UserPresence): string => t(`presence.${presence}`);
export const sessionEndLabel = (t: Translate, reason: SessionEndReason): string => t(`sessionEnd.${reason}`);

export const connectionStateLabel = (t: Translate, state: ConnectionState): string => t(`connection.${state}`);
export const disconnectReasonLabel = (t: Translate, reason: DisconnectReason): string => t(`disconnect.${reason}`);
export const conversationStatusLabel = (t: Translate, status: ConversationStatus): string => t(`conversationStatus.${status}`);
export const messageStatusLabel = (t: Translate, status: MessageStatus): string => t(`messageStatus.${status}`);
export const senderLabel = (t: Translate, sender: MessageSender): string => t(`sender.${sender}`);

/** Every send error code has a text: a new code without one fails the typecheck. */
const everySendErrorTranslated: `sendError.${SendErrorCode}` extends MessageKey ? true : never = true;
void everySendErrorTranslated;

/** Why a message failed, from its code; a code from a newer core falls back to a general text. */
export function sendErrorLabel(t: Translate, code: SendErrorCode | null): string {
  const key = `sendError.${code ?? 'unknown'}`;
  return isMessageKey(key) ? t(key) : t('sendError.unknown');
}
