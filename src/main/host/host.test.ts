import net from 'node:net';
import fs from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { contentSecurityPolicy, hostContentSecurityPolicy } from '../../shared/csp';
import { silentLogger } from '../base/logger';
import { openSocket, rendererFixture } from '../testing/host-socket';
import { migrationsDir, tempDir } from '../testing/test-core';
import { uploadChunkBytes } from '../media/uploads';
import { maxFrameBytes } from './socket-limits';
import { isTrustedOrigin } from './socket-server';
import { startHost, type RunningHost } from './start-host';

describe('which pages may open the socket', () => {
  const req = (origin: string | undefined, host: string | undefined) => ({ headers: { origin, host } }) as IncomingMessage;
  const names = ['localhost', 'office-pc', 'office-pc.local'];

  it('accepts the host\'s own origin by address or by this computer\'s name', () => {
    expect(isTrustedOrigin(req('http://127.0.0.1:5174', '127.0.0.1:5174'), names)).toBe(true);
    expect(isTrustedOrigin(req('http://192.168.1.20:5174', '192.168.1.20:5174'), names)).toBe(true);
    expect(isTrustedOrigin(req('http://[::1]:5174', '[::1]:5174'), names)).toBe(true);
    expect(isTrustedOrigin(req('http://office-pc:5174', 'office-pc:5174'), names)).toBe(true);
  });

  it('refuses another origin, a missing origin, and a foreign name pointed at this computer', () => {
    expect(isTrustedOrigin(req('http://evil.example', '127.0.0.1:5174'), names)).toBe(false);
    expect(isTrustedOrigin(req(undefined, '127.0.0.1:5174'), names)).toBe(false);
    expect(isTrustedOrigin(req('http://evil.example:5174', 'evil.example:5174'), names)).toBe(false);
    expect(isTrustedOrigin(req('not a url', 'x'), names)).toBe(false);
  });
});

