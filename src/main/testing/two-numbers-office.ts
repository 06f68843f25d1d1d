import { systemClock } from '../base/clock';
import { Ingest } from '../ingest/ingest';
import type { startTestCore } from './test-core';

type TestCore = ReturnType<typeof startTestCore>;

let seq = 0;
/** A customer writes in on a number through the real ingest; returns the conversation's id. */
export function customerWritesIn(t: TestCore, numberId: number, phoneDigits: string, body: string, name: string): number {
  seq++;
  const result = new Ingest(t.core.database.sqlite, systemClock).ingest(numberId, {
    providerId: `false_${phoneDigits}@c.us_S${seq}`,
    chatId: `${phoneDigits}@c.us`,
    fromMe: false,
    chatKind: 'user',
    customerPhone: phoneDigits,
    customerLid: null,
    profileName: name,
    body,
    type: 'chat',
    hasMedia: false,
    timestamp: Date.now() + seq,
  });
  if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
  return result.conversationId;
}

/**
 * Issue 13's office: two numbers, Sales and Rentals. `agent` works Sales only, `rentalsAgent`
 * Rentals only. Rentals has a customer with a conversation, a message with a file, a note, a
 * tag and a property interest, a viewing, an offer and an automation rule (switched off):
 * everything the Sales agent must not see or touch.
 */
export async function twoNumbersOffice(t: TestCore) {
  const admin = await t.setupAdmin();
  const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const rentals = await t.call('numbers.create', { name: 'Rentals' }, admin.token);
  const agent = await t.createUser(admin.token, 'agent', 'sales-agent@office.test');
  const rentalsAgent = await t.createUser(admin.token, 'agent', 'rentals-agent@office.test');
  await t.call('numbers.setAgents', { id: sales.id, agentIds: [agent.user.id] }, admin.token);
  await t.call('numbers.setAgents', { id: rentals.id, agentIds: [rentalsAgent.user.id] }, admin.token);

  const mine = await t.call('conversations.get', { id: customerWritesIn(t, sales.id, '966501110001', 'السلام عليكم', 'عميل المبيعات') }, admin.token);
  const theirs = await t.call('conversations.get', { id: customerWritesIn(t, rentals.id, '966502220002', 'أريد شقة للإيجار في العليا', 'عميل الإيجارات') }, admin.token);
  const theirContactId = theirs.contact.id;
  await t.call('contacts.update', { id: theirContactId, tags: ['إيجار-خاص'] }, admin.token);
  const theirNote = await t.call('contacts.addNote', { contactId: theirContactId, content: 'يفضل الاتصال مساءً' }, admin.token);
  const property = await t.call('properties.create', { name: 'شقة العليا', type: 'apartment' }, admin.token);
  await t.call('conversations.setInterest', { conversationId: theirs.id, propertyId: property.id }, admin.token);
  const theirMessage = (await t.call('messages.list', { conversationId: theirs.id }, admin.token))[0]!;
  const sqlite = t.core.database.sqlite;
  const theirAttachmentId = Number(
    sqlite
      .prepare("insert into message_attachments (message_id, type, sha256, name, size, mime_type, created_at) values (?, 'document', ?, 'عقد.pdf', 10, 'application/pdf', ?)")
      .run(theirMessage.id, 'a'.repeat(64), Date.now()).lastInsertRowid,
  );
  const template = await t.call('templates.create', { name: 'ترحيب', content: 'أهلًا {{name}}' }, admin.token);
  const adminUpload = await t.call('media.uploadStart', { name: 'صورة.jpg', mimeType: 'image/jpeg', size: 3 }, admin.token);
  const { slot } = await t.call('viewings.suggestSlot', { conversationId: theirs.id, agentId: rentalsAgent.user.id }, admin.token);
  const theirViewing = await t.call('viewings.book', { conversationId: theirs.id, propertyId: property.id, agentId: rentalsAgent.user.id, date: slot!.date, time: slot!.time }, admin.token);

  // An offer on another property, so the first one's interest stays `interested`.
  const offerProperty = await t.call('properties.create', { name: 'فيلا الملقا', type: 'villa' }, admin.token);
  const theirOffer = await t.call('offers.create', { conversationId: theirs.id, propertyId: offerProperty.id, amount: '2,000,000', validUntil: '2099-12-31' }, admin.token);

  // Issue 15: an automation rule on Rentals only (switched off, so it arms nothing in other tests), and the template it sends.
  const ruleTemplate = await t.call('templates.create', { name: 'متابعة آلية', content: 'مرحبًا {{customer_name}}، هل من جديد؟' }, admin.token);
  const theirRule = await t.call('automation.createRule', { name: 'متابعة الإيجارات', trigger: 'follow_up', delayMinutes: 60, templateId: ruleTemplate.id, isActive: false, whatsappNumberId: rentals.id }, admin.token);

  return { admin, agent, rentalsAgent, sales, rentals, mine, theirs, theirContactId, theirNote, property, theirMessage, theirAttachmentId, template, adminUpload, theirViewing, offerProperty, theirOffer, ruleTemplate, theirRule };
}
export type TwoNumbersOffice = Awaited<ReturnType<typeof twoNumbersOffice>>;
