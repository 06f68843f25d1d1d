import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import type { MessageView } from '../../shared/inbox/types';
import { eventually } from '../testing/test-core';
import { linkedNumber, trackedCores, type DemoCore } from '../testing/demo-core';
import { houseSketchPng, simplePdf } from '../whatsapp/demo/demo-files';
import { sweepOrphanMedia } from './orphan-sweep';

const cores = trackedCores(afterEach);
const MB = 1024 * 1024;

/** Every file the media store holds (not counting unfinished uploads). */
function storedFiles(t: DemoCore): string[] {
  const dir = path.join(t.dataDir, 'media');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
}

function incomingFiles(t: DemoCore): string[] {
  return fs.readdirSync(path.join(t.dataDir, 'media', '.incoming'));
}

/** What the composer does: start, send the pieces, finish. */
async function upload(t: DemoCore, token: string, file: { name: string; mimeType: string; data: Buffer }) {
  const { uploadId, chunkBytes } = await t.call('media.uploadStart', { name: file.name, mimeType: file.mimeType, size: file.data.length }, token);
  for (let offset = 0; offset < file.data.length; offset += chunkBytes) {
    await t.call('media.uploadChunk', { uploadId, offset, data: file.data.subarray(offset, offset + chunkBytes).toString('base64') }, token);
  }
  return t.call('media.uploadFinish', { uploadId }, token);
}

/** The whole file back through media.read, piece by piece. */
async function readBack(t: DemoCore, token: string, attachmentId: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const piece = await t.call('media.read', { attachmentId, offset }, token);
    const bytes = Buffer.from(piece.data, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (bytes.length === 0 || offset >= piece.size) break;
  }
  return Buffer.concat(parts);
}

async function conversationWithCustomer(t: DemoCore) {
  const linked = await linkedNumber(t);
  t.world.deliverInbound(linked.phoneWid, { from: '966501230001', body: 'أبغى أشوف صور الشقة', profileName: 'سلمان' });
  const conversation = await eventually(async () => {
    const page = await t.call('conversations.list', {}, linked.admin.token);
    expect(page.data).toHaveLength(1);
    return page.data[0]!;
  });
  return { ...linked, conversation };
}

const sha = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

