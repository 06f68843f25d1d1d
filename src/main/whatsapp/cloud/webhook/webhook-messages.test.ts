import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../testing/test-core';
import { opaqueForLocalId } from '../local-id-statuses';
import { messagesValue, metaBody, sender, status, statusesValue, textMessage } from './testing/meta-payloads';
import { startWebhookFixture, type WebhookFixture } from './testing/webhook-fixture';

let fixture: WebhookFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const customer = '966512345678';
const at = 1_705_766_400;
const one = (message: Record<string, unknown>, contacts: unknown[] = [sender(customer, 'محمد أحمد')]) => metaBody({ changes: [{ value: messagesValue([message], contacts) }] });
const base = (id: string, type: string, extra: Record<string, unknown>) => ({ from: customer, id, timestamp: String(at), type, ...extra });

async function deliver(f: WebhookFixture, ...bodies: object[]) {
  for (const body of bodies) expect((await f.post(body)).status).toBe(200);
  await f.receiver.idle();
}

type Row = { whatsapp_message_id: string; type: string; content: string; meta: string | null; raw: string | null; media_status: string | null; created_at: number; sender_name: string | null };
const rows = (f: WebhookFixture) => f.sqlite.prepare<[], Row>('select whatsapp_message_id, type, content, meta, raw, media_status, created_at, sender_name from messages order by id').all();
const byId = (f: WebhookFixture, id: string) => rows(f).find((r) => r.whatsapp_message_id === id)!;

