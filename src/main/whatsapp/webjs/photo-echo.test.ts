import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/inbox/types';
import { fakeWebjsFactory } from '../../testing/fake-webjs-client';
import { eventually, fastCatchUpPolicy, fastOutboxPolicy, fastSessionPolicy, startTestCore } from '../../testing/test-core';
import { houseSketchPng } from '../demo/demo-files';

const customer = '966501234567@c.us';
const own = '966550000001@c.us';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
});

async function connected() {
  const fake = fakeWebjsFactory();
  const t = startTestCore({ whatsapp: { factory: fake.factory, sessionPolicy: fastSessionPolicy, outboxPolicy: fastOutboxPolicy, catchUpPolicy: fastCatchUpPolicy } });
  running.push(t);
  const admin = await t.setupAdmin();
  const number = await t.call('numbers.create', { name: 'المبيعات' }, admin.token);
  await t.call('numbers.connect', { id: number.id }, admin.token);
  await eventually(() => expect(t.core.whatsapp.sessions.isConnected(number.id)).toBe(true));
  // The customer wrote first, so the conversation exists.
  fake.client.arrive({ id: { fromMe: false, remote: customer, id: '3A0001', $1: `false_${customer}_3A0001` }, from: customer, to: own, t: Math.floor(Date.now() / 1000), type: 'chat', body: 'أرسل لي صورة الفيلا', notifyName: 'أبو فهد', ack: 1 });
  const conversationId = await eventually(async () => {
    const list = await t.call('conversations.list', {}, admin.token);
    expect(list.data).toHaveLength(1);
    return list.data[0]!.id;
  });
  const thread = () => t.call('messages.list', { conversationId }, admin.token);
  return { t, admin, fake, conversationId, thread };
}

describe('a photo in the thread', () => {
  it('sent from the app shows as one bubble even when WhatsApp echoes it before the send returns', async () => {
    const { t, admin, fake, conversationId, thread } = await connected();
    fake.client.echoBeforeResolve = true;
    const photo = houseSketchPng(64, 48);
    const { uploadId, chunkBytes } = await t.call('media.uploadStart', { name: 'villa.png', mimeType: 'image/png', size: photo.length }, admin.token);
    for (let offset = 0; offset < photo.length; offset += chunkBytes) {
      await t.call('media.uploadChunk', { uploadId, offset, data: photo.subarray(offset, offset + chunkBytes).toString('base64') }, admin.token);
    }
    await t.call('media.uploadFinish', { uploadId }, admin.token);
    const sent = await t.call('messages.send', { conversationId, content: 'الواجهة من الشارع', attachment: { uploadId } }, admin.token);

    const ours = await eventually(async () => {
      const messages = (await thread()).filter((m) => m.sender === 'agent');
      expect(messages).toHaveLength(1);
      expect(messages[0]!.status).toBe('sent');
      return messages[0]!;
    });
    expect(fake.client.sent).toHaveLength(1);
    expect(ours).toMatchObject({ id: sent.id, type: 'image', content: 'الواجهة من الشارع', attachments: [{ type: 'image', name: 'villa.png' }] });
    // Nobody was shown a second bubble: no message.new for anything but the one the agent sent.
    const shown = t.events.filter((e) => e.event === 'message.new').map((e) => (e.data as { message: MessageView }).message).filter((m) => m.sender === 'agent');
    expect(shown.map((m) => m.id)).toEqual([sent.id]);
  });

  it('sent from the phone itself shows as a photo with its file, not as text', async () => {
    const { fake, thread } = await connected();
    const photo = houseSketchPng(80, 60);
    const key = { fromMe: true, remote: customer, id: '3EB0PHONE1', $1: `true_${customer}_3EB0PHONE1` };
    const model = { id: key, from: own, to: customer, t: Math.floor(Date.now() / 1000), type: 'image', body: '/9j/4AAQSkZJRgABAQ'.repeat(40), caption: 'من الجوال', mimetype: 'image/png', ack: 0 };
    // The phone has the file by the time the app asks for it.
    fake.client.uploaded.set(key.$1, { model, file: { mimetype: 'image/png', data: photo.toString('base64'), filename: null, filesize: photo.length } });
    fake.client.arrive(model);
    const mine = await eventually(async () => {
      const messages = (await thread()).filter((m) => m.sender === 'agent');
      expect(messages).toHaveLength(1);
      expect(messages[0]!.attachments).toHaveLength(1);
      return messages[0]!;
    });
    expect(mine).toMatchObject({ type: 'image', content: 'من الجوال', attachments: [{ type: 'image', size: photo.length, mimeType: 'image/png' }] });
    expect(mine.content).not.toContain('/9j/');
  });
});
