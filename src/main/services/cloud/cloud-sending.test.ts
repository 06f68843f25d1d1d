import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type ManualClock } from '../../testing/test-core';
import { metaError } from '../../testing/fake-graph';
import { houseSketchPng, simplePdf } from '../../whatsapp/demo/demo-files';
import { cloudStatusForLocalId } from '../../whatsapp/cloud/local-id-statuses';
import { cloudCredentials, cloudOffice } from './testing/cloud-office';

let office: Awaited<ReturnType<typeof cloudOffice>> | undefined;
afterEach(async () => {
  await office?.close();
  office = undefined;
});

const messagesPath = new RegExp(`^/${cloudCredentials.phoneNumberId}/messages$`);

async function linkedOffice(options: Parameters<typeof cloudOffice>[0] = {}) {
  office = await cloudOffice(options);
  const linked = await office.link();
  await eventually(async () => expect((await office!.t.call('numbers.list', {}, office!.admin.token))[0]!.connection.state).toBe('CONNECTED'));
  const conversationId = office.customerWrites(linked.numberId, 'السلام عليكم، هل الشقة متاحة؟');
  return { ...office, numberId: linked.numberId, conversationId };
}

/** Runs the outbox's waits (its retry backoff) on the core's clock until the message settles. */
async function settle(clock: ManualClock, read: () => { status: string }, status: string) {
  await eventually(() => {
    const wake = clock.nextWake();
    if (wake !== null && wake > clock.now()) clock.advance(wake - clock.now());
    expect(read().status).toBe(status);
  });
}

async function upload(o: Awaited<ReturnType<typeof linkedOffice>>, name: string, mimeType: string, data: Buffer) {
  const { uploadId } = await o.t.call('media.uploadStart', { name, mimeType, size: data.length }, o.admin.token);
  await o.t.call('media.uploadChunk', { uploadId, offset: 0, data: data.toString('base64') }, o.admin.token);
  return (await o.t.call('media.uploadFinish', { uploadId }, o.admin.token)).uploadId;
}