describe('Cloud webhook: every kind of message', () => {
  it('stores text, files, a place, contact cards and button and list replies as the inbox shows them, at Meta’s time', async () => {
    // The Graph API is unreachable: files wait (pending), their messages are there.
    fixture = await startWebhookFixture({ fetchMedia: () => Promise.reject(new Error('graph unreachable')) });
    await deliver(
      fixture,
      one(base('wamid.T', 'text', { text: { body: 'مرحبا' } })),
      one(base('wamid.I', 'image', { image: { id: 'MEDIA-I', mime_type: 'image/jpeg', sha256: 'x', caption: 'واجهة الفيلا' } })),
      one(base('wamid.V', 'video', { video: { id: 'MEDIA-V', mime_type: 'video/mp4' } })),
      one(base('wamid.A', 'audio', { audio: { id: 'MEDIA-A', mime_type: 'audio/ogg; codecs=opus', voice: true } })),
      one(base('wamid.M', 'audio', { audio: { id: 'MEDIA-M', mime_type: 'audio/mpeg' } })),
      one(base('wamid.D', 'document', { document: { id: 'MEDIA-D', mime_type: 'application/pdf', filename: 'عقد الإيجار.pdf', caption: 'العقد' } })),
      one(base('wamid.S', 'sticker', { sticker: { id: 'MEDIA-S', mime_type: 'image/webp', animated: false } })),
      one(base('wamid.L', 'location', { location: { latitude: 24.7136, longitude: 46.6753, name: 'حي الملقا', address: 'الرياض' } })),
      one(base('wamid.C', 'contacts', { contacts: [{ name: { formatted_name: 'سارة المطيري', first_name: 'سارة' }, phones: [{ phone: '+966 55 123 4567', wa_id: '966551234567', type: 'CELL' }] }] })),
      one(base('wamid.B', 'interactive', { interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'نعم، أريد موعداً' } } })),
      one(base('wamid.LR', 'interactive', { interactive: { type: 'list_reply', list_reply: { id: 'r2', title: 'شقة ٣ غرف', description: 'الملقا' } } })),
      one(base('wamid.TB', 'button', { button: { text: 'أوقف الرسائل', payload: 'STOP' } })),
    );
    expect(byId(fixture, 'wamid.T')).toMatchObject({ type: 'text', content: 'مرحبا', created_at: at * 1000, sender_name: 'محمد أحمد' });
    expect(byId(fixture, 'wamid.I')).toMatchObject({ type: 'image', content: 'واجهة الفيلا', media_status: 'pending' });
    expect(byId(fixture, 'wamid.V')).toMatchObject({ type: 'video', media_status: 'pending' });
    expect(byId(fixture, 'wamid.A')).toMatchObject({ type: 'ptt', media_status: 'pending' });
    expect(byId(fixture, 'wamid.M')).toMatchObject({ type: 'audio' });
    expect(byId(fixture, 'wamid.D')).toMatchObject({ type: 'document', content: 'العقد' });
    expect(byId(fixture, 'wamid.S')).toMatchObject({ type: 'sticker', media_status: 'pending' });
    expect(fixture.sqlite.prepare("select media_id, file_name from cloud_media_ids where whatsapp_message_id = 'wamid.D'").get()).toEqual({ media_id: 'MEDIA-D', file_name: 'عقد الإيجار.pdf' });
    expect(JSON.parse(byId(fixture, 'wamid.L').meta!)).toEqual({ location: { latitude: 24.7136, longitude: 46.6753, name: 'حي الملقا', address: 'الرياض', url: null } });
    expect(byId(fixture, 'wamid.L').content).toBe('حي الملقا');
    expect(JSON.parse(byId(fixture, 'wamid.C').meta!)).toEqual({ contacts: [{ name: 'سارة المطيري', phones: ['+966551234567'] }] });
    expect(byId(fixture, 'wamid.B')).toMatchObject({ type: 'text', content: 'نعم، أريد موعداً' });
    expect(byId(fixture, 'wamid.LR')).toMatchObject({ type: 'text', content: 'شقة ٣ غرف' });
    expect(byId(fixture, 'wamid.TB')).toMatchObject({ type: 'text', content: 'أوقف الرسائل' });
    // A shared contact card never renames the sender: one contact, the sender, named from value.contacts.
    expect(fixture.sqlite.prepare('select phone, name from contacts').all()).toEqual([{ phone: '+966512345678', name: 'محمد أحمد' }]);
  });

  it('keeps unsupported, order and future kinds as unsupported with Meta’s raw JSON', async () => {
    fixture = await startWebhookFixture();
    await deliver(
      fixture,
      one(base('wamid.U', 'unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }] })),
      one(base('wamid.O', 'order', { order: { catalog_id: 'C1', product_items: [{ product_retailer_id: 'villa-7', quantity: 1, item_price: 1500000, currency: 'SAR' }] } })),
      one(base('wamid.F', 'hologram', { hologram: { id: 'x' } })),
    );
    for (const [id, waType] of [['wamid.U', 'unsupported'], ['wamid.O', 'order'], ['wamid.F', 'hologram']] as const) {
      const row = byId(fixture, id);
      expect(row.type).toBe('unsupported');
      expect(JSON.parse(row.meta!)).toEqual({ waType });
      expect(JSON.parse(row.raw!)).toMatchObject({ id, type: waType });
    }
  });

  it('shows a customer’s changed number or identity as a system line in the thread, not as unsupported', async () => {
    fixture = await startWebhookFixture();
    await deliver(
      fixture,
      one(base('wamid.SYS1', 'system', { system: { body: 'محمد changed from 966512345678 to 966598765432', new_wa_id: '966598765432', type: 'user_changed_number' } })),
      one(base('wamid.SYS2', 'system', { system: { body: 'changed', wa_id: '966511111111', type: 'customer_changed_number' } })),
      one(base('wamid.SYS3', 'system', { system: { body: 'identity', type: 'customer_identity_changed' }, identity: { acknowledged: true, created_timestamp: at } })),
      one(base('wamid.SYS4', 'system', { system: { body: '?', type: 'something_new' } })),
    );
    const line = (id: string) => fixture!.sqlite.prepare<[string], { type: string; sender: string; meta: string | null }>('select type, sender, meta from messages where whatsapp_message_id = ?').get(id)!;
    expect(line('wamid.SYS1')).toEqual({ type: 'notice', sender: 'system', meta: JSON.stringify({ notice: { type: 'number_changed', newPhone: '+966598765432' } }) });
    expect(JSON.parse(line('wamid.SYS2').meta!)).toEqual({ notice: { type: 'number_changed', newPhone: '+966511111111' } });
    expect(line('wamid.SYS3')).toMatchObject({ type: 'notice', sender: 'system' });
    expect(JSON.parse(line('wamid.SYS3').meta!)).toEqual({ notice: { type: 'security_code' } });
    // A system line Meta adds later is still kept, raw, as unsupported.
    expect(line('wamid.SYS4')).toMatchObject({ type: 'unsupported' });
    expect(JSON.parse(byId(fixture, 'wamid.SYS4').raw!)).toMatchObject({ id: 'wamid.SYS4', type: 'system' });
  });

  it('stores every entry, change and message of one batch, with the sender named by wa_id', async () => {
    fixture = await startWebhookFixture();
    const other = '966598765432';
    await deliver(
      fixture,
      metaBody(
        { changes: [{ value: messagesValue([textMessage('wamid.E1a', customer, 'أولى', at), textMessage('wamid.E1b', other, 'ثانية', at + 1)], [sender(other, 'خالد'), sender(customer, 'محمد')]) }, { value: messagesValue([textMessage('wamid.E1c', customer, 'ثالثة', at + 2)], [sender(customer, 'محمد')]) }] },
        { changes: [{ value: messagesValue([textMessage('wamid.E2a', other, 'رابعة', at + 3)], [sender(other, 'خالد')]) }] },
      ),
    );
    expect(rows(fixture).map((r) => [r.whatsapp_message_id, r.sender_name])).toEqual([
      ['wamid.E1a', 'محمد'],
      ['wamid.E1b', 'خالد'],
      ['wamid.E1c', 'محمد'],
      ['wamid.E2a', 'خالد'],
    ]);
    expect(fixture.count('conversations')).toBe(2);
  });

  it('stores a message repeated by Meta once', async () => {
    fixture = await startWebhookFixture();
    const body = one(base('wamid.R', 'text', { text: { body: 'مكرر' } }));
    await deliver(fixture, body, body, body);
    expect(fixture.count('messages')).toBe(1);
    expect(fixture.t.events.filter((e) => e.event === 'message.new')).toHaveLength(1);
  });

  it('puts a reaction on its target and takes it off when the emoji is absent', async () => {
    fixture = await startWebhookFixture();
    await deliver(fixture, one(base('wamid.TGT', 'text', { text: { body: 'كم السعر؟' } })), one(base('wamid.RX', 'reaction', { reaction: { message_id: 'wamid.TGT', emoji: '👍' } })));
    const reactions = () => fixture!.sqlite.prepare<[], { reactions: string | null }>("select reactions from messages where whatsapp_message_id = 'wamid.TGT'").get()!.reactions;
    expect(JSON.parse(reactions()!)).toEqual({ [`${customer}@c.us`]: '👍' });
    expect(fixture.count('messages')).toBe(1);
    await deliver(fixture, one(base('wamid.RX2', 'reaction', { reaction: { message_id: 'wamid.TGT' } })));
    expect(reactions()).toBeNull();
  });

  it('keeps a username user without a phone as a contact keyed by their business-scoped id', async () => {
    fixture = await startWebhookFixture();
    const userId = 'SA.13491208655302741918';
    const message = { id: 'wamid.UN', from_user_id: userId, timestamp: String(at), type: 'text', text: { body: 'أهلاً' } };
    await deliver(fixture, one(message, [{ profile: { name: 'Noura', username: '@noura' }, user_id: userId }]), one({ ...message, id: 'wamid.UN2' }, [{ profile: { username: '@noura' }, user_id: userId }]));
    expect(fixture.sqlite.prepare('select phone, wa_user_id, name from contacts').all()).toEqual([{ phone: null, wa_user_id: userId, name: 'Noura' }]);
    expect(fixture.sqlite.prepare('select wa_chat_id from conversations').all()).toEqual([{ wa_chat_id: `${userId}@bsuid` }]);
    expect(fixture.count('messages')).toBe(2);
  });

  it('logs and otherwise ignores value.errors, other fields and unknown phone-number ids', async () => {
    fixture = await startWebhookFixture();
    await deliver(
      fixture,
      metaBody({ changes: [{ value: { ...messagesValue([]), errors: [{ code: 131000, title: 'Something went wrong' }] } }] }),
      metaBody({ changes: [{ field: 'account_update', value: { metadata: { display_phone_number: '1', phone_number_id: 'x' } } }] }),
      metaBody({ changes: [{ value: messagesValue([textMessage('wamid.X', customer, 'لغير رقمنا', at)], [sender(customer, 'x')], '999999') }] }),
      { object: 'page', entry: [] },
    );
    expect(fixture.count('messages')).toBe(0);
    expect(fixture.count('contacts')).toBe(0);
    expect(fixture.count('cloud_webhook_inbox')).toBe(0);
  });
});