describe('sending a file', () => {
  it('sends a photo with its caption, keeps it once under its hash, and reaches delivered', async () => {
    const t = cores.startDemo();
    const { admin, conversation, phoneWid } = await conversationWithCustomer(t);
    const photo = houseSketchPng(640, 480);
    const file = await upload(t, admin.token, { name: 'villa.png', mimeType: 'image/png', data: photo });
    expect(file).toMatchObject({ type: 'image', name: 'villa.png', size: photo.length, mimeType: 'image/png' });

    const sent = await t.call('messages.send', { conversationId: conversation.id, content: 'صورة الفيلا من الخارج', attachment: { uploadId: file.uploadId } }, admin.token);
    expect(sent).toMatchObject({ type: 'image', content: 'صورة الفيلا من الخارج', status: 'queued', mediaStatus: 'ready' });
    expect(sent.attachments).toEqual([{ id: expect.any(Number), type: 'image', name: 'villa.png', size: photo.length, mimeType: 'image/png' }]);
    expect(storedFiles(t)).toEqual([sha(photo)]);

    // The simulated phone received a photo with the caption, and its acks came back.
    await eventually(async () => {
      const [message] = (await t.call('messages.list', { conversationId: conversation.id }, admin.token)).filter((m) => m.id === sent.id);
      expect(message?.status).toBe('read');
    });
    const onPhone = t.world.sentMessages(phoneWid).at(-1)!;
    expect(onPhone).toMatchObject({ type: 'image', hasMedia: true, body: 'صورة الفيلا من الخارج' });
    expect(await readBack(t, admin.token, sent.attachments[0]!.id)).toEqual(photo);

    // The same photo again is the same file.
    const again = await upload(t, admin.token, { name: 'villa-again.png', mimeType: 'image/png', data: photo });
    await t.call('messages.send', { conversationId: conversation.id, content: '', attachment: { uploadId: again.uploadId } }, admin.token);
    expect(storedFiles(t)).toEqual([sha(photo)]);
    // An upload is used once.
    const reused = await t.failure('messages.send', { conversationId: conversation.id, content: 'x', attachment: { uploadId: again.uploadId } }, admin.token);
    expect(reused.code).toBe('VALIDATION_ERROR');
  });

  it('sends a document as a document, keeping its name', async () => {
    const t = cores.startDemo();
    const { admin, conversation, phoneWid } = await conversationWithCustomer(t);
    const pdf = simplePdf('Villa floor plan');
    const file = await upload(t, admin.token, { name: 'مخطط الفيلا.pdf', mimeType: 'application/pdf', data: pdf });
    const sent = await t.call('messages.send', { conversationId: conversation.id, attachment: { uploadId: file.uploadId } }, admin.token);
    expect(sent).toMatchObject({ type: 'document', content: '', attachments: [{ type: 'document', name: 'مخطط الفيلا.pdf' }] });
    await eventually(() => expect(t.world.sentMessages(phoneWid).at(-1)).toMatchObject({ type: 'document', hasMedia: true }));
  });

  it('refuses an oversize photo and a file type WhatsApp does not take, and keeps nothing', async () => {
    const t = cores.startDemo();
    const { admin, conversation } = await conversationWithCustomer(t);
    const big = await t.failure('media.uploadStart', { name: 'big.jpg', mimeType: 'image/jpeg', size: 5 * MB + 1 }, admin.token);
    expect(big).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'file', code: 'media_too_large', params: { type: 'image', maxMb: 5 } }] });
    const video = await t.failure('media.uploadStart', { name: 'tour.mp4', mimeType: 'video/mp4', size: 16 * MB + 1 }, admin.token);
    expect((video.details as ApiError['details'] & unknown[])[0]).toMatchObject({ code: 'media_too_large', params: { maxMb: 16 } });
    const doc = await t.failure('media.uploadStart', { name: 'huge.pdf', mimeType: 'application/pdf', size: 100 * MB + 1 }, admin.token);
    expect((doc.details as unknown[])[0]).toMatchObject({ code: 'media_too_large', params: { maxMb: 100 } });
    const exe = await t.failure('media.uploadStart', { name: 'setup.exe', mimeType: 'application/x-msdownload', size: 1000 }, admin.token);
    expect(exe).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'file', code: 'media_type_not_allowed' }] });

    // A file that turns out bigger than it said is dropped, half-written bytes and all.
    const { uploadId } = await t.call('media.uploadStart', { name: 'small.png', mimeType: 'image/png', size: 10 }, admin.token);
    const lie = await t.failure('media.uploadChunk', { uploadId, offset: 0, data: Buffer.alloc(20).toString('base64') }, admin.token);
    expect(lie).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ code: 'media_size_mismatch' }] });
    // A send naming no finished upload stores no message.
    const before = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
    expect((await t.failure('messages.send', { conversationId: conversation.id, content: 'x', attachment: { uploadId } }, admin.token)).code).toBe('VALIDATION_ERROR');
    expect(await t.call('messages.list', { conversationId: conversation.id }, admin.token)).toEqual(before);
    expect(storedFiles(t)).toEqual([]);
    expect(incomingFiles(t)).toEqual([]);
  });

  it('refuses a file whose bytes are not the type it declares, and keeps nothing of it', async () => {
    const t = cores.startDemo();
    const { admin, conversation } = await conversationWithCustomer(t);
    const noise = crypto.randomBytes(300_000);
    const { uploadId } = await t.call('media.uploadStart', { name: 'villa.png', mimeType: 'image/png', size: noise.length }, admin.token);
    const refused = await t.failure('media.uploadChunk', { uploadId, offset: 0, data: noise.toString('base64') }, admin.token);
    expect(refused).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'file', code: 'media_content_mismatch', params: { mimeType: 'image/png' } }] });
    // The upload is gone: nothing to finish or attach, and no bytes on disk.
    expect((await t.failure('media.uploadFinish', { uploadId }, admin.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('messages.send', { conversationId: conversation.id, content: 'x', attachment: { uploadId } }, admin.token)).code).toBe('VALIDATION_ERROR');
    expect(storedFiles(t)).toEqual([]);
    expect(incomingFiles(t)).toEqual([]);
  });

  it('fails a queued file whose copy left the media folder, saying so', async () => {
    const t = cores.startDemo();
    const { admin, conversation, number } = await conversationWithCustomer(t);
    await t.call('numbers.disconnect', { id: number.id }, admin.token);
    const photo = houseSketchPng(50, 50);
    const file = await upload(t, admin.token, { name: 'a.png', mimeType: 'image/png', data: photo });
    const sent = await t.call('messages.send', { conversationId: conversation.id, attachment: { uploadId: file.uploadId } }, admin.token);
    fs.rmSync(path.join(t.dataDir, 'media', sha(photo)));
    await t.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(async () => {
      const message = (await t.call('messages.list', { conversationId: conversation.id }, admin.token)).find((m) => m.id === sent.id);
      expect(message).toMatchObject({ status: 'failed', errorCode: 'media_missing' });
    });
  });
});

