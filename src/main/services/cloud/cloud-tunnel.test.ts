import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mountApi } from '../../api/mount-api';
import { eventually, tempDir } from '../../testing/test-core';
import { cloudCredentials, cloudOffice } from './testing/cloud-office';

let office: Awaited<ReturnType<typeof cloudOffice>> | undefined;
const originalPath = process.env.PATH;
afterEach(async () => {
  process.env.PATH = originalPath;
  await office?.close();
  office = undefined;
});

/**
 * A stand-in for the office's installed cloudflared, put first on PATH: it notes its arguments
 * and process id, prints a new quick-tunnel address at each start the way cloudflared does, and
 * runs until stopped.
 */
function fakeCloudflared(): { dir: string; starts: () => string[]; tokens: () => string[]; pids: () => number[] } {
  const dir = tempDir('fake-cloudflared-');
  const script = path.join(dir, 'cloudflared');
  fs.writeFileSync(
    script,
    `#!/bin/sh
n=$(cat "${dir}/count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${dir}/count"
echo "$*" >> "${dir}/args"
echo "$TUNNEL_TOKEN" >> "${dir}/tokens"
echo $$ >> "${dir}/pids"
echo "2026-11-25T09:00:00Z INF Requesting new quick Tunnel on trycloudflare.com..." >&2
echo "2026-11-25T09:00:00Z INF |  https://meras-desk-$n.trycloudflare.com                    |" >&2
exec sleep 600
`,
    { mode: 0o755 },
  );
  const lines = (file: string) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8').trim().split('\n').filter(Boolean) : []);
  return { dir, starts: () => lines('args'), tokens: () => lines('tokens'), pids: () => lines('pids').map(Number) };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const subscribedApps = new RegExp(`^/${cloudCredentials.wabaId}/subscribed_apps$`);

describe('reaching the desk through the office’s cloudflared', () => {
  it('starts the installed cloudflared, registers its URL with Meta for each Cloud number, and again when the URL changes', async () => {
    const fake = fakeCloudflared();
    process.env.PATH = `${fake.dir}${path.delimiter}${originalPath}`;
    office = await cloudOffice();
    const o = office;
    const linked = await o.link();
    o.t.core.cloud.connection.localOrigin = 'http://127.0.0.1:5174';
    await o.t.call('cloud.saveTunnelSettings', { mode: 'cloudflared_quick' }, o.admin.token);
    expect(await o.t.call('cloud.health', {}, o.admin.token)).toEqual({ hasCloudNumbers: true, problem: 'tunnel_down' });

    await o.t.call('cloud.startTunnel', {}, o.admin.token);
    await eventually(async () => expect((await o.t.call('cloud.connection', {}, o.admin.token)).publicUrl).toBe('https://meras-desk-1.trycloudflare.com'));
    expect(fake.starts()).toEqual(['tunnel --no-autoupdate --url http://127.0.0.1:5174']);
    await eventually(() => expect(o.graph.requestsTo('POST', subscribedApps)).toHaveLength(1));
    expect(o.graph.requestsTo('POST', subscribedApps)[0]!.body).toEqual({
      override_callback_uri: `https://meras-desk-1.trycloudflare.com${linked.callbackPath}`,
      verify_token: cloudCredentials.verifyToken,
    });
    const view = await o.t.call('cloud.connection', {}, o.admin.token);
    expect(view.numbers[0]).toMatchObject({ callbackUrl: `https://meras-desk-1.trycloudflare.com${linked.callbackPath}`, verifyToken: cloudCredentials.verifyToken });

    // A quick tunnel started again has a new address: Meta is told the new callback.
    await o.t.call('cloud.stopTunnel', {}, o.admin.token);
    await o.t.call('cloud.startTunnel', {}, o.admin.token);
    await eventually(() => expect(o.graph.requestsTo('POST', subscribedApps)).toHaveLength(2));
    expect((o.graph.requestsTo('POST', subscribedApps)[1]!.body as { override_callback_uri: string }).override_callback_uri).toBe(`https://meras-desk-2.trycloudflare.com${linked.callbackPath}`);
  });

  it('hands a named tunnel its token out of sight: by cloudflared’s environment, never on the command line other users can read', async () => {
    const fake = fakeCloudflared();
    process.env.PATH = `${fake.dir}${path.delimiter}${originalPath}`;
    office = await cloudOffice();
    const o = office;
    await o.link();
    o.t.core.cloud.connection.localOrigin = 'http://127.0.0.1:5174';
    const token = 'test-named-tunnel-token-not-a-real-one';
    await o.t.call('cloud.saveTunnelSettings', { mode: 'cloudflared_named', namedTunnelToken: token, publicUrl: 'https://desk.example.com' }, o.admin.token);
    await o.t.call('cloud.startTunnel', {}, o.admin.token);
    await eventually(() => expect(fake.tokens()).toEqual([token]));
    expect(fake.starts()).toEqual(['tunnel --no-autoupdate run --url http://127.0.0.1:5174']);
  });

  it('starts the chosen tunnel by itself when the desk starts listening, so Meta reaches it again after a restart', async () => {
    const fake = fakeCloudflared();
    process.env.PATH = `${fake.dir}${path.delimiter}${originalPath}`;
    office = await cloudOffice();
    const o = office;
    await o.link();
    await o.t.call('cloud.saveTunnelSettings', { mode: 'cloudflared_quick' }, o.admin.token);
    expect(fake.starts()).toEqual([]);
    o.t.core.setCloudOrigin('http://127.0.0.1:5174');
    await eventually(async () => expect((await o.t.call('cloud.connection', {}, o.admin.token)).tunnel.state).toBe('running'));
    await eventually(() => expect(o.graph.requestsTo('POST', subscribedApps)).toHaveLength(1));
  });

  it('stops the cloudflared it started when the app closes', async () => {
    const fake = fakeCloudflared();
    process.env.PATH = `${fake.dir}${path.delimiter}${originalPath}`;
    office = await cloudOffice();
    const o = office;
    await o.link();
    o.t.core.cloud.connection.localOrigin = 'http://127.0.0.1:5174';
    await o.t.call('cloud.saveTunnelSettings', { mode: 'cloudflared_quick' }, o.admin.token);
    await o.t.call('cloud.startTunnel', {}, o.admin.token);
    await eventually(() => expect(fake.pids()).toHaveLength(1));
    const [pid] = fake.pids();
    expect(alive(pid!)).toBe(true);
    await o.close();
    office = undefined;
    await eventually(() => expect(alive(pid!)).toBe(false));
  });

  it('says cloudflared is not installed, and never fetches one', async () => {
    process.env.PATH = tempDir('empty-path-');
    office = await cloudOffice();
    const o = office;
    o.t.core.cloud.connection.localOrigin = 'http://127.0.0.1:5174';
    await o.t.call('cloud.saveTunnelSettings', { mode: 'cloudflared_quick' }, o.admin.token);
    const view = await o.t.call('cloud.startTunnel', {}, o.admin.token);
    expect(view.tunnel).toMatchObject({ state: 'not_found', detail: 'cloudflared is not on PATH' });
    expect(view.publicUrl).toBeNull();
  });

  it('self-tests the public URL as Meta verifies it, through the desk’s own webhook receiver: the challenge must come back for the verify token', async () => {
    office = await cloudOffice();
    const o = office;
    // The desk's HTTP side as the host serves it: Meta's webhooks and the API beside the renderer.
    const api = mountApi(o.t.core, (_req, res) => void res.writeHead(404).end());
    const desk = http.createServer(api.handler);
    await new Promise<void>((resolve) => desk.listen(0, '127.0.0.1', resolve));
    try {
      const linked = await o.link();
      expect(await o.t.call('cloud.selfTest', {}, o.admin.token)).toMatchObject({ ok: false, failure: 'no_public_url' });
      expect(await o.t.call('cloud.health', {}, o.admin.token)).toEqual({ hasCloudNumbers: true, problem: 'no_public_url' });

      // Port forwarding (here, this computer's own address): saving it registers it and tests it.
      const publicUrl = `http://127.0.0.1:${(desk.address() as AddressInfo).port}`;
      await o.t.call('cloud.saveTunnelSettings', { mode: 'manual', publicUrl }, o.admin.token);
      await o.t.core.cloud.connection.registering;
      expect((await o.t.call('cloud.connection', {}, o.admin.token)).selfTest).toMatchObject({ ok: true, failure: null });
      expect(o.graph.requestsTo('POST', subscribedApps)[0]!.body).toEqual({ override_callback_uri: `${publicUrl}${linked.callbackPath}`, verify_token: cloudCredentials.verifyToken });
      expect(await o.t.call('cloud.health', {}, o.admin.token)).toEqual({ hasCloudNumbers: true, problem: null });

      // A URL that reaches something else (the wrong port, another server): the test says so.
      await o.t.call('cloud.saveTunnelSettings', { mode: 'manual', publicUrl: `${publicUrl}/elsewhere` }, o.admin.token);
      await o.t.core.cloud.connection.registering;
      expect((await o.t.call('cloud.connection', {}, o.admin.token)).selfTest).toMatchObject({ ok: false, failure: 'wrong_answer', detail: 'HTTP 404' });
      expect(await o.t.call('cloud.health', {}, o.admin.token)).toEqual({ hasCloudNumbers: true, problem: 'self_test_failed' });
    } finally {
      api.close();
      desk.closeAllConnections();
      await new Promise((resolve) => desk.close(resolve));
    }
  });
});