describe('Cloud webhook: statuses of our messages', () => {
  /** A customer's conversation and one answer of ours the outbox sends as `wamid`, returned by the Graph API when `respond` is called. */
  async function answerSent(f: WebhookFixture, wamid: string, options: { holdSend?: boolean } = {}) {
    await deliver(f, one(base('wamid.IN', 'text', { text: { body: 'السلام عليكم' } })));
    const conversationId = f.sqlite.prepare<[], { id: number }>('select id from conversations').get()!.id;
    let respond: () => void = () => {};
    const responded = new Promise<void>((resolve) => (respond = resolve));
    let sends = 0;
    f.t.core.whatsapp.outbox.open(f.numberId, async () => {
      sends++;
      if (options.holdSend) await responded;
      return { providerId: wamid };
    });
    const message = f.t.core.whatsapp.outbox.enqueue({ conversationId, content: 'وعليكم السلام', sender: 'agent', senderId: null, senderName: null });
    if (!options.holdSend) await eventually(() => expect(f.sqlite.prepare('select whatsapp_message_id from messages where id = ?').get(message.id)).toEqual({ whatsapp_message_id: wamid }));
    return { messageId: message.id, respond, sends: () => sends };
  }
  const stateOf = (f: WebhookFixture, id: number) => f.sqlite.prepare<[number], { status: string; error: string | null; error_code: string | null }>('select status, error, error_code from messages where id = ?').get(id)!;

  it('ends at the furthest status whatever order they arrive in, and a repeat changes nothing', async () => {
    fixture = await startWebhookFixture();
    const { messageId } = await answerSent(fixture, 'wamid.OUT1');
    const s = (state: string, i: number) => metaBody({ changes: [{ value: statusesValue([status('wamid.OUT1', state, at + i)]) }] });
    await deliver(fixture, s('read', 3), s('delivered', 2), s('sent', 1), s('delivered', 2));
    expect(stateOf(fixture, messageId).status).toBe('read');
  });

  it('a failed status keeps Meta’s reason (131047) on the message, and a late `sent` does not undo it', async () => {
    fixture = await startWebhookFixture();
    const { messageId } = await answerSent(fixture, 'wamid.OUT2');
    const failed = status('wamid.OUT2', 'failed', at + 5, {
      errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }],
    });
    // Meta's status `contacts` may lack `profile`: tolerated.
    await deliver(fixture, metaBody({ changes: [{ value: { ...statusesValue([failed]), contacts: [{ wa_id: customer }] } }] }), metaBody({ changes: [{ value: statusesValue([status('wamid.OUT2', 'sent', at + 1)]) }] }));
    const state = stateOf(fixture, messageId);
    expect(state).toEqual({ status: 'failed', error: 'Meta 131047: Re-engagement message', error_code: 'meta_131047' });
    expect(fixture.t.events.filter((e) => e.event === 'message.status').at(-1)?.data).toMatchObject({ messageId, status: 'failed' });
  });

  it('a status carrying our id (biz_opaque_callback_data) finds its message before the send response does', async () => {
    fixture = await startWebhookFixture();
    const { messageId, respond, sends } = await answerSent(fixture, 'wamid.OUT3', { holdSend: true });
    await eventually(() => expect(sends()).toBe(1));
    await deliver(fixture, metaBody({ changes: [{ value: statusesValue([status('wamid.OUT3', 'delivered', at + 2, { biz_opaque_callback_data: opaqueForLocalId(messageId) })]) }] }));
    expect(fixture.sqlite.prepare('select whatsapp_message_id, status from messages where id = ?').get(messageId)).toEqual({ whatsapp_message_id: 'wamid.OUT3', status: 'delivered' });
    respond();
    await fixture.t.core.whatsapp.outbox.whenIdle(fixture.numberId);
    expect(fixture.sqlite.prepare('select whatsapp_message_id, status, in_flight_at from messages where id = ?').get(messageId)).toEqual({ whatsapp_message_id: 'wamid.OUT3', status: 'delivered', in_flight_at: null });
    expect(sends()).toBe(1);
    expect(fixture.count('messages')).toBe(2);
  });

  it('a status for a wamid we never sent changes nothing', async () => {
    fixture = await startWebhookFixture();
    await deliver(fixture, metaBody({ changes: [{ value: statusesValue([status('wamid.NEVER', 'read', at)]) }] }));
    expect(fixture.count('messages')).toBe(0);
    expect(fixture.t.events.filter((e) => e.event === 'message.status')).toHaveLength(0);
  });
});
