import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../base/logger';
import { openSocket, rendererFixture } from '../testing/host-socket';
import { openRawWebSocket } from '../testing/raw-websocket';
import { eventually, migrationsDir, tempDir } from '../testing/test-core';
import { defaultSocketLimits, type SocketLimits } from './socket-limits';
import { startHost, type RunningHost } from './start-host';

const MB = 1024 * 1024;

/** A PNG's signature, then noise: 4.5 MB, so each photo read is a full 2 MB piece. */
const bigPhoto = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), crypto.randomBytes(4.5 * MB)]);

/** An admin, a property with one big photo, and the call that reads a piece of it. */
async function propertyWithPhoto(host: RunningHost) {
  const tab = await openSocket(host);
  const setup = await tab.call('auth.setupAdmin', { name: 'مدير', email: 'admin@office.test', password: 'admin-pass-123' });
  const token = setup.success ? setup.data.token : '';
  const property = await tab.call('properties.create', { name: 'فيلا الملقا', type: 'villa' }, token);
  const id = property.success ? property.data.id : 0;
  const started = await tab.call('media.uploadStart', { name: 'villa.png', mimeType: 'image/png', size: bigPhoto.length }, token);
  if (!started.success) throw new Error(JSON.stringify(started.error));
  const { uploadId, chunkBytes } = started.data;
  for (let offset = 0; offset < bigPhoto.length; offset += chunkBytes) {
    await tab.call('media.uploadChunk', { uploadId, offset, data: bigPhoto.subarray(offset, offset + chunkBytes).toString('base64') }, token);
  }
  await tab.call('media.uploadFinish', { uploadId }, token);
  const added = await tab.call('properties.addPhoto', { id, uploadId }, token);
  if (!added.success) throw new Error(JSON.stringify(added.error));
  tab.socket.close();
  const readPiece = (callId: number) => JSON.stringify({ type: 'call', id: callId, channel: 'properties.photo', input: { id, photo: added.data.photos[0], offset: 0 }, token });
  return { readPiece };
}

describe('a tab that stops reading', () => {
  let host: RunningHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });
  const start = (socketLimits: SocketLimits = defaultSocketLimits) =>
    startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger, socketLimits });

  it('cannot make the host hold more than the cap of unread output, however many file pieces it asks for', async () => {
    host = await start();
    const { readPiece } = await propertyWithPhoto(host);
    const before = host.socketStats().answered;
    const rssBefore = process.memoryUsage().rss;
    const reader = await openRawWebSocket(host.url);
    reader.socket.pause();
    const asked = 300; // 300 × 2.8 MB ≈ 840 MB if the host kept every answer
    for (let i = 1; i <= asked; i++) reader.sendFrame({ opcode: 0x1, payload: Buffer.from(readPiece(i)) });
    await eventually(() => expect(host!.socketStats().answered - before).toBe(asked), 60_000);

    const stats = host.socketStats();
    expect(stats.peakBufferedAmount).toBeLessThanOrEqual(defaultSocketLimits.maxBufferedBytes);
    expect(stats.refusedForBacklog).toBeGreaterThan(asked / 2);
    console.info(`paused reader: ${asked} pieces asked, peak buffered ${(stats.peakBufferedAmount / MB).toFixed(2)} MB, ${stats.refusedForBacklog} refused, RSS ${(rssBefore / MB).toFixed(0)} → ${(process.memoryUsage().rss / MB).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB`);

    // Once it reads again it finds its answers: pieces first, then polite refusals.
    reader.socket.resume();
    await eventually(() => expect(reader.received().includes('"code":"RATE_LIMIT_EXCEEDED"')).toBe(true), 30_000);
    expect(reader.received().includes('"success":true')).toBe(true);
    reader.socket.destroy();
  }, 90_000);

  it('is closed at the next heartbeat, releasing what it left unread', async () => {
    host = await start({ ...defaultSocketLimits, heartbeatMs: 2_000 });
    const { readPiece } = await propertyWithPhoto(host);
    const reader = await openRawWebSocket(host.url);
    reader.socket.pause();
    for (let i = 1; i <= 20; i++) reader.sendFrame({ opcode: 0x1, payload: Buffer.from(readPiece(i)) });
    await eventually(() => expect(host!.socketStats().answered).toBeGreaterThanOrEqual(20), 30_000);
    await eventually(() => expect(host!.socketStats().openSockets).toBe(0), 30_000);
    reader.socket.destroy();
    const other = await openSocket(host);
    expect(await other.call('auth.state', {})).toMatchObject({ success: true });
    other.socket.close();
  }, 60_000);
});