describe('sending on a Cloud API number', () => {
  it('sends a text with our message id as biz_opaque_callback_data, as a reply when it is one, and records Meta’s wamid', async () => {
    const o = await linkedOffice();
    const [customerMessage] = await o.t.call('messages.list', { conversationId: o.conversationId }, o.admin.token);
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'نعم متاحة، متى تناسبك المعاينة؟', replyToId: customerMessage!.id }, o.admin.token);
    await settle(o.clock, () => o.messageRow(sent.id), 'sent');
    expect(o.messageRow(sent.id).whatsapp_message_id).toMatch(/^wamid\.FAKE/);
    const [request] = o.graph.requestsTo('POST', messagesPath);
    expect(request!.authorization).toBe(`Bearer ${cloudCredentials.accessToken}`);
    expect(request!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '966501234567',
      type: 'text',
      text: { body: 'نعم متاحة، متى تناسبك المعاينة؟', preview_url: false },
      context: { message_id: 'wamid.IN1' },
      biz_opaque_callback_data: `meras:${sent.id}`,
    });
  });

  it('uploads a photo first and sends it by media id with its caption; a document keeps its file name', async () => {
    const o = await linkedOffice();
    const photo = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'واجهة الفيلا', attachment: { uploadId: await upload(o, 'front.png', 'image/png', houseSketchPng(64, 48)) } }, o.admin.token);
    await settle(o.clock, () => o.messageRow(photo.id), 'sent');
    const plan = await o.t.call('messages.send', { conversationId: o.conversationId, content: '', attachment: { uploadId: await upload(o, 'مخطط الفيلا.pdf', 'application/pdf', simplePdf('Villa floor plan')) } }, o.admin.token);
    await settle(o.clock, () => o.messageRow(plan.id), 'sent');

    const uploads = o.graph.requestsTo('POST', new RegExp(`^/${cloudCredentials.phoneNumberId}/media$`));
    expect(uploads.map((u) => [u.body, u.file?.type])).toEqual([
      [{ messaging_product: 'whatsapp', type: 'image/png' }, 'image/png'],
      [{ messaging_product: 'whatsapp', type: 'application/pdf' }, 'application/pdf'],
    ]);
    const [first, second] = o.graph.requestsTo('POST', messagesPath).map((r) => r.body as Record<string, unknown>);
    expect(first).toMatchObject({ type: 'image', image: { id: 'media-1', caption: 'واجهة الفيلا' }, biz_opaque_callback_data: `meras:${photo.id}` });
    expect(second).toMatchObject({ type: 'document', document: { id: 'media-2', filename: 'مخطط الفيلا.pdf' } });
    expect((second!.document as Record<string, unknown>).caption).toBeUndefined();
  });

  it('retries Meta’s throttling (130429) once it passes, and the customer gets the message once', async () => {
    const o = await linkedOffice();
    o.graph.script('POST', messagesPath, metaError(429, 130429, 'Rate limit hit'));
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'شكراً لتواصلك' }, o.admin.token);
    await settle(o.clock, () => o.messageRow(sent.id), 'sent');
    expect(o.graph.requestsTo('POST', messagesPath)).toHaveLength(2);
    expect(o.messageRow(sent.id)).toMatchObject({ status: 'sent', error: null });
  });

  it('retries a 5xx and Meta’s temporary codes 1, 2 and 131056 alike', async () => {
    const o = await linkedOffice();
    o.graph.script('POST', messagesPath, { status: 503, body: 'Service Unavailable' }, metaError(500, 1, 'An unknown error occurred'), metaError(503, 2, 'Service temporarily unavailable'), metaError(400, 131056, 'Pair rate limit hit'));
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'لحظات وأرد عليك' }, o.admin.token);
    // fastOutboxPolicy allows 3 attempts: the first three fail, so it ends as too many attempts — never a duplicate.
    await settle(o.clock, () => o.messageRow(sent.id), 'failed');
    expect(o.messageRow(sent.id).error_code).toBe('too_many_attempts');
    expect(o.graph.requestsTo('POST', messagesPath)).toHaveLength(3);
  });

  it('fails a message Meta refuses for good (131047) with the code and its reason, without retrying', async () => {
    const o = await linkedOffice();
    o.graph.script('POST', messagesPath, metaError(400, 131047, 'Re-engagement message', { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' }));
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'هل ما زلت مهتماً؟' }, o.admin.token);
    await settle(o.clock, () => o.messageRow(sent.id), 'failed');
    expect(o.messageRow(sent.id)).toMatchObject({ error_code: 'meta_131047' });
    expect(o.messageRow(sent.id).error).toContain('131047');
    expect(o.graph.requestsTo('POST', messagesPath)).toHaveLength(1);
    const [view] = (await o.t.call('messages.list', { conversationId: o.conversationId }, o.admin.token)).filter((m) => m.id === sent.id);
    expect(view).toMatchObject({ status: 'failed', errorCode: 'meta_131047' });
  });

  it.each([
    [131026, 'meta_131026'],
    [131049, 'meta_131049'],
    [131050, 'meta_131050'],
    [132000, 'meta_132000'],
    [100, 'meta_100'],
  ])('fails Meta %i for good as %s', async (code, errorCode) => {
    const o = await linkedOffice();
    o.graph.script('POST', messagesPath, metaError(400, code, `Meta error ${code}`));
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'مرحباً' }, o.admin.token);
    await settle(o.clock, () => o.messageRow(sent.id), 'failed');
    expect(o.messageRow(sent.id).error_code).toBe(errorCode);
    expect(o.graph.requestsTo('POST', messagesPath)).toHaveLength(1);
  });

  it('takes the number down as "token expired" when Meta refuses the token on a send; the message waits, unsent', async () => {
    const o = await linkedOffice();
    o.graph.script('POST', messagesPath, metaError(401, 190, 'Error validating access token: Session has expired.', { error_subcode: 463 }));
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'سأرسل لك التفاصيل' }, o.admin.token);
    await eventually(async () => expect((await o.t.call('numbers.list', {}, o.admin.token))[0]!.connection).toMatchObject({ state: 'DISCONNECTED', reason: 'token_expired' }));
    expect(o.messageRow(sent.id).status).toBe('queued');
    expect((await o.t.call('cloud.get', { numberId: o.numberId }, o.admin.token)).tokenExpiredAt).not.toBeNull();
  });

  it('does not send again a message whose answer timed out: it takes its wamid from the status that carries its id', async () => {
    const o = await linkedOffice({ timeoutMs: 300 });
    o.graph.script('POST', messagesPath, 'hang');
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'العنوان: حي الملقا' }, o.admin.token);
    await eventually(() => expect(o.logger.lines.some((line) => line.includes('cloud send timed out'))).toBe(true));
    // The receiver sees Meta's status with our id (biz_opaque_callback_data) and hands it on.
    cloudStatusForLocalId(o.t.core.database.sqlite, `meras:${sent.id}`, 'wamid.ARRIVED-BY-STATUS');
    await eventually(() => expect(o.messageRow(sent.id)).toMatchObject({ status: 'sent', whatsapp_message_id: 'wamid.ARRIVED-BY-STATUS' }));
    expect(o.graph.requestsTo('POST', messagesPath)).toHaveLength(1);
  });

  it('fails a timed-out send as unconfirmed when no status with its id comes, rather than risk sending it twice', async () => {
    const o = await linkedOffice({ timeoutMs: 300, confirmWaitMs: 10 * 60_000 });
    o.graph.script('POST', messagesPath, 'hang');
    const sent = await o.t.call('messages.send', { conversationId: o.conversationId, content: 'نرسل العقد غداً' }, o.admin.token);
    await eventually(() => expect(o.logger.lines.some((line) => line.includes('cloud send timed out'))).toBe(true));
    o.clock.advance(10 * 60_000);
    await eventually(() => expect(o.messageRow(sent.id)).toMatchObject({ status: 'failed', error_code: 'unconfirmed' }));
    expect(o.graph.requestsTo('POST', messagesPath)).toHaveLength(1);
  });
});
