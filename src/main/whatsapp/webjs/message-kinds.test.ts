import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/inbox/types';
import { fakeWebjsFactory, type FakeWebjsClient } from '../../testing/fake-webjs-client';
import { eventually, fastCatchUpPolicy, fastOutboxPolicy, fastSessionPolicy, startTestCore } from '../../testing/test-core';

const customer = '966501234567@c.us';
const own = '966550000001@c.us';
const wid = (id: string) => ({ server: id.split('@')[1], user: id.split('@')[0], _serialized: id });
let seq = 0;
const nextId = () => `3A${(++seq).toString(16).toUpperCase().padStart(18, '0')}`;

/**
 * A raw WhatsApp Web message model as whatsapp-web.js 1.34.7 receives it. `shape: 'event'`:
 * as the page hands it to message_create on builds since July 2026 (string ids, the key's
 * serialized form under `$1`); `shape: 'fetch'`: as fetchMessages returns it (Wid objects).
 */
function model(fields: Record<string, unknown>, options: { fromMe?: boolean; shape?: 'event' | 'fetch'; id?: string } = {}) {
  const fromMe = options.fromMe ?? false;
  const id = options.id ?? nextId();
  const from = fromMe ? own : customer;
  const to = fromMe ? customer : own;
  const fetch = options.shape === 'fetch';
  return {
    id: { fromMe, remote: customer, id, ...(fetch ? { _serialized: `${fromMe}_${customer}_${id}` } : { $1: `${fromMe}_${customer}_${id}` }) },
    from: fetch ? wid(from) : from,
    to: fetch ? wid(to) : to,
    t: Math.floor(Date.now() / 1000),
    ack: 1,
    notifyName: 'أبو فهد',
    type: 'chat',
    body: '',
    ...fields,
  };
}

const thumbnail = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJCAc'.repeat(20);

async function connected() {
  const fake = fakeWebjsFactory();
  const t = startTestCore({ whatsapp: { factory: fake.factory, sessionPolicy: fastSessionPolicy, outboxPolicy: fastOutboxPolicy, catchUpPolicy: fastCatchUpPolicy } });
  const admin = await t.setupAdmin();
  const number = await t.call('numbers.create', { name: 'المبيعات' }, admin.token);
  await t.call('numbers.connect', { id: number.id }, admin.token);
  await eventually(() => expect(t.core.whatsapp.sessions.isConnected(number.id)).toBe(true));
  // The Client of the current session (a reconnect makes a new one, as whatsapp-web.js does).
  const client = new Proxy({} as FakeWebjsClient, { get: (_, key) => { const c = fake.client; const v = Reflect.get(c, key) as unknown; return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(c) : v; } });
  /** The thread of the customer's conversation, once it has `count` messages. */
  async function thread(count = 1): Promise<MessageView[]> {
    return eventually(async () => {
      const list = await t.call('conversations.list', {}, admin.token);
      expect(list.data).toHaveLength(1);
      const messages = await t.call('messages.list', { conversationId: list.data[0]!.id }, admin.token);
      expect(messages.length).toBeGreaterThanOrEqual(count);
      return messages;
    });
  }
  const published = (event: string) => t.events.filter((e) => e.event === event).map((e) => e.data as { message: MessageView });
  return { t, admin, number, client, thread, published };
}

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
});
async function start() {
  const c = await connected();
  running.push(c.t);
  return c;
}