describe('the host shell', () => {
  let host: RunningHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  const start = async () =>
    (host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger }));

  it('stops even while a browser holds a request half-sent, so the port and the database are let go', async () => {
    const running = await start();
    const client = net.connect(running.port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    client.on('error', () => undefined);
    // Headers never finished: the server counts this connection as busy, not idle.
    client.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closed = new Promise((resolve) => client.once('close', resolve));
    await running.stop();
    host = undefined;
    await closed;
  });

  it('serves the renderer with its security headers and nothing outside its folder', async () => {
    const h = await start();
    const page = await fetch(`${h.url}/users`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Meras Desk');
    expect(page.headers.get('content-security-policy')).toBe(hostContentSecurityPolicy(`ws://127.0.0.1:${h.port}`));
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    expect(page.headers.get('permissions-policy')).toContain('microphone=()');
    expect((await fetch(`${h.url}/assets/app.js`)).headers.get('cache-control')).toContain('immutable');
    const escape = await fetch(`${h.url}/%2e%2e/%2e%2e/%2e%2e/etc/passwd`);
    expect(await escape.text()).not.toContain('root:');
    expect((await fetch(`${h.url}/missing.js`)).status).toBe(404);
    expect((await fetch(h.url, { method: 'POST' })).status).toBe(405);
  });

  it('lets the page connect only to its own origin: no ws: or wss: anywhere else', async () => {
    const h = await start();
    const policy = (await fetch(`${h.url}/`)).headers.get('content-security-policy') ?? '';
    const connectSrc = /connect-src ([^;]+)/.exec(policy)?.[1];
    expect(connectSrc).toBe(`'self' ws://127.0.0.1:${h.port}`);
    expect(contentSecurityPolicy).toMatch(/connect-src 'self';/);
    // A name some other site could point here is not named as a socket origin.
    const rebound = await new Promise<string>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: h.port, path: '/', headers: { host: `evil.example:${h.port}` } }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      }).on('error', reject);
    });
    expect(rebound).toBe(contentSecurityPolicy);
  });

  // Windows needs a privilege to make symlinks.
  it.skipIf(process.platform === 'win32')('does not follow a symlink out of the renderer folder', async () => {
    const rendererDir = rendererFixture();
    const outside = tempDir('meras-outside-');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'root:x:0:0');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(rendererDir, 'assets', 'leak.js'));
    fs.symlinkSync(outside, path.join(rendererDir, 'linked'));
    fs.symlinkSync(path.join(rendererDir, 'assets', 'app.js'), path.join(rendererDir, 'assets', 'alias.js'));
    const h = (host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir, port: 0, lan: false, logger: silentLogger }));
    for (const url of [`${h.url}/assets/leak.js`, `${h.url}/linked/secret.txt`]) {
      const response = await fetch(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('root:');
    }
    expect(await (await fetch(`${h.url}/assets/alias.js`)).text()).toBe('console.log(1)');
  });

  it('listens only on this computer unless asked to open to the office network', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('carries the contract over its WebSocket: setup, sign-in and a validated call', async () => {
    const h = await start();
    const tab = await openSocket(h);
    expect(await tab.call('auth.state', {})).toEqual({ success: true, data: { needsSetup: true, setupCodeRequired: false, user: null } });
    const setup = await tab.call('auth.setupAdmin', { name: 'مدير', email: 'admin@office.test', password: 'admin-pass-123' });
    expect(setup.success).toBe(true);
    const token = setup.success ? setup.data.token : '';
    const bad = await tab.call('users.create', { email: 'nope' }, token);
    expect(bad).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
    const list = await tab.call('users.list', {}, token);
    expect(list.success && list.data.map((u) => u.email)).toEqual(['admin@office.test']);
    tab.socket.close();
  });

  it('takes a file piece of the largest size in one frame, and politely refuses a larger frame', async () => {
    const h = await start();
    const tab = await openSocket(h);
    const setup = await tab.call('auth.setupAdmin', { name: 'مدير', email: 'admin@office.test', password: 'admin-pass-123' });
    const token = setup.success ? setup.data.token : '';
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(uploadChunkBytes * 2, 0x20)]);
    const started = await tab.call('media.uploadStart', { name: 'عقد.pdf', mimeType: 'application/pdf', size: pdf.length }, token);
    const uploadId = started.success ? started.data.uploadId : '';
    const piece = pdf.subarray(0, uploadChunkBytes).toString('base64');
    expect(await tab.call('media.uploadChunk', { uploadId, offset: 0, data: piece }, token)).toEqual({ success: true, data: { received: uploadChunkBytes } });

    const closed = new Promise<number>((resolve) => tab.socket.once('close', (code) => resolve(code)));
    tab.socket.send('x'.repeat(maxFrameBytes + 1));
    expect(await closed).toBe(1009);
    const other = await openSocket(h);
    expect(await other.call('auth.state', {})).toMatchObject({ success: true });
    other.socket.close();
  });

  it('imports an office\'s 5 MB UTF-16 contacts CSV over the socket in pieces, no frame past the limit', async () => {
    const h = await start();
    const tab = await openSocket(h);
    const setup = await tab.call('auth.setupAdmin', { name: 'مدير', email: 'admin@office.test', password: 'admin-pass-123' });
    const token = setup.success ? setup.data.token : '';
    const rows = ['الاسم,الجوال,ملاحظات'];
    // UTF-16: two bytes a character, so 2.5 million characters make a file of just under 5 MB.
    for (let i = 0, chars = rows[0]!.length; chars < 2.5 * 1024 * 1024 - 100; i++) {
      rows.push(`عميل رقم ${i},05${String(10_000_000 + i)},يبحث عن شقة من ثلاث غرف في حي الملقا قرب المدرسة`);
      chars += rows.at(-1)!.length + 2;
    }
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.join('\r\n'), 'utf16le')]);
    const sent: number[] = [];
    const started = await tab.call('media.uploadStart', { name: 'عملاء.csv', mimeType: 'text/csv', size: bytes.length }, token);
    if (!started.success) throw new Error(JSON.stringify(started.error));
    const { uploadId, chunkBytes } = started.data;
    for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
      const frame = JSON.stringify({ type: 'call', id: 0, channel: 'media.uploadChunk', input: { uploadId, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') }, token });
      sent.push(Buffer.byteLength(frame));
      expect(await tab.call('media.uploadChunk', { uploadId, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') }, token)).toMatchObject({ success: true });
    }
    expect(await tab.call('media.uploadFinish', { uploadId }, token)).toMatchObject({ success: true });
    expect(Math.max(...sent)).toBeLessThan(maxFrameBytes);
    const preview = await tab.call('contacts.importPreview', { uploadId }, token);
    expect(preview).toMatchObject({ success: true, data: { totalRows: rows.length - 1, mapping: { name: 0, phone: 1 }, counts: { invalid: 0 } } });
    expect(tab.socket.readyState).toBe(WebSocket.OPEN);
    tab.socket.close();
  }, 60_000);

  it('refuses a socket opened from another site', async () => {
    const h = await start();
    await expect(openSocket(h, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('refuses a socket from a site that points its own name at this computer (DNS rebinding)', async () => {
    const h = await start();
    const rebound = new WebSocket(`${h.url.replace('http', 'ws')}/ws`, { origin: `http://evil.example:${h.port}`, headers: { host: `evil.example:${h.port}` } });
    await expect(new Promise((resolve, reject) => { rebound.once('open', resolve); rebound.once('error', reject); })).rejects.toThrow(/403/);
  });

  it('closes a socket that sends something that is not a call', async () => {
    const h = await start();
    const tab = await openSocket(h);
    const closed = new Promise<number>((resolve) => tab.socket.once('close', (code) => resolve(code)));
    tab.socket.send('{"type":"hack"}');
    expect(await closed).toBe(1008);
  });

  it('tells a deactivated user\'s open tab that its session ended, and no one else', async () => {
    const h = await start();
    const adminTab = await openSocket(h);
    const setup = await adminTab.call('auth.setupAdmin', { name: 'Admin', email: 'admin@office.test', password: 'admin-pass-123' });
    const adminToken = setup.success ? setup.data.token : '';
    const created = await adminTab.call('users.create', { name: 'Agent', email: 'agent@office.test', password: 'agent-pass-123', role: 'agent' }, adminToken);
    const agentId = created.success ? created.data.id : 0;

    const agentTab = await openSocket(h);
    const signIn = await agentTab.call('auth.signIn', { email: 'agent@office.test', password: 'agent-pass-123' });
    expect(signIn.success).toBe(true);

    await adminTab.call('users.setActive', { id: agentId, isActive: false }, adminToken);
    await new Promise((r) => setTimeout(r, 50));
    expect(agentTab.events).toContainEqual({ type: 'event', event: 'session.ended', data: { reason: 'deactivated' } });
    expect(adminTab.events.some((e) => e.type === 'event' && e.event === 'session.ended')).toBe(false);
    expect(adminTab.events).toContainEqual({ type: 'event', event: 'users.changed', data: { userId: agentId } });
    adminTab.socket.close();
    agentTab.socket.close();
  });
});
