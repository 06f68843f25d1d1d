import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../base/logger';
import { openRawWebSocket, type RawFrame } from '../testing/raw-websocket';
import { migrationsDir, tempDir } from '../testing/test-core';
import { maxFrameBytes } from './socket-limits';
import { startHost, type RunningHost } from './start-host';

function rendererFixture(): string {
  const dir = tempDir('meras-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Meras Desk</title>');
  return dir;
}

/** Another tab that keeps working while one misbehaves. */
async function askAuthState(host: RunningHost): Promise<unknown> {
  const socket = new WebSocket(`${host.url.replace('http', 'ws')}/ws`, { origin: host.url });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const answer = new Promise<unknown>((resolve) => socket.once('message', (raw) => resolve(JSON.parse(String(raw)))));
  socket.send(JSON.stringify({ type: 'call', id: 1, channel: 'auth.state', input: {} }));
  const result = await answer;
  socket.close();
  return result;
}

const text = (s: string) => Buffer.from(s);
const closePayload = (code: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(code);
  return b;
};

/** Each violation RFC 6455 names, and the close code `ws` answers it with. */
const violations: { name: string; frames: RawFrame[]; code: number }[] = [
  { name: 'invalid UTF-8 in a text frame', frames: [{ opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }], code: 1007 },
  { name: 'a length header past 2^53', frames: [{ opcode: 0x1, declaredLength: 2n ** 63n - 1n }], code: 1009 },
  { name: 'a length header past the host\'s frame limit', frames: [{ opcode: 0x2, declaredLength: BigInt(maxFrameBytes + 1) }], code: 1009 },
  { name: 'an unmasked client frame', frames: [{ opcode: 0x1, payload: text('{}'), mask: false }], code: 1002 },
  { name: 'a reserved data opcode', frames: [{ opcode: 0x3, payload: text('x') }], code: 1002 },
  { name: 'a reserved control opcode', frames: [{ opcode: 0xb }], code: 1002 },
  { name: 'the RSV1 bit with no extension agreed', frames: [{ opcode: 0x1, rsv: 0b100, payload: text('{}') }], code: 1002 },
  { name: 'the RSV2 bit', frames: [{ opcode: 0x1, rsv: 0b010, payload: text('{}') }], code: 1002 },
  { name: 'a close frame with a code no one may send (1005)', frames: [{ opcode: 0x8, payload: closePayload(1005) }], code: 1002 },
  { name: 'a close frame with a code below 1000', frames: [{ opcode: 0x8, payload: closePayload(999) }], code: 1002 },
  { name: 'a close frame with a one-byte body', frames: [{ opcode: 0x8, payload: Buffer.from([0x03]) }], code: 1002 },
  { name: 'a ping over 125 bytes', frames: [{ opcode: 0x9, payload: Buffer.alloc(126, 1) }], code: 1002 },
  { name: 'a fragmented ping', frames: [{ opcode: 0x9, fin: false, payload: text('p') }], code: 1002 },
  { name: 'a continuation frame with nothing to continue', frames: [{ opcode: 0x0, payload: text('x') }], code: 1002 },
  { name: 'a new text frame inside a fragmented message', frames: [{ opcode: 0x1, fin: false, payload: text('{') }, { opcode: 0x1, payload: text('}') }], code: 1002 },
];

describe('a tab that breaks the WebSocket protocol before signing in', () => {
  let host: RunningHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  it.each(violations)('$name: closes that socket with $code, and another tab still gets answers', async ({ frames, code }) => {
    host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger });
    const bad = await openRawWebSocket(host.url);
    for (const frame of frames) bad.sendFrame(frame);
    expect(await bad.closeCode).toBe(code);
    bad.socket.destroy();
    expect(await askAuthState(host)).toMatchObject({ type: 'result', id: 1, result: { success: true } });
  });

  it('refuses an upgrade to a target no URL parser takes, and keeps serving', async () => {
    host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger });
    await expect(openRawWebSocket(host.url, '//[')).rejects.toThrow(/403/);
    expect(await askAuthState(host)).toMatchObject({ result: { success: true } });
  });

  it('survives a tab that resets its connection halfway through the handshake', async () => {
    host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger });
    const raw = await openRawWebSocket(host.url);
    raw.socket.resetAndDestroy();
    expect(await askAuthState(host)).toMatchObject({ result: { success: true } });
  });
});
