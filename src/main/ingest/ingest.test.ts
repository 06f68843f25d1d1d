import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/open-database';
import { manualClock, migrationsDir, tempDir } from '../testing/test-core';
import type { InboundMessage } from '../whatsapp/transport';
import { Ingest } from './ingest';
import { linkLidToPhone } from './lid-merge';
import { chatIdForPhone, normalizePhone, phoneFromWhatsApp } from '../base/phone';

let db: OpenedDatabase;
afterEach(() => db?.close());

function setUp() {
  db = openDatabase(tempDir(), migrationsDir);
  const clock = manualClock();
  db.sqlite.prepare("insert into whatsapp_numbers (id, name) values (1, 'Sales'), (2, 'Rentals')").run();
  return { ingest: new Ingest(db.sqlite, clock), clock, sqlite: db.sqlite };
}

let seq = 0;
function customerMessage(overrides: Partial<InboundMessage> = {}): InboundMessage {
  seq++;
  return {
    providerId: `false_966501234567@c.us_ID${seq}`,
    chatId: '966501234567@c.us',
    fromMe: false,
    chatKind: 'user',
    customerPhone: '966501234567',
    customerLid: null,
    profileName: 'Fahd',
    body: `message ${seq}`,
    type: 'chat',
    hasMedia: false,
    timestamp: Date.UTC(2026, 10, 25, 8, 0, seq),
    ...overrides,
  };
}

