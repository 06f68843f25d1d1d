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

describe('what arrives beyond a plain customer text', () => {
  const chat = '966501234567@c.us';
  const row = (sqlite: OpenedDatabase['sqlite'], id: number) => sqlite.prepare('select * from messages where id = ?').get(id) as Record<string, unknown>;
  const stored = (result: ReturnType<Ingest['ingest']>) => {
    if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
    return result;
  };

  it('ignores a message with neither a phone nor a lid for the customer', () => {
    const { ingest, sqlite } = setUp();
    expect(ingest.ingest(1, customerMessage({ customerPhone: null, customerLid: null }))).toEqual({ kind: 'ignored', why: 'no_customer_id' });
    expect(count(sqlite, 'messages')).toBe(0);
  });

  it('a notice or a call is a system line: never unread, never named, and never reopens a resolved conversation', () => {
    const { ingest, sqlite } = setUp();
    const notice = stored(ingest.ingest(1, customerMessage({ type: 'notice', body: 'Security code changed', meta: { notice: { type: 'security_code' } } })));
    expect(sqlite.prepare('select unread_count, has_unread from conversations').get()).toEqual({ unread_count: 0, has_unread: 0 });
    expect(row(sqlite, notice.messageId)).toMatchObject({ sender: 'system', sender_name: null, type: 'notice', status: 'delivered' });
    expect(JSON.parse(String(row(sqlite, notice.messageId).meta))).toEqual({ notice: { type: 'security_code' } });
    sqlite.prepare("update conversations set status = 'resolved'").run();
    const call = stored(ingest.ingest(1, customerMessage({ type: 'call', body: '' })));
    expect(call.reopened).toBe(false);
    expect(sqlite.prepare('select status, unread_count, last_message from conversations').get()).toEqual({ status: 'resolved', unread_count: 0, last_message: '[call]' });
  });

  it('our own message from the phone does not reopen a resolved conversation', () => {
    const { ingest, sqlite } = setUp();
    ingest.ingest(1, customerMessage());
    sqlite.prepare("update conversations set status = 'resolved'").run();
    const own = stored(ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_OWN1`, body: 'تم' })));
    expect(own).toMatchObject({ reopened: false, needsLid: null, hasMedia: false });
    expect(sqlite.prepare('select status, unread_count, last_message from conversations').get()).toEqual({ status: 'resolved', unread_count: 1, last_message: 'تم' });
  });

  it('the echo of an answer the outbox is sending is matched to that answer, not stored a second time', () => {
    const { ingest, sqlite, clock } = setUp();
    const first = stored(ingest.ingest(1, customerMessage()));
    const answer = (content: string, status: string, inFlight: boolean) =>
      Number(
        sqlite
          .prepare("insert into messages (conversation_id, whatsapp_number_id, content, type, sender, status, in_flight_at, created_at) values (?, 1, ?, 'text', 'agent', ?, ?, ?)")
          .run(first.conversationId, content, status, inFlight ? clock.now() : null, clock.now()).lastInsertRowid,
      );
    const inFlight = answer('in flight', 'queued', true);
    const sentNoId = answer('sent without id', 'sent', false);
    const waiting = answer('still waiting', 'queued', false);
    // A customer's message with an answer's text is never taken for its echo.
    expect(ingest.ingest(1, customerMessage({ body: 'in flight' })).kind).toBe('stored');
    expect(ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_E1`, body: 'in flight' }))).toEqual({ kind: 'matched', conversationId: first.conversationId, messageId: inFlight });
    expect(row(sqlite, inFlight)).toMatchObject({ whatsapp_message_id: `true_${chat}_E1`, status: 'sent', in_flight_at: null });
    expect(ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_E2`, body: 'sent without id' }))).toMatchObject({ kind: 'matched', messageId: sentNoId });
    expect(row(sqlite, sentNoId)).toMatchObject({ whatsapp_message_id: `true_${chat}_E2`, status: 'sent' });
    // Not yet handed to WhatsApp: the same text typed on the phone is a message of its own.
    expect(ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_E3`, body: 'still waiting' })).kind).toBe('stored');
    expect(row(sqlite, waiting)).toMatchObject({ whatsapp_message_id: null, status: 'queued' });
    expect(count(sqlite, 'messages')).toBe(6);
  });

  it('a system line of ours is never taken for an answer’s echo', () => {
    const { ingest, sqlite, clock } = setUp();
    const first = stored(ingest.ingest(1, customerMessage()));
    sqlite
      .prepare("insert into messages (conversation_id, whatsapp_number_id, content, type, sender, status, in_flight_at, created_at) values (?, 1, '', 'text', 'agent', 'queued', ?, ?)")
      .run(first.conversationId, clock.now(), clock.now());
    expect(ingest.ingest(1, customerMessage({ fromMe: true, type: 'notice', body: '', providerId: `true_${chat}_N1` })).kind).toBe('stored');
  });

  it('a message that could not be decrypted takes its real content in place when it arrives in full', () => {
    const { ingest, sqlite } = setUp();
    const cipher = customerMessage({ type: 'ciphertext', body: '' });
    const first = stored(ingest.ingest(1, cipher));
    expect(ingest.ingest(1, { ...cipher })).toEqual({ kind: 'duplicate' });
    const original = stored(ingest.ingest(1, customerMessage({ body: 'original' })));
    const originalStanza = `ID${seq}`;
    const full = { ...cipher, type: 'image', body: 'صورة الشقة', hasMedia: true, quotedStanzaId: originalStanza, raw: '{"x":1}' };
    expect(ingest.ingest(1, full)).toEqual({ kind: 'updated', conversationId: first.conversationId, messageId: first.messageId, hasMedia: true });
    expect(row(sqlite, first.messageId)).toMatchObject({ content: 'صورة الشقة', type: 'image', sender: 'customer', media_status: 'pending', quoted_message_id: original.messageId, quoted_wa_id: originalStanza, raw: '{"x":1}' });
    // Its preview takes the real content only where it is still the last message.
    expect(sqlite.prepare('select last_message from conversations').get()).toEqual({ last_message: 'original' });
    expect(ingest.ingest(1, { ...full })).toEqual({ kind: 'duplicate' });
  });

  it('a last message that could not be decrypted shows its real text in the list once it arrives', () => {
    const { ingest, sqlite } = setUp();
    const cipher = customerMessage({ type: 'ciphertext', body: '' });
    const first = stored(ingest.ingest(1, cipher));
    expect(ingest.ingest(1, { ...cipher, type: 'chat', body: 'hello' })).toMatchObject({ kind: 'updated', hasMedia: false });
    expect(row(sqlite, first.messageId)).toMatchObject({ content: 'hello', type: 'text', media_status: null, quoted_message_id: null, quoted_wa_id: null, meta: null, raw: null });
    expect(sqlite.prepare('select last_message from conversations').get()).toEqual({ last_message: 'hello' });
  });

  it('a notice arriving for an undecrypted message becomes a system line', () => {
    const { ingest, sqlite } = setUp();
    const cipher = customerMessage({ type: 'ciphertext', body: '' });
    const first = stored(ingest.ingest(1, cipher));
    ingest.ingest(1, { ...cipher, type: 'notice', body: 'x' });
    expect(row(sqlite, first.messageId)).toMatchObject({ sender: 'system', type: 'notice' });
  });

  it('catch-up shows a stored message edited or deleted since: it takes the latest text, or shows deleted', () => {
    const { ingest, sqlite } = setUp();
    const message = customerMessage({ body: 'first text' });
    const first = stored(ingest.ingest(1, message));
    const editedAt = message.timestamp + 60_000;
    expect(ingest.ingest(1, { ...message, body: 'second text', editedAt })).toMatchObject({ kind: 'updated', messageId: first.messageId, hasMedia: false });
    expect(row(sqlite, first.messageId)).toMatchObject({ content: 'second text', edited_at: editedAt });
    expect(ingest.ingest(1, { ...message, body: 'second text', editedAt })).toEqual({ kind: 'duplicate' });
    // A ciphertext repeat of an edited message changes nothing.
    expect(ingest.ingest(1, { ...message, type: 'ciphertext', body: 'x', editedAt })).toEqual({ kind: 'duplicate' });
    const deletedAt = message.timestamp + 120_000;
    expect(ingest.ingest(1, { ...message, type: 'revoked', body: '', timestamp: deletedAt })).toMatchObject({ kind: 'updated', messageId: first.messageId });
    expect(row(sqlite, first.messageId).deleted_at).toBe(deletedAt);
    expect(ingest.ingest(1, { ...message, type: 'revoked', body: '', timestamp: deletedAt })).toEqual({ kind: 'duplicate' });
  });

  it('a deletion seen with its own time is dated by it, and one whose original we never had is stored as deleted', () => {
    const { ingest, sqlite } = setUp();
    const message = customerMessage({ body: 'text' });
    const first = stored(ingest.ingest(1, message));
    ingest.ingest(1, { ...message, type: 'revoked', body: '', timestamp: message.timestamp + 5, editedAt: message.timestamp + 9 });
    expect(row(sqlite, first.messageId).deleted_at).toBe(message.timestamp + 9);
    const unknown = customerMessage({ type: 'revoked', body: '' });
    const gone = stored(ingest.ingest(1, unknown));
    expect(row(sqlite, gone.messageId)).toMatchObject({ deleted_at: unknown.timestamp, type: 'revoked' });
    const kept = stored(ingest.ingest(1, customerMessage({ editedAt: 123 })));
    expect(row(sqlite, kept.messageId)).toMatchObject({ deleted_at: null, edited_at: 123 });
  });

  it('links a reply to the message it quotes, the customer’s or ours, and keeps the quoted id when the original is unknown', () => {
    const { ingest, sqlite } = setUp();
    const theirs = stored(ingest.ingest(1, customerMessage({ providerId: `false_${chat}_Q1` })));
    const ours = stored(ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_Q2`, body: 'ours' })));
    const toTheirs = stored(ingest.ingest(1, customerMessage({ quotedStanzaId: 'Q1' })));
    const toOurs = stored(ingest.ingest(1, customerMessage({ quotedStanzaId: 'Q2' })));
    const toUnknown = stored(ingest.ingest(1, customerMessage({ quotedStanzaId: 'Q9' })));
    // Another number's message with that id is not this chat's original.
    const otherNumber = stored(ingest.ingest(2, customerMessage({ quotedStanzaId: 'Q1' })));
    expect(row(sqlite, toTheirs.messageId)).toMatchObject({ quoted_message_id: theirs.messageId, quoted_wa_id: 'Q1' });
    expect(row(sqlite, toOurs.messageId)).toMatchObject({ quoted_message_id: ours.messageId, quoted_wa_id: 'Q2' });
    expect(row(sqlite, toUnknown.messageId)).toMatchObject({ quoted_message_id: null, quoted_wa_id: 'Q9' });
    expect(row(sqlite, otherNumber.messageId)).toMatchObject({ quoted_message_id: null, quoted_wa_id: 'Q1' });
  });

  it('fetches a file after the commit: a customer’s with media, and our own photo even before its file is there', () => {
    const { ingest, sqlite } = setUp();
    const photo = stored(ingest.ingest(1, customerMessage({ type: 'image', hasMedia: true, body: '' })));
    expect(photo.hasMedia).toBe(true);
    expect(row(sqlite, photo.messageId)).toMatchObject({ media_status: 'pending', type: 'image' });
    const ownPhoto = stored(ingest.ingest(1, customerMessage({ fromMe: true, type: 'image', hasMedia: false, body: '', providerId: `true_${chat}_P1` })));
    expect(ownPhoto.hasMedia).toBe(true);
    const theirNoFile = stored(ingest.ingest(1, customerMessage({ type: 'image', hasMedia: false, body: '' })));
    expect(theirNoFile.hasMedia).toBe(false);
    expect(row(sqlite, theirNoFile.messageId).media_status).toBeNull();
    const ownText = stored(ingest.ingest(1, customerMessage({ fromMe: true, body: 'text', providerId: `true_${chat}_P2` })));
    expect(row(sqlite, ownText.messageId).media_status).toBeNull();
    for (const type of ['video', 'audio', 'ptt', 'document', 'sticker']) {
      expect(stored(ingest.ingest(1, customerMessage({ fromMe: true, type, hasMedia: false, body: '', providerId: `true_${chat}_${type}` }))).hasMedia, type).toBe(true);
    }
  });

  it('names a customer first met by our own message once they write, and keeps the first name they had', () => {
    const { ingest, sqlite } = setUp();
    ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_F1`, body: 'hello', profileName: 'Our phone' }));
    expect(sqlite.prepare('select name from contacts').get()).toEqual({ name: null });
    expect(sqlite.prepare('select unread_count, has_unread, customer_sort_name from conversations').get()).toEqual({ unread_count: 0, has_unread: 0, customer_sort_name: '+966501234567' });
    ingest.ingest(1, customerMessage({ profileName: 'Fahd' }));
    ingest.ingest(1, customerMessage({ profileName: 'Someone else' }));
    expect(sqlite.prepare('select name, phone from contacts').all()).toEqual([{ name: 'Fahd', phone: '+966501234567' }]);
  });

  it('a customer known by lid is stored with the lid only when WhatsApp gives no phone', () => {
    const { ingest, sqlite } = setUp();
    const lid = '555@lid';
    stored(ingest.ingest(1, customerMessage({ customerLid: lid })));
    expect(sqlite.prepare('select phone, wa_lid from contacts').all()).toEqual([{ phone: '+966501234567', wa_lid: lid }]);
    const byPhone = stored(ingest.ingest(1, customerMessage({ customerPhone: '966501111111', chatId: '966501111111@c.us', customerLid: null })));
    expect(byPhone.needsLid).toBeNull();
  });

  it('fills in what a known customer lacked: the phone for one known by lid, the lid for one known by phone', () => {
    const { ingest, sqlite } = setUp();
    const lid = '777@lid';
    expect(stored(ingest.ingest(1, customerMessage({ chatId: lid, customerPhone: null, customerLid: lid, providerId: 'false_L1' }))).needsLid).toBe(lid);
    expect(stored(ingest.ingest(1, customerMessage({ chatId: lid, customerLid: lid, providerId: 'false_L2' }))).needsLid).toBeNull();
    const other = '888@lid';
    ingest.ingest(1, customerMessage({ customerPhone: '966502222222', chatId: '966502222222@c.us', providerId: 'false_L3' }));
    ingest.ingest(1, customerMessage({ customerPhone: '966502222222', chatId: '966502222222@c.us', customerLid: other, providerId: 'false_L4' }));
    expect(sqlite.prepare('select phone, wa_lid from contacts order by id').all()).toEqual([
      { phone: '+966501234567', wa_lid: lid },
      { phone: '+966502222222', wa_lid: other },
    ]);
  });

  it('a new conversation is not reported reopened, nor is a message in an active one; the raw payload is kept', () => {
    const { ingest, sqlite } = setUp();
    expect(stored(ingest.ingest(1, customerMessage())).reopened).toBe(false);
    const next = stored(ingest.ingest(1, customerMessage({ type: 'unsupported', raw: '{"kind":"x"}' })));
    expect(next.reopened).toBe(false);
    expect(row(sqlite, next.messageId).raw).toBe('{"kind":"x"}');
  });

  it('a message that could not be decrypted and is then deleted shows as deleted', () => {
    const { ingest, sqlite } = setUp();
    const cipher = customerMessage({ type: 'ciphertext', body: '' });
    const first = stored(ingest.ingest(1, cipher));
    expect(ingest.ingest(1, { ...cipher, type: 'revoked', timestamp: cipher.timestamp + 7 })).toMatchObject({ kind: 'updated' });
    expect(row(sqlite, first.messageId)).toMatchObject({ deleted_at: cipher.timestamp + 7, type: 'ciphertext' });
  });

  it('an ack of failure fails a sent message but not a delivered one; an unknown id changes nothing', () => {
    const { ingest, sqlite } = setUp();
    const a = stored(ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_A1`, body: 'a' })));
    const b = stored(ingest.ingest(1, customerMessage({ fromMe: true, providerId: `true_${chat}_A2`, body: 'b' })));
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A9`, status: 'read' })).toBeNull();
    expect(ingest.applyAck(2, { providerId: `true_${chat}_A1`, status: 'read' })).toBeNull();
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A1`, status: 'failed' })).toMatchObject({ id: a.messageId, status: 'failed' });
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A1`, status: 'failed' })).toBeNull();
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A2`, status: 'delivered' })).toMatchObject({ id: b.messageId, status: 'delivered' });
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A2`, status: 'delivered' })).toBeNull();
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A2`, status: 'failed' })).toBeNull();
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A2`, status: 'sent' })).toBeNull();
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A2`, status: 'read' })).toMatchObject({ status: 'read' });
    // A failure WhatsApp reported early is overtaken when it says the message went after all.
    expect(ingest.applyAck(1, { providerId: `true_${chat}_A1`, status: 'sent' })).toMatchObject({ status: 'sent' });
    expect(sqlite.prepare('select status from messages order by id').all()).toEqual([{ status: 'sent' }, { status: 'read' }]);
  });
});