describe('every WhatsApp message shows as what it is', () => {
  for (const shape of ['event', 'fetch'] as const) {
    it(`a location keeps its place and coordinates, never the thumbnail in body (${shape} shape)`, async () => {
      const { client, thread, published } = await start();
      const raw = model({ type: 'location', body: thumbnail, lat: 24.8255, lng: 46.6521, loc: 'حي النرجس\nالرياض، طريق الملك سلمان' }, { shape });
      client.arrive(raw);
      const [message] = await thread();
      expect(message).toMatchObject({
        type: 'location',
        content: 'حي النرجس',
        meta: { location: { latitude: 24.8255, longitude: 46.6521, name: 'حي النرجس', address: 'الرياض، طريق الملك سلمان' } },
      });
      expect(JSON.stringify(message)).not.toContain('/9j/');
      expect(published('message.new')[0]?.message.type).toBe('location');
    });
  }

  it('contact cards, one or several, show each name and phone parsed from the vCard', async () => {
    const { client, thread } = await start();
    const card = (name: string, digits: string) => `BEGIN:VCARD\nVERSION:3.0\nN:;${name};;;\nFN:${name}\nTEL;type=CELL;type=VOICE;waid=${digits}:+${digits}\nEND:VCARD`;
    client.arrive(model({ type: 'vcard', body: card('سالم العتيبي', '966512345678'), vcardFormattedName: 'سالم العتيبي' }));
    client.arrive(model({ type: 'multi_vcard', body: '', vcardList: [{ displayName: 'نورة', vcard: card('نورة', '966598765432') }, { displayName: 'Omar', vcard: card('Omar', '971501112222') }] }));
    const messages = await thread(2);
    expect(messages.map((m) => [m.type, m.meta.contacts])).toEqual([
      ['contacts', [{ name: 'سالم العتيبي', phones: ['+966512345678'] }]],
      ['contacts', [{ name: 'نورة', phones: ['+966598765432'] }, { name: 'Omar', phones: ['+971501112222'] }]],
    ]);
    expect(messages.every((m) => !m.content.includes('BEGIN:VCARD'))).toBe(true);
  });

  it('a reply keeps the link to the message it quotes, and an agent reply goes out as a WhatsApp quoted reply', async () => {
    const { t, admin, client, thread } = await start();
    const originalId = nextId();
    const replyId = nextId();
    client.arrive(model({ body: 'كم سعر الشقة؟' }, { id: originalId }));
    await thread(1);
    client.arrive(model({ body: 'وهل فيها موقف؟', quotedStanzaID: originalId, quotedParticipant: customer, quotedMsg: { type: 'chat', body: 'كم سعر الشقة؟' } }, { id: replyId }));
    const [original, reply] = await thread(2);
    expect(reply!.quoted).toEqual({ id: original!.id, content: 'كم سعر الشقة؟', type: 'text', fromMe: false, deleted: false });

    const sent = await t.call('messages.send', { conversationId: reply!.conversationId, content: 'نعم، موقفان', replyToId: reply!.id }, admin.token);
    expect(sent.quoted?.id).toBe(reply!.id);
    await eventually(() => expect(client.sent).toHaveLength(1));
    expect(client.sent[0]).toMatchObject({ chatId: customer, content: 'نعم، موقفان', options: { quotedMessageId: `false_${customer}_${replyId}` } });
  });

  it('deleted for everyone marks the original once (key in protocolMessageKey or under $1), also from catch-up', async () => {
    const { client, thread, published } = await start();
    const id = nextId();
    const original = model({ body: 'رقمي الخاص 0501111111' }, { id });
    client.arrive(original);
    await thread(1);
    // The revoke: the same model turned `revoked`, its original key in protocolMessageKey (July 2026 builds: `$1`).
    const revoked = client.message({ ...original, type: 'revoked', body: '', protocolMessageKey: { fromMe: false, remote: customer, id, $1: `false_${customer}_${id}` } });
    client.emit('message_revoke_everyone', revoked, null);
    client.emit('message_revoke_everyone', revoked, null);
    const [message] = await eventually(async () => {
      const list = await thread(1);
      expect(list[0]!.deletedAt).not.toBeNull();
      return list;
    });
    expect(message).toMatchObject({ content: '' });
    expect(published('message.update').filter((u) => u.message.id === message!.id)).toHaveLength(1);
  });

  it('an edit shows the latest text marked edited; earlier versions are kept and listed', async () => {
    const { t, admin, client, thread, published } = await start();
    const raw = model({ body: 'أبغى شقة ٣ غرف' });
    const first = client.arrive(raw);
    await thread(1);
    client.emit('message_edit', client.message({ ...raw, body: 'أبغى شقة ٤ غرف', latestEditSenderTimestampMs: 1_790_000_500_000 }), 'أبغى شقة ٤ غرف', 'أبغى شقة ٣ غرف');
    client.emit('message_edit', client.message({ ...raw, body: 'أبغى فيلا', latestEditSenderTimestampMs: 1_790_000_600_000 }), 'أبغى فيلا', 'أبغى شقة ٤ غرف');
    const [message] = await eventually(async () => {
      const list = await thread(1);
      expect(list[0]!.content).toBe('أبغى فيلا');
      return list;
    });
    expect(message!.editedAt).not.toBeNull();
    expect(first.id).toBeDefined();
    const versions = await t.call('messages.versions', { id: message!.id }, admin.token);
    expect(versions.map((v) => v.content)).toEqual(['أبغى شقة ٣ غرف', 'أبغى شقة ٤ غرف']);
    expect(published('message.new')).toHaveLength(1);
  });

  it('reactions show on the message they target with counts; an empty reaction removes; never a new bubble', async () => {
    const { client, thread } = await start();
    const id = nextId();
    client.arrive(model({ body: 'تم الحجز' }, { id, fromMe: true }));
    const [message] = await thread(1);
    const key = { fromMe: true, remote: customer, id, $1: `true_${customer}_${id}` };
    client.reaction({ msgKey: { fromMe: false, remote: customer, id: 'R1' }, parentMsgKey: key, reactionText: '👍', senderUserJid: customer, timestamp: 1 });
    client.reaction({ msgKey: { fromMe: true, remote: customer, id: 'R2' }, parentMsgKey: key, reactionText: '👍', senderUserJid: own, timestamp: 2 });
    await eventually(async () => expect((await thread(1))[0]!.reactions).toEqual([{ emoji: '👍', count: 2 }]));
    client.reaction({ msgKey: { fromMe: false, remote: customer, id: 'R3' }, parentMsgKey: key, reactionText: '', senderUserJid: customer, timestamp: 3 });
    const after = await eventually(async () => {
      const list = await thread(1);
      expect(list[0]!.reactions).toEqual([{ emoji: '👍', count: 1 }]);
      return list;
    });
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(message!.id);
  });

  it('a poll is shown with its options, and votes count when they arrive', async () => {
    const { client, thread } = await start();
    const id = nextId();
    client.arrive(model({ type: 'poll_creation', body: '', pollName: 'أي وقت يناسبك للمعاينة؟', pollOptions: [{ name: 'الصباح', localId: 0 }, { name: 'المساء', localId: 1 }], pollSelectableOptionsCount: 1 }, { id }));
    const [poll] = await thread(1);
    expect(poll).toMatchObject({ type: 'poll', content: 'أي وقت يناسبك للمعاينة؟', meta: { poll: { options: [{ id: 0, name: 'الصباح' }, { id: 1, name: 'المساء' }], multiple: false } } });
    client.emit('vote_update', { voter: customer, selectedOptions: [{ localId: 1, name: 'المساء' }], parentMsgKey: { fromMe: false, remote: customer, id, $1: `false_${customer}_${id}` } });
    await eventually(async () => expect((await thread(1))[0]!.meta.poll!.votes).toEqual({ [customer]: [1] }));
  });

  it('security-code changes, number changes and missed calls are system lines that add no unread count', async () => {
    const { t, admin, client, thread } = await start();
    client.arrive(model({ body: 'مرحبا' }));
    await thread(1);
    await t.call('conversations.markRead', { id: (await thread(1))[0]!.conversationId }, admin.token);
    client.arrive(model({ type: 'e2e_notification', subtype: 'identity' }));
    client.arrive(model({ type: 'call_log', callOutcome: 'Missed', isVideoCall: false }));
    const messages = await thread(3);
    expect(messages.slice(1).map((m) => [m.type, m.sender])).toEqual([
      ['notice', 'system'],
      ['call', 'system'],
    ]);
    expect(messages[2]!.meta.call).toEqual({ video: false, missed: true });
    const list = await t.call('conversations.list', {}, admin.token);
    expect(list.data[0]!.unreadCount).toBe(0);
  });

  it('a customer who changed number continues in the same contact and conversation', async () => {
    const { t, admin, client, thread } = await start();
    client.arrive(model({ body: 'مرحبا' }));
    const [first] = await thread(1);
    const newId = '966509999999@c.us';
    const notice = client.message(model({ type: 'notification_template', subtype: 'change_number', templateParams: [customer, newId], to: newId }));
    client.emit('contact_changed', notice, customer, newId, true);
    const list = await eventually(async () => {
      const l = await t.call('conversations.list', {}, admin.token);
      expect(l.data[0]!.contact.phone).toBe('+966509999999');
      return l;
    });
    expect(list.data).toHaveLength(1);
    const messages = await thread(2);
    expect(messages[1]).toMatchObject({ conversationId: first!.conversationId, type: 'notice', sender: 'system', meta: { notice: { type: 'number_changed', newPhone: '+966509999999' } } });
  });

  it('a message that could not be decrypted is a placeholder, replaced in place when it decrypts', async () => {
    const { client, thread, published } = await start();
    const id = nextId();
    client.emit('message_ciphertext', client.message(model({ type: 'ciphertext', body: '' }, { id })));
    const [placeholder] = await thread(1);
    expect(placeholder).toMatchObject({ type: 'ciphertext', content: '' });
    client.arrive(model({ body: 'وصلت الرسالة الآن' }, { id }));
    const [message] = await eventually(async () => {
      const list = await thread(1);
      expect(list[0]!.type).toBe('text');
      return list;
    });
    expect(message).toMatchObject({ id: placeholder!.id, content: 'وصلت الرسالة الآن' });
    expect(published('message.new')).toHaveLength(1);
  });

  it('an unknown kind is kept as unsupported with its raw payload, without file data', async () => {
    const { t, client, thread } = await start();
    client.arrive(model({ type: 'event_creation', body: thumbnail, eventName: 'افتتاح المعرض', jpegThumbnail: thumbnail }));
    const [message] = await thread(1);
    expect(message).toMatchObject({ type: 'unsupported', meta: { waType: 'event_creation' } });
    const row = t.core.database.sqlite.prepare<[number], { raw: string }>('select raw from messages where id = ?').get(message!.id)!;
    expect(JSON.parse(row.raw)).toMatchObject({ type: 'event_creation', eventName: 'افتتاح المعرض' });
    expect(row.raw).not.toContain('/9j/');
  });

  it('a document keeps its name out of the caption; forwarded and voice note durations are marked', async () => {
    const { client, thread } = await start();
    client.arrive(model({ type: 'document', directPath: '/v/t62', caption: 'عقد.pdf', filename: 'عقد.pdf', mimetype: 'application/pdf', body: thumbnail }));
    client.arrive(model({ type: 'ptt', directPath: '/v/t62', duration: '14', isForwarded: true, body: '' }));
    const [document, voice] = await thread(2);
    expect(document).toMatchObject({ type: 'document', content: '' });
    expect(voice).toMatchObject({ type: 'ptt', meta: { durationSec: 14, forwarded: true } });
  });

  it('catch-up carrying a revoke and an edit changes the stored messages in place', async () => {
    const { t, admin, number, client, thread } = await start();
    const keep = nextId();
    const gone = nextId();
    client.arrive(model({ body: 'السعر ٩٠٠ ألف' }, { id: keep }));
    client.arrive(model({ body: 'رقم الهوية ١٠٢٣' }, { id: gone }));
    await thread(2);
    await t.call('numbers.disconnect', { id: number.id }, admin.token);
    client.history.set(customer, [
      model({ body: 'السعر ٨٥٠ ألف', latestEditSenderTimestampMs: 1_790_001_000_000 }, { id: keep, shape: 'fetch' }),
      model({ type: 'revoked', body: '' }, { id: gone, shape: 'fetch' }),
    ]);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    const messages = await eventually(async () => {
      const list = await thread(2);
      expect(list[0]!.content).toBe('السعر ٨٥٠ ألف');
      expect(list[1]!.deletedAt).not.toBeNull();
      return list;
    });
    expect(messages).toHaveLength(2);
    expect(messages[0]!.editedAt).not.toBeNull();
  });
});