const count = (sqlite: OpenedDatabase['sqlite'], table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('ingest', () => {
  it('stores a customer message with an E.164 contact named from the profile, a conversation and an unread count', () => {
    const { ingest, sqlite } = setUp();
    const result = ingest.ingest(1, customerMessage({ body: 'هل الفيلا في حطين متاحة؟' }));
    expect(result.kind).toBe('stored');
    expect(sqlite.prepare('select phone, name from contacts').all()).toEqual([{ phone: '+966501234567', name: 'Fahd' }]);
    expect(sqlite.prepare('select last_message, unread_count, status, wa_chat_id from conversations').get()).toEqual({
      last_message: 'هل الفيلا في حطين متاحة؟',
      unread_count: 1,
      status: 'active',
      wa_chat_id: '966501234567@c.us',
    });
    expect(sqlite.prepare('select sender, type, sender_name from messages').get()).toEqual({ sender: 'customer', type: 'text', sender_name: 'Fahd' });
  });

  it('stores a repeated message once', () => {
    const { ingest, sqlite } = setUp();
    const message = customerMessage();
    expect(ingest.ingest(1, message).kind).toBe('stored');
    expect(ingest.ingest(1, { ...message }).kind).toBe('duplicate');
    expect(count(sqlite, 'messages')).toBe(1);
    expect(sqlite.prepare('select unread_count from conversations').get()).toEqual({ unread_count: 1 });
  });

  it('keeps one conversation per customer and number', () => {
    const { ingest, sqlite } = setUp();
    ingest.ingest(1, customerMessage());
    ingest.ingest(1, customerMessage());
    ingest.ingest(2, customerMessage());
    expect(count(sqlite, 'contacts')).toBe(1);
    expect(count(sqlite, 'conversations')).toBe(2);
  });

  it('reopens a resolved conversation when the customer writes again', () => {
    const { ingest, sqlite } = setUp();
    const first = ingest.ingest(1, customerMessage());
    if (first.kind !== 'stored') throw new Error('not stored');
    sqlite.prepare("update conversations set status = 'resolved' where id = ?").run(first.conversationId);
    const again = ingest.ingest(1, customerMessage());
    expect(again).toMatchObject({ kind: 'stored', reopened: true });
    expect(sqlite.prepare('select status from conversations').get()).toEqual({ status: 'active' });
  });

  it('keeps groups and status broadcasts out of the inbox', () => {
    const { ingest, sqlite } = setUp();
    expect(ingest.ingest(1, customerMessage({ chatId: '120363012345678901@g.us', chatKind: 'group' }))).toEqual({ kind: 'ignored', why: 'not_a_customer_chat' });
    expect(ingest.ingest(1, customerMessage({ chatId: 'status@broadcast', chatKind: 'status' }))).toEqual({ kind: 'ignored', why: 'not_a_customer_chat' });
    expect(count(sqlite, 'messages') + count(sqlite, 'conversations') + count(sqlite, 'contacts')).toBe(0);
  });

  it('a caught-up older message does not replace the newer last message', () => {
    const { ingest, sqlite } = setUp();
    ingest.ingest(1, customerMessage({ body: 'newer', timestamp: Date.UTC(2026, 10, 25, 10) }));
    ingest.ingest(1, customerMessage({ body: 'older', timestamp: Date.UTC(2026, 10, 25, 9) }));
    expect(sqlite.prepare('select last_message, unread_count from conversations').get()).toEqual({ last_message: 'newer', unread_count: 2 });
  });

  it('our own message typed on the phone is stored as the agent’s, without raising the unread count', () => {
    const { ingest, sqlite } = setUp();
    ingest.ingest(1, customerMessage());
    ingest.ingest(1, customerMessage({ fromMe: true, providerId: 'true_966501234567@c.us_3EB0X', body: 'أهلاً', profileName: null }));
    expect(sqlite.prepare("select sender, status from messages where content = 'أهلاً'").get()).toEqual({ sender: 'agent', status: 'sent' });
    expect(sqlite.prepare('select unread_count from conversations').get()).toEqual({ unread_count: 1 });
  });

  it('moves acks forward only: a late delivered never turns read back', () => {
    const { ingest, sqlite } = setUp();
    const stored = ingest.ingest(1, customerMessage({ fromMe: true, providerId: 'true_966501234567@c.us_OUT1', body: 'x' }));
    if (stored.kind !== 'stored') throw new Error('not stored');
    expect(ingest.applyAck(1, { providerId: 'true_966501234567@c.us_OUT1', status: 'read' })?.status).toBe('read');
    expect(ingest.applyAck(1, { providerId: 'true_966501234567@c.us_OUT1', status: 'delivered' })).toBeNull();
    expect(ingest.applyAck(1, { providerId: 'true_966501234567@c.us_OUT1', status: 'failed' })).toBeNull();
    expect(sqlite.prepare('select status from messages').get()).toEqual({ status: 'read' });
  });
});

describe('customers under an @lid', () => {
  const lid = '123456789012345@lid';

  it('are one contact and one conversation by lid until WhatsApp gives the phone, then take it', () => {
    const { ingest, sqlite, clock } = setUp();
    const first = ingest.ingest(1, customerMessage({ chatId: lid, customerPhone: null, customerLid: lid, providerId: 'false_lid_1' }));
    expect(first).toMatchObject({ kind: 'stored', needsLid: lid });
    ingest.ingest(1, customerMessage({ chatId: lid, customerPhone: null, customerLid: lid, providerId: 'false_lid_2' }));
    expect(sqlite.prepare('select phone, wa_lid from contacts').all()).toEqual([{ phone: null, wa_lid: lid }]);
    expect(linkLidToPhone(sqlite, clock, lid, '966501234567')).toHaveLength(1);
    expect(sqlite.prepare('select phone, wa_lid from contacts').all()).toEqual([{ phone: '+966501234567', wa_lid: lid }]);
    // Later messages by phone find the same customer.
    ingest.ingest(1, customerMessage());
    expect(count(sqlite, 'contacts')).toBe(1);
    expect(count(sqlite, 'conversations')).toBe(1);
  });

  it('join the conversation they already had by phone, keeping every message and unread count', () => {
    const { ingest, sqlite, clock } = setUp();
    ingest.ingest(1, customerMessage({ body: 'by phone' }));
    ingest.ingest(1, customerMessage({ chatId: lid, customerPhone: null, customerLid: lid, providerId: 'false_lid_3', body: 'by lid' }));
    expect(count(sqlite, 'conversations')).toBe(2);
    linkLidToPhone(sqlite, clock, lid, '966501234567');
    expect(count(sqlite, 'contacts')).toBe(1);
    expect(sqlite.prepare('select unread_count, last_message, wa_chat_id from conversations').all()).toEqual([{ unread_count: 2, last_message: 'by lid', wa_chat_id: lid }]);
    expect(count(sqlite, 'messages')).toBe(2);
    expect(sqlite.prepare('select phone, wa_lid from contacts').get()).toEqual({ phone: '+966501234567', wa_lid: lid });
  });
});

describe('phone numbers', () => {
  it('are normalised to E.164 from every usual Saudi form', () => {
    for (const typed of ['0501234567', '966501234567', '+966 50 123 4567', '00966501234567', '+966-50-123-4567']) {
      expect(normalizePhone(typed)).toBe('+966501234567');
    }
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('+20 100 123 4567')).toBe('+201001234567');
  });

  it('keeps a WhatsApp id’s digits as the phone, so answers go back to the same chat', () => {
    for (const digits of ['966501234567', '5215512345678', '447700900123', '12025550123']) {
      const phone = phoneFromWhatsApp(digits);
      expect(phone).toBe(`+${digits}`);
      expect(chatIdForPhone(phone!)).toBe(`${digits}@c.us`);
    }
    for (const bad of ['', '12345', '0501234567', '1234567890123456', '96650abc4567']) expect(phoneFromWhatsApp(bad)).toBeNull();
  });
});