describe('receiving a file', () => {
  it("downloads a customer's photo through the transport, stores it by hash and shows it live", async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation } = await conversationWithCustomer(t);
    const photo = houseSketchPng(300, 200);
    t.world.deliverInbound(phoneWid, { from: '966501230001', body: 'هذي واجهة العمارة', profileName: 'سلمان', file: { mimetype: 'image/png', filename: null, data: photo } });

    const update = await eventually(() => {
      const found = t.events.find((e) => e.event === 'message.update');
      expect(found).toBeDefined();
      return found!.data as { conversationId: number; message: MessageView };
    });
    expect(update.conversationId).toBe(conversation.id);
    expect(update.message).toMatchObject({ sender: 'customer', type: 'image', content: 'هذي واجهة العمارة', mediaStatus: 'ready' });
    expect(update.message.attachments).toMatchObject([{ type: 'image', mimeType: 'image/png', size: photo.length }]);
    expect(storedFiles(t)).toEqual([sha(photo)]);
    expect(await readBack(t, admin.token, update.message.attachments[0]!.id)).toEqual(photo);
    // The list shows it by its caption; the thread lists it with its file.
    const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
    expect(thread.at(-1)).toMatchObject({ mediaStatus: 'ready', attachments: [{ type: 'image' }] });
  });

  it("keeps a document's name and marks a file WhatsApp no longer has as unavailable", async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation } = await conversationWithCustomer(t);
    const pdf = simplePdf('Salary certificate');
    t.world.deliverInbound(phoneWid, { from: '966501230001', body: '', file: { mimetype: 'application/pdf', filename: '../../تعريف راتب.pdf', data: pdf } });
    // A file the phone no longer has: the demo keeps no bytes for it.
    const gone = t.world.deliverInbound(phoneWid, { from: '966501230001', body: 'و هذا الصك', file: { mimetype: 'image/jpeg', filename: null, data: Buffer.alloc(0) } });
    expect(gone.hasMedia).toBe(true);
    await eventually(async () => {
      const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
      expect(thread.map((m) => m.mediaStatus)).toEqual([null, 'ready', 'unavailable']);
      expect(thread[1]!.attachments).toMatchObject([{ type: 'document', name: 'تعريف راتب.pdf', mimeType: 'application/pdf' }]);
    });
  });

  it('keeps a received "photo" whose bytes are not an image as a document to save, never shown inline', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation } = await conversationWithCustomer(t);
    const fake = Buffer.concat([Buffer.from('<html><script>alert(1)</script>'), crypto.randomBytes(1000)]);
    t.world.deliverInbound(phoneWid, { from: '966501230001', body: 'شوف الصورة', file: { mimetype: 'image/jpeg', filename: 'photo.jpg', data: fake } });
    await eventually(async () => {
      const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
      expect(thread.at(-1)).toMatchObject({ mediaStatus: 'ready', attachments: [{ type: 'document', mimeType: 'application/octet-stream', size: fake.length }] });
    });
    expect(storedFiles(t)).toEqual([sha(fake)]);
  });

  it('fetches files that arrived while the number was down once it is ready again', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation, number } = await conversationWithCustomer(t);
    await t.call('numbers.disconnect', { id: number.id }, admin.token);
    const photo = houseSketchPng(120, 90);
    t.world.deliverInbound(phoneWid, { from: '966501230001', body: 'صورة المطبخ', file: { mimetype: 'image/png', filename: null, data: photo } });
    await t.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(async () => {
      const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
      expect(thread.at(-1)).toMatchObject({ content: 'صورة المطبخ', mediaStatus: 'ready', attachments: [{ size: photo.length }] });
    });
  });

  it("refuses an agent the files of a number they don't work", async () => {
    const t = cores.startDemo();
    const { admin, phoneWid } = await conversationWithCustomer(t);
    t.world.deliverInbound(phoneWid, { from: '966501230001', body: '', file: { mimetype: 'image/png', filename: null, data: houseSketchPng(20, 20) } });
    const update = await eventually(() => {
      const found = t.events.find((e) => e.event === 'message.update');
      expect(found).toBeDefined();
      return found!.data as { message: MessageView };
    });
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const error = await t.failure('media.read', { attachmentId: update.message.attachments[0]!.id }, agent.token);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'User does not have access to this WhatsApp number' });
  });
});

describe('the media folder', () => {
  it('lets go of files nothing names once they are a day old, and keeps every file a message or a property uses', async () => {
    const t = cores.startDemo();
    const { admin, conversation } = await conversationWithCustomer(t);
    const sentPhoto = houseSketchPng(30, 30);
    const propertyPhoto = houseSketchPng(31, 30);
    const abandoned = houseSketchPng(32, 30);
    const sent = await upload(t, admin.token, { name: 'a.png', mimeType: 'image/png', data: sentPhoto });
    await t.call('messages.send', { conversationId: conversation.id, attachment: { uploadId: sent.uploadId } }, admin.token);
    const villa = await t.call('properties.create', { name: 'فيلا', type: 'villa' }, admin.token);
    await t.call('properties.addPhoto', { id: villa.id, uploadId: (await upload(t, admin.token, { name: 'b.png', mimeType: 'image/png', data: propertyPhoto })).uploadId }, admin.token);
    await upload(t, admin.token, { name: 'c.png', mimeType: 'image/png', data: abandoned });
    const store = t.core.mediaStore;

    // Fresh: an upload may be about to be sent.
    expect(sweepOrphanMedia(t.core.database.sqlite, store, { now: () => Date.now() })).toBe(0);
    const dayLater = { now: () => Date.now() + 25 * 60 * 60_000 };
    expect(sweepOrphanMedia(t.core.database.sqlite, store, dayLater)).toBe(1);
    expect(storedFiles(t).sort()).toEqual([sha(sentPhoto), sha(propertyPhoto)].sort());
  });
});
