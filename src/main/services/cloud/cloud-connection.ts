import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { saveTunnelSettingsInput } from '../../../shared/cloud/schemas';
import type { CloudConnectionView, CloudHealth, SelfTestResult, TunnelMode, TunnelSettings, TunnelState } from '../../../shared/cloud/types';
import { toIso, type Clock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import { statement } from '../../db/statement';
import type { EventBus } from '../../events/event-bus';
import { findCloudflared, CloudflaredProcess } from '../../whatsapp/cloud/cloudflared';
import { allCloudSecrets, cloudSecretBox, readGraphSettings, writeSettingJson } from '../../whatsapp/cloud/cloud-store';
import { GraphClient } from '../../whatsapp/cloud/graph-client';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import type { CloudNumbers } from './cloud-numbers';
import { settingChanges } from './setting-changes';

const tunnelKey = 'cloud.tunnel';

interface StoredTunnel {
  mode: TunnelMode;
  cloudflaredPath: string | null;
  namedTunnelTokenSealed: string | null;
  publicUrl: string | null;
}

const noTunnel: StoredTunnel = { mode: 'none', cloudflaredPath: null, namedTunnelTokenSealed: null, publicUrl: null };

/**
 * Issue 19: how Meta reaches a desk behind NAT. Keeps the tunnel settings, runs the office's
 * cloudflared, re-registers each Cloud number's callback with Meta whenever the public URL
 * changes (`override_callback_uri`), self-tests the URL as Meta would call it, and says when
 * Cloud messages cannot arrive (the banner).
 */
export class CloudConnection {
  private readonly tunnel = new CloudflaredProcess();
  private tunnelState: TunnelState = 'stopped';
  private tunnelDetail: string | null = null;
  private tunnelStartedAt: number | null = null;
  /** The quick tunnel's current address (it changes at every start). */
  private tunnelUrl: string | null = null;
  private lastSelfTest: SelfTestResult | null = null;
  /** Where this desk listens, set by the shell once it does (the tunnel forwards there). */
  private origin: string | null = null;

  get localOrigin(): string | null {
    return this.origin;
  }

  /**
   * The shell listens: with a Cloudflare tunnel chosen, it starts at once, so a desk that was
   * off is reachable again without anyone pressing Start (Meta then redelivers what waited).
   */
  set localOrigin(origin: string | null) {
    const first = this.origin === null;
    this.origin = origin;
    const mode = this.stored().mode;
    if (first && origin && (mode === 'cloudflared_quick' || mode === 'cloudflared_named') && !this.tunnel.running) this.startTunnel();
  }

  constructor(
    private readonly sqlite: Database.Database,
    private readonly numbers: CloudNumbers,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  private stored(): StoredTunnel {
    const row = statement<[string], { value: string }>(this.sqlite, 'select value from settings where key = ?').get(tunnelKey);
    if (!row) return noTunnel;
    try {
      return { ...noTunnel, ...(JSON.parse(row.value) as Partial<StoredTunnel>) };
    } catch {
      return noTunnel;
    }
  }

  settings(): TunnelSettings {
    const s = this.stored();
    return { mode: s.mode, cloudflaredPath: s.cloudflaredPath, hasNamedTunnelToken: s.namedTunnelTokenSealed !== null, publicUrl: s.publicUrl };
  }

  /** The address Meta can call now: a quick tunnel's while it runs, else the configured one. */
  publicUrl(): string | null {
    const s = this.stored();
    if (s.mode === 'cloudflared_quick') return this.tunnelState === 'running' ? this.tunnelUrl : null;
    if (s.mode === 'none') return null;
    return s.publicUrl?.replace(/\/+$/, '') ?? null;
  }

  view(): CloudConnectionView {
    const publicUrl = this.publicUrl();
    return {
      settings: this.settings(),
      graph: readGraphSettings(this.sqlite),
      tunnel: { state: this.tunnelState, detail: this.tunnelDetail, startedAt: toIso(this.tunnelStartedAt) },
      publicUrl,
      selfTest: this.lastSelfTest,
      numbers: this.numbers.list().map((n) => ({
        ...n,
        callbackUrl: publicUrl ? `${publicUrl}${n.callbackPath}` : null,
        verifyToken: this.numbers.verifyTokenOf(n.numberId),
      })),
    };
  }

  async saveSettings(caller: Caller, input: z.output<typeof saveTunnelSettingsInput>): Promise<CloudConnectionView> {
    const before = this.stored();
    const next: StoredTunnel = {
      mode: input.mode,
      cloudflaredPath: input.cloudflaredPath === undefined ? before.cloudflaredPath : input.cloudflaredPath,
      namedTunnelTokenSealed:
        input.namedTunnelToken === undefined ? before.namedTunnelTokenSealed : input.namedTunnelToken === null ? null : cloudSecretBox(this.sqlite).seal(input.namedTunnelToken),
      publicUrl: input.publicUrl === undefined ? before.publicUrl : input.publicUrl,
    };
    writeSettingJson(this.sqlite, tunnelKey, next, this.clock.now());
    const changes = settingChanges('cloud.tunnel', { ...before }, { ...next }, ['namedTunnelTokenSealed']);
    if (changes.length > 0) this.activity.record({ userId: caller.user.id, action: 'office.updated', entityType: 'office', details: { changes } });
    if (before.mode !== next.mode && this.tunnel.running) this.stopTunnel();
    await this.urlMaybeChanged();
    return this.view();
  }

  /** Starts the installed cloudflared for the configured mode. */
  startTunnel(): CloudConnectionView {
    const s = this.stored();
    if (s.mode !== 'cloudflared_quick' && s.mode !== 'cloudflared_named') {
      this.setTunnel('failed', 'Choose a Cloudflare tunnel first');
      return this.view();
    }
    const binary = findCloudflared(s.cloudflaredPath);
    if (!binary) {
      this.setTunnel('not_found', s.cloudflaredPath ? `No runnable cloudflared at ${s.cloudflaredPath}` : 'cloudflared is not on PATH');
      return this.view();
    }
    if (!this.localOrigin) {
      this.setTunnel('failed', 'The desk is not listening yet');
      return this.view();
    }
    const token = s.mode === 'cloudflared_named' && s.namedTunnelTokenSealed ? cloudSecretBox(this.sqlite).open(s.namedTunnelTokenSealed) : null;
    if (s.mode === 'cloudflared_named' && !token) {
      this.setTunnel('failed', 'The named tunnel needs its token');
      return this.view();
    }
    this.tunnelUrl = null;
    this.tunnelStartedAt = this.clock.now();
    this.setTunnel(s.mode === 'cloudflared_named' ? 'running' : 'starting', null);
    this.tunnel.start(binary, s.mode === 'cloudflared_quick' ? 'quick' : 'named', this.localOrigin, token, {
      onUrl: (url) => {
        this.tunnelUrl = url;
        this.setTunnel('running', null);
        void this.urlMaybeChanged();
      },
      onExit: (detail) => {
        this.tunnelUrl = null;
        this.logger.warn('cloudflared stopped', { detail });
        this.setTunnel('failed', detail);
      },
    });
    if (s.mode === 'cloudflared_named') void this.urlMaybeChanged();
    return this.view();
  }

  stopTunnel(): CloudConnectionView {
    this.tunnel.stop();
    this.tunnelUrl = null;
    this.setTunnel('stopped', null);
    return this.view();
  }

  private setTunnel(state: TunnelState, detail: string | null): void {
    this.tunnelState = state;
    this.tunnelDetail = detail;
    this.changed();
  }

  /** Resolves once every Cloud number's callback matches the current public URL (tests wait on it). */
  registering: Promise<void> = Promise.resolve();

  /** A new public URL: each Cloud number's callback is registered with Meta again, then self-tested. */
  private urlMaybeChanged(): Promise<void> {
    this.registering = this.registering.then(() => this.registerAll()).catch((error: unknown) => this.logger.warn('cloud callback registration failed', { error: String(error) }));
    return this.registering;
  }

  /** POST /{waba-id}/subscribed_apps with `override_callback_uri` and `verify_token`, for numbers registered elsewhere. */
  async registerAll(): Promise<void> {
    const url = this.publicUrl();
    if (!url) return this.changed();
    for (const secrets of allCloudSecrets(this.sqlite)) {
      const registered = statement<[number], { public_url: string | null }>(this.sqlite, 'select public_url from cloud_numbers where whatsapp_number_id = ?').get(secrets.numberId);
      const callback = `${url}${this.numbers.get(secrets.numberId).callbackPath}`;
      if (registered?.public_url === callback || !secrets.accessToken || !secrets.verifyToken) continue;
      const graph = new GraphClient({ settings: () => readGraphSettings(this.sqlite), token: () => secrets.accessToken ?? '' });
      try {
        await graph.post(`${secrets.wabaId}/subscribed_apps`, { override_callback_uri: callback, verify_token: secrets.verifyToken });
        statement<[string, number, number], unknown>(this.sqlite, 'update cloud_numbers set public_url = ?, registered_at = ? where whatsapp_number_id = ?').run(
          callback,
          this.clock.now(),
          secrets.numberId,
        );
        this.logger.info('cloud callback registered with Meta', { numberId: secrets.numberId });
      } catch (error) {
        this.logger.warn('cloud callback not registered', { numberId: secrets.numberId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.selfTest();
  }

  /** The number was linked or its verify token changed: register it at the current URL. */
  numberLinked(numberId: number): void {
    statement<[number], unknown>(this.sqlite, 'update cloud_numbers set public_url = null where whatsapp_number_id = ?').run(numberId);
    void this.urlMaybeChanged();
  }

  /** GET <public URL><callback path>?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…, as Meta verifies. */
  async selfTest(): Promise<SelfTestResult> {
    const at = toIso(this.clock.now());
    const url = this.publicUrl();
    const [first] = allCloudSecrets(this.sqlite);
    let result: SelfTestResult;
    if (!url) result = { ok: false, at, failure: 'no_public_url', detail: null };
    else if (!first?.verifyToken) result = { ok: false, at, failure: 'unreachable', detail: 'No Cloud number to test with' };
    else {
      const challenge = crypto.randomBytes(9).toString('hex');
      const target = new URL(`${url}${this.numbers.get(first.numberId).callbackPath}`);
      target.searchParams.set('hub.mode', 'subscribe');
      target.searchParams.set('hub.verify_token', first.verifyToken);
      target.searchParams.set('hub.challenge', challenge);
      try {
        const response = await fetch(target, { signal: AbortSignal.timeout(15_000), redirect: 'error' });
        const body = await response.text();
        result = response.status === 200 && body === challenge ? { ok: true, at, failure: null, detail: null } : { ok: false, at, failure: 'wrong_answer', detail: `HTTP ${response.status}` };
      } catch (error) {
        result = { ok: false, at, failure: 'unreachable', detail: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
      }
    }
    this.lastSelfTest = result;
    this.changed();
    return result;
  }

  health(): CloudHealth {
    const numbers = statement<[], { n: number; expired: number }>(
      this.sqlite,
      'select count(*) as n, count(c.token_expired_at) as expired from cloud_numbers c join whatsapp_numbers n on n.id = c.whatsapp_number_id where n.removed_at is null',
    ).get()!;
    if (numbers.n === 0) return { hasCloudNumbers: false, problem: null };
    const mode = this.stored().mode;
    const problem =
      numbers.expired > 0
        ? 'token_expired'
        : (mode === 'cloudflared_quick' || mode === 'cloudflared_named') && this.tunnelState !== 'running'
          ? 'tunnel_down'
          : !this.publicUrl()
            ? 'no_public_url'
            : this.lastSelfTest && !this.lastSelfTest.ok
              ? 'self_test_failed'
              : null;
    return { hasCloudNumbers: true, problem };
  }

  /** Tells windows when the banner's answer changed, and admins' connection screens always. */
  changed(): void {
    // Rare (a tunnel, a test, a token): every window re-reads the banner's answer.
    this.bus.publish('cloud.health.changed', { health: this.health() }, { kind: 'all' });
    const admins = statement<[], { id: number }>(this.sqlite, "select id from users where is_active = 1 and role = 'admin'").all().map((r) => r.id);
    this.bus.publish('cloud.connection.changed', {}, { kind: 'users', userIds: admins });
  }

  /** The tunnel stops with the app. */
  close(): void {
    this.tunnel.stop();
  }
}
