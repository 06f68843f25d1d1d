/**
 * Meta-shaped webhook bodies (WhatsApp Business Cloud API), as Meta sends them: for tests and
 * the benchmark. Each builder returns the object; `metaBody` wraps changes in the envelope.
 */
export const testPhoneNumberId = '106540352242922';

export interface ChangeValue {
  messaging_product?: 'whatsapp';
  metadata?: { display_phone_number: string; phone_number_id: string };
  contacts?: unknown[];
  messages?: unknown[];
  statuses?: unknown[];
  errors?: unknown[];
}

export function metaBody(...entries: { changes: { field?: string; value: ChangeValue }[]; id?: string }[]): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: entries.map((e, i) => ({ id: e.id ?? `WABA${i}`, changes: e.changes.map((c) => ({ field: c.field ?? 'messages', value: c.value })) })),
  };
}

export function messagesValue(messages: unknown[], contacts: unknown[] = [], phoneNumberId = testPhoneNumberId): ChangeValue {
  return { messaging_product: 'whatsapp', metadata: { display_phone_number: '966500000001', phone_number_id: phoneNumberId }, contacts, messages };
}

export function statusesValue(statuses: unknown[], phoneNumberId = testPhoneNumberId): ChangeValue {
  return { messaging_product: 'whatsapp', metadata: { display_phone_number: '966500000001', phone_number_id: phoneNumberId }, statuses };
}

export const sender = (waId: string, name: string, extra: Record<string, unknown> = {}) => ({ profile: { name }, wa_id: waId, ...extra });

export function textMessage(id: string, from: string, body: string, timestampSec: number, extra: Record<string, unknown> = {}) {
  return { from, id, timestamp: String(timestampSec), type: 'text', text: { body }, ...extra };
}

export function status(id: string, state: string, timestampSec: number, extra: Record<string, unknown> = {}) {
  return { id, status: state, timestamp: String(timestampSec), recipient_id: '966501234567', ...extra };
}

/** One message to three statuses (Meta's sizing rule for webhook load), for the benchmark. */
export function benchBodies(index: number, phoneNumberId: string, at: number): string[] {
  const wamid = `wamid.BENCH${index.toString(36).toUpperCase().padStart(8, '0')}`;
  const from = String(966500000000 + (index % 5000));
  const message = JSON.stringify(metaBody({ changes: [{ value: messagesValue([textMessage(wamid, from, `رسالة رقم ${index}`, at)], [sender(from, `عميل ${index % 5000}`)], phoneNumberId) }] }));
  const statuses = ['sent', 'delivered', 'read'].map((s, i) =>
    JSON.stringify(metaBody({ changes: [{ value: statusesValue([status(`wamid.OUT${index}`, s, at + i, { recipient_id: from })], phoneNumberId) }] })),
  );
  return [message, ...statuses];
}
