import type { WebhookDeliveryStatus } from '../../../../shared/webhooks/types';
import { isMessageKey } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

/** An event's name for people; one the UI does not know yet is shown as the CRM sees it. */
export function webhookEventLabel(t: Translate, event: string): string {
  const key = `webhooks.event.${event}`;
  return isMessageKey(key) ? t(key) : event;
}

export const deliveryTone: Record<WebhookDeliveryStatus, string> = {
  pending: 'badge-amber',
  delivered: 'badge-green',
  failed: 'badge-red',
  cancelled: 'badge-gray',
};
