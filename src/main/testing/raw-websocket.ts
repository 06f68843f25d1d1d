import crypto from 'node:crypto';
import net from 'node:net';

/**
 * A WebSocket client made of bytes: a real upgrade handshake over a net.Socket, then frames
 * written exactly as a test wants them, including the ones no library would send.
 */
export interface RawWebSocket {
  socket: net.Socket;
  /** Writes one frame; `mask` defaults to true, as a browser's frames are. */
  sendFrame(frame: RawFrame): void;
  /** Writes bytes as they are. */
  write(bytes: Buffer): void;
  /** The code in the server's close frame, or null if the connection ended without one. */
  closeCode: Promise<number | null>;
  /** Everything the server has sent after the handshake. */
  received(): Buffer;
}

export interface RawFrame {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  payload?: Buffer;
  mask?: boolean;
  /** Claims this length in the header whatever the payload is. */
  declaredLength?: bigint;
}

export async function openRawWebSocket(baseUrl: string, path = '/ws'): Promise<RawWebSocket> {
  const url = new URL(baseUrl);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => {});
  socket.write(
    [
      `GET ${path} HTTP/1.1`,
      `Host: ${url.host}`,
      `Origin: ${url.origin}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  let buffer = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const head = buffer.subarray(0, end).toString();
      buffer = buffer.subarray(end + 4);
      if (!head.startsWith('HTTP/1.1 101')) reject(new Error(head.split('\r\n')[0]));
      else resolve();
    };
    socket.on('data', onData);
  });

  const closeCode = new Promise<number | null>((resolve) => {
    const look = () => {
      const code = findCloseCode(buffer);
      if (code !== undefined) resolve(code);
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      look();
    });
    socket.on('close', () => resolve(findCloseCode(buffer) ?? null));
    look();
  });

  return {
    socket,
    sendFrame: (frame) => socket.write(encodeFrame(frame)),
    write: (bytes) => socket.write(bytes),
    closeCode,
    received: () => buffer,
  };
}

export function encodeFrame({ fin = true, rsv = 0, opcode, payload = Buffer.alloc(0), mask = true, declaredLength }: RawFrame): Buffer {
  const length = declaredLength ?? BigInt(payload.length);
  const head: number[] = [(fin ? 0x80 : 0) | (rsv << 4) | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) head.push(maskBit | 126, Number(length >> 8n) & 0xff, Number(length) & 0xff);
  else {
    head.push(maskBit | 127);
    for (let shift = 56n; shift >= 0n; shift -= 8n) head.push(Number((length >> shift) & 0xffn));
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = crypto.randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), key, masked]);
}

/** Walks the server's (unmasked) frames for a close frame and returns its code. */
function findCloseCode(bytes: Buffer): number | null | undefined {
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f;
    let length = bytes[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > bytes.length) return undefined;
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > bytes.length) return undefined;
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > bytes.length) return undefined;
    if (opcode === 0x8) return length >= 2 ? bytes.readUInt16BE(start) : null;
    at = start + length;
  }
  return undefined;
}
