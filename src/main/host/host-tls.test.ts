import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../base/logger';
import { migrationsDir, tempDir } from '../testing/test-core';
import { openTab } from '../testing/host-socket';
import { startHost, type RunningHost, type StartHostOptions } from './start-host';
import { certificatePaths } from './tls-certificate';

function rendererFixture(): string {
  const dir = tempDir('meras-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Meras Desk</title>');
  return dir;
}

/** The certificate a client is actually served, as a browser's certificate viewer shows it. */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerX509Certificate()!.fingerprint256);
      socket.end();
    });
    socket.once('error', reject);
  });
}

/** A page fetched over HTTPS trusting only the given certificate (pinned). */
function getPinned(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    https.get(url, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).once('error', reject);
  });
}

describe('the host on the office network (issue 13)', () => {
  const hosts: RunningHost[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()));
  });
  const start = async (options: Partial<StartHostOptions> = {}) => {
    const host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: true, logger: silentLogger, ...options });
    hosts.push(host);
    return host;
  };

  it('serves HTTPS and WSS with a certificate made on first start, whose fingerprint it reports and the app shows', async () => {
    const dataDir = tempDir();
    const host = await start({ dataDir });
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const cert = host.certificate!;
    expect(cert.source).toBe('generated');
    expect(await servedFingerprint(host.port)).toBe(cert.fingerprint256);
    expect(new X509Certificate(cert.cert).publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });

    // A browser that trusts exactly this certificate gets the page and the socket.
    expect(await getPinned(host.url, cert.cert)).toBe(200);
    const tab = await openTab(host.url, { ca: cert.cert });
    expect(await tab.call('app.info', {})).toMatchObject({ success: true, data: { connection: { security: 'tls', fingerprint256: cert.fingerprint256 } } });
    tab.close();

    const files = certificatePaths(dataDir);
    expect(fs.statSync(files.key).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(files.cert, 'utf8')).toBe(cert.cert);
  });

  it('serves the same certificate after a restart', async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir });
    const fingerprint = first.certificate!.fingerprint256;
    await first.stop();
    hosts.splice(hosts.indexOf(first), 1);

    const again = await start({ dataDir });
    expect(again.certificate!.fingerprint256).toBe(fingerprint);
    expect(await servedFingerprint(again.port)).toBe(fingerprint);
  });

  it('serves the office\'s own certificate and key when given, and refuses a key that is not the certificate\'s', async () => {
    const dir = tempDir();
    const own = await generate([{ name: 'commonName', value: 'meras.office.lan' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
    const other = await generate([{ name: 'commonName', value: 'other' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
    fs.writeFileSync(path.join(dir, 'office.crt'), own.cert);
    fs.writeFileSync(path.join(dir, 'office.key'), own.private);
    fs.writeFileSync(path.join(dir, 'other.key'), other.private);

    const host = await start({ tlsFiles: { certPath: path.join(dir, 'office.crt'), keyPath: path.join(dir, 'office.key') } });
    expect(host.certificate!.source).toBe('provided');
    expect(await servedFingerprint(host.port)).toBe(new X509Certificate(own.cert).fingerprint256);

    await expect(start({ tlsFiles: { certPath: path.join(dir, 'office.crt'), keyPath: path.join(dir, 'other.key') } })).rejects.toThrow(/does not belong/);
  });

  it('serves plain HTTP on the network only when asked by name, and tells the app to warn', async () => {
    const dataDir = tempDir();
    const host = await start({ dataDir, lanInsecure: true });
    expect(host.url).toMatch(/^http:\/\//);
    expect(host.certificate).toBeUndefined();
    const tab = await openTab(host.url);
    expect(await tab.call('app.info', {})).toMatchObject({ success: true, data: { connection: { security: 'insecure' } } });
    tab.close();
    expect(fs.existsSync(certificatePaths(dataDir).key)).toBe(false);
  });

  it('keeps this computer alone on plain HTTP with no certificate and no setup code', async () => {
    const dataDir = tempDir();
    const host = await start({ dataDir, lan: false });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(host.setupCode()).toBeUndefined();
    expect(fs.existsSync(certificatePaths(dataDir).cert)).toBe(false);
  });

  it('offers a setup code on the network until the first admin exists; this computer needs none', async () => {
    const host = await start();
    expect(host.setupCode()).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const tab = await openTab(host.url, { ca: host.certificate!.cert });
    expect(await tab.call('auth.state', {})).toMatchObject({ success: true, data: { needsSetup: true, setupCodeRequired: false } });
    expect(await tab.call('auth.setupAdmin', { name: 'Admin', email: 'admin@office.test', password: 'admin-pass-123' })).toMatchObject({ success: true });
    expect(host.setupCode()).toBeUndefined();
    tab.close();
  });
});
