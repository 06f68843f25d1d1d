import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { metaError, startFakeGraph, type FakeGraph } from '../../../testing/fake-graph';
import { eventually } from '../../../testing/test-core';
import { writeGraphSettings } from '../cloud-store';
import { mediaRetryMs } from './start-cloud-webhook';
import { messagesValue, metaBody, sender, testPhoneNumberId } from './testing/meta-payloads';
import { accessToken, startWebhookFixture, type WebhookFixture } from './testing/webhook-fixture';

/** Meta's file host (lookaside): serves a file only to the number's bearer token. */
async function startFileHost(file: Buffer) {
  const hits: (string | undefined)[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.headers.authorization);
    if (req.headers.authorization !== `Bearer ${accessToken}`) return void (res.writeHead(401), res.end());
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(file.length) });
    res.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp_business/attachments/?mid=1`, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a photo of the villa')]);
const imageMessage = metaBody({
  changes: [{ value: messagesValue([{ from: '966512345678', id: 'wamid.IMG', timestamp: '1764000000', type: 'image', image: { id: 'MEDIA-1', mime_type: 'image/jpeg', caption: 'الواجهة' } }], [sender('966512345678', 'محمد')]) }],
});

let fixture: WebhookFixture | undefined;
let graph: FakeGraph | undefined;
let files: Awaited<ReturnType<typeof startFileHost>> | undefined;
afterEach(async () => {
  await fixture?.close();
  await graph?.close();
  await files?.close();
  fixture = graph = files = undefined;
});

async function setUp() {
  graph = await startFakeGraph();
  graph.addNumber({ phoneNumberId: testPhoneNumberId, wabaId: 'WABA1', accessToken, displayPhoneNumber: '+966 50 000 0001', verifiedName: 'مكتب ميراس' });
  files = await startFileHost(photo);
  fixture = await startWebhookFixture();
  writeGraphSettings(fixture.sqlite, { baseUrl: graph.baseUrl, version: 'v21.0' }, fixture.clock.now());
  return { graph, files, fixture };
}

const mediaState = (f: WebhookFixture) => f.sqlite.prepare("select media_status from messages where whatsapp_message_id = 'wamid.IMG'").get() as { media_status: string } | undefined;

describe('Cloud webhook: received files', () => {
  it('downloads a photo by its media id through the Graph API with the number’s token and keeps it by hash', async () => {
    const { graph, files, fixture } = await setUp();
    graph.script('GET', /^\/MEDIA-1$/, { status: 200, body: { url: files.url, mime_type: 'image/jpeg', sha256: 'x', file_size: photo.length, id: 'MEDIA-1', messaging_product: 'whatsapp' } });
    expect((await fixture.post(imageMessage)).status).toBe(200);
    await fixture.receiver.idle();
    await eventually(() => expect(mediaState(fixture)).toEqual({ media_status: 'ready' }));
    const sha256 = createHash('sha256').update(photo).digest('hex');
    expect(fixture.sqlite.prepare('select type, sha256, size, mime_type from message_attachments').all()).toEqual([{ type: 'image', sha256, size: photo.length, mime_type: 'image/jpeg' }]);
    expect(fs.readFileSync(fixture.t.core.mediaStore.pathOf(sha256)).equals(photo)).toBe(true);
    expect(graph.requestsTo('GET', /^\/MEDIA-1$/).map((r) => r.authorization)).toEqual([`Bearer ${accessToken}`]);
    expect(files.hits).toEqual([`Bearer ${accessToken}`]);
  });

  it('keeps the message when the download fails and fetches the file on a later try', async () => {
    const { graph, files, fixture } = await setUp();
    graph.script('GET', /^\/MEDIA-1$/, metaError(500, 2, 'Service temporarily unavailable'), { status: 200, body: { url: files.url, mime_type: 'image/jpeg', id: 'MEDIA-1' } });
    expect((await fixture.post(imageMessage)).status).toBe(200);
    await fixture.receiver.idle();
    await eventually(() => expect(graph.requestsTo('GET', /^\/MEDIA-1$/)).toHaveLength(1));
    await fixture.t.core.whatsapp.media.idle();
    expect(mediaState(fixture)).toEqual({ media_status: 'pending' });
    expect(fixture.sqlite.prepare("select content from messages where whatsapp_message_id = 'wamid.IMG'").get()).toEqual({ content: 'الواجهة' });

    fixture.clock.advance(mediaRetryMs);
    await eventually(() => expect(mediaState(fixture)).toEqual({ media_status: 'ready' }));
    expect(fixture.count('message_attachments')).toBe(1);
  });

  it('marks the file unavailable when Meta no longer has it', async () => {
    const { graph, fixture } = await setUp();
    graph.script('GET', /^\/MEDIA-1$/, metaError(400, 100, 'Unsupported get request. Object with ID does not exist'));
    expect((await fixture.post(imageMessage)).status).toBe(200);
    await fixture.receiver.idle();
    await eventually(() => expect(mediaState(fixture)).toEqual({ media_status: 'unavailable' }));
  });
});
