import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../testing/test-core';
import { startApiListener } from './api-listener';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('the desktop app\'s API listener', () => {
  it('listens nowhere until an admin turns the API on, then on this computer only, and stops when turned off', async () => {
    const t = startTestCore();
    const admin = await t.setupAdmin();
    const listener = startApiListener(t.core, t.dataDir);
    try {
      await listener.settled();
      expect(listener.address()).toBeNull();
      const port = await freePort();
      await t.call('api.updateSettings', { enabled: true, port }, admin.token);
      await listener.settled();
      expect(listener.address()).toEqual({ port, host: '127.0.0.1', tls: false });
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/whatsapp/numbers`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
      await t.call('api.updateSettings', { enabled: false }, admin.token);
      await listener.settled();
      expect(listener.address()).toBeNull();
      await expect(fetch(`http://127.0.0.1:${port}/api/v1/whatsapp/numbers`)).rejects.toThrow();
    } finally {
      await listener.close();
      await t.close();
    }
  });

  it('on the office network, serves HTTPS with the data folder\'s certificate', async () => {
    const t = startTestCore();
    const admin = await t.setupAdmin();
    const listener = startApiListener(t.core, t.dataDir);
    try {
      const port = await freePort();
      await t.call('api.updateSettings', { enabled: true, lan: true, port }, admin.token);
      await listener.settled();
      expect(listener.address()).toEqual({ port, host: '0.0.0.0', tls: true });
      const plain = await fetch(`http://127.0.0.1:${port}/api/v1/whatsapp/numbers`).catch(() => null);
      expect(plain?.status ?? 0).not.toBe(401);
      // The certificate is the host's own (checked by its fingerprint, as the README says), so this client skips the chain check.
      const status = await new Promise<number>((resolve, reject) =>
        https.get({ host: '127.0.0.1', port, path: '/api/v1/whatsapp/numbers', rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject),
      );
      expect(status).toBe(401);
    } finally {
      await listener.close();
      await t.close();
    }
  });
});
