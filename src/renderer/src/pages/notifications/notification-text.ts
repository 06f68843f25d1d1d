import { aiProviderErrorMessages, aiReasonLabels, aiSenderLabel, type AiProviderErrorCode, type AiReason } from '../../../../shared/ai/types';
import type { Role } from '../../../../shared/domain';
import type { NotificationView } from '../../../../shared/notifications/types';
import type { DisconnectReason } from '../../../../shared/whatsapp';
import type { Language, MessageKey } from '../../i18n/dictionary';
import { disconnectReasonLabel, roleLabel } from '../../i18n/labels';
import type { Translate } from '../../i18n/translate';
import { formatDateTime, formatTime } from '../../format/dates';

/** A notification's title and line in the reader's language, made from its params (nothing is stored worded). */
export function notificationText(t: Translate, language: Language, n: NotificationView): { title: string; body: string } {
  const p = n.params;
  const text = (value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? t('notificationText.unknown') : String(value));
  const at = (iso: string | number | null | undefined, style: 'time' | 'dateTime') => (typeof iso === 'string' ? (style === 'time' ? formatTime(iso, language) : formatDateTime(iso, language)) : text(iso));
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(p)) params[key] = text(value);
  switch (n.type) {
    case 'viewing_soon':
      params.time = at(p.startsAt, 'time');
      break;
    case 'viewing_booked':
      params.time = at(p.startsAt, 'dateTime');
      // Booked by the AI responder (a tentative viewing to confirm): named as the AI, in the reader's language.
      if (p.byAi) params.by = aiSenderLabel[language];
      break;
    case 'number_disconnected':
      params.reason = p.reason ? disconnectReasonLabel(t, p.reason as DisconnectReason) : t('notificationText.unknown');
      break;
    case 'send_failed':
      params.reason = sendErrorText(t, p.errorCode);
      break;
    case 'ai_handoff':
      params.reason = aiReasonLabels[p.reason as AiReason]?.[language] ?? text(p.reason);
      break;
    case 'ai_provider_failing':
      params.error = aiProviderErrorMessages[p.error as AiProviderErrorCode]?.[language] ?? text(p.error);
      break;
    case 'staff_signed_in':
      params.role = p.role ? roleLabel(t, p.role as Role) : t('notificationText.unknown');
      break;
    case 'office_message':
      // An empty text leaves the sender's name alone.
      if (!p.body) return { title: params.title!, body: text(p.by) };
      break;
    default:
      break;
  }
  return {
    title: t(`notificationText.${n.type}.title` as MessageKey, params),
    body: t(`notificationText.${n.type}.body` as MessageKey, params),
  };
}

/** The outbox's code as the thread words it; a code this window does not know reads as "could not send". */
function sendErrorText(t: Translate, code: string | number | null | undefined): string {
  const key = `sendError.${String(code)}` as MessageKey;
  const worded = t(key);
  return code && worded !== key ? worded : t('sendError.unknown');
}
