import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { retriedReasons, type ConnectionNotice, type ConnectionState, type DisconnectReason } from '../../shared/whatsapp';
import type { Clock } from '../base/clock';
import type { Logger } from '../base/logger';
import { makePrivateDir } from '../base/private-files';
import { phoneFromWhatsApp } from '../base/phone';
import type { AckUpdate, MessageChange, InboundMessage, Transport, TransportEvents } from './transport';
import { TransportError } from './webjs/start-errors';

export interface SessionPolicy {
  /** No QR, pairing code or login within this after starting: the session hangs and is restarted. */
  startTimeoutMs: number;
  /** Logged in but not ready within this (WhatsApp syncing forever): restarted. */
  readyTimeoutMs: number;
  /** QR codes shown in one linking round before giving up (WhatsApp changes it about every 20 s). */
  qrRounds: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** After taking the session back from another computer, another conflict within this stops the number instead. */
  conflictWindowMs: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  startTimeoutMs: 90_000,
  readyTimeoutMs: 180_000,
  qrRounds: 6,
  retryBaseMs: 5_000,
  retryMaxMs: 5 * 60_000,
  conflictWindowMs: 30 * 60_000,
};

/** The longest a slow number holds up the next one's start when the app opens. */
const restoreStaggerMs = 15_000;

/** What the rest of the core hears from the sessions. */
export interface SessionObserver {
  statusChanged(numberId: number): void;
  /** The number is ready: catch up, then open its outbox. */
  ready(numberId: number, transport: Transport): Promise<void>;
  /** The number stopped sending and receiving. */
  dropped(numberId: number): void;
  message(numberId: number, message: InboundMessage, transport: Transport): void;
  ack(numberId: number, ack: AckUpdate): void;
  change(numberId: number, change: MessageChange, transport: Transport): void;
}

export type TransportMaker = (numberId: number, sessionDir: string, events: TransportEvents) => Transport;

export interface ConnectionSnapshot {
  state: ConnectionState;
  reason: DisconnectReason | null;
  detail: string | null;
  qr: string | null;
  qrRound: number;
  qrRounds: number;
  pairingCode: string | null;
  nextRetryAt: number | null;
  syncPercent: number | null;
  notice: ConnectionNotice | null;
}

interface Session extends ConnectionSnapshot {
  numberId: number;
  transport: Transport | null;
  /** Bumped whenever a transport is replaced, so a stale one's late events are ignored. */
  generation: number;
  attempt: number;
  /** When we last took the session back from another computer (CONFLICT). */
  tookOverAt: number | null;
  retryTimer: NodeJS.Timeout | null;
  hangTimer: NodeJS.Timeout | null;
}

/**
 * Seed 000's multi-account manager: runs several numbers at once, restores linked ones at
 * start-up without a QR, reconnects with backoff after a drop, restarts a session that hangs
 * or whose browser died, stops offering QRs after a few unanswered rounds, re-links on
 * request (`force`), logs out, and shuts every session down on exit.
 */
export class SessionManager {
  private readonly sessions = new Map<number, Session>();
  private closed = false;

  constructor(
    private readonly deps: {
      sqlite: Database.Database;
      clock: Clock;
      logger: Logger;
      sessionsDir: string;
      makeTransport: TransportMaker;
      observer: SessionObserver;
      /** Clears what the number's browser kept (the desktop window's partition); the session folder goes here. */
      forgetBrowser?: (numberId: number) => Promise<void>;
    },
    private readonly policy: SessionPolicy = defaultSessionPolicy,
  ) {
    // A linked session is the key to the office's WhatsApp: no other account may read it.
    makePrivateDir(deps.sessionsDir);
  }

  sessionDir(numberId: number): string {
    return path.join(this.deps.sessionsDir, `number-${numberId}`);
  }

  snapshot(numberId: number): ConnectionSnapshot {
    const s = this.sessions.get(numberId);
    if (!s) {
      return {
        state: 'DISCONNECTED',
        reason: 'not_started',
        detail: null,
        qr: null,
        qrRound: 0,
        qrRounds: this.policy.qrRounds,
        pairingCode: null,
        nextRetryAt: null,
        syncPercent: null,
        notice: null,
      };
    }
    const { state, reason, detail, qr, qrRound, qrRounds, pairingCode, nextRetryAt, syncPercent, notice } = s;
    return { state, reason, detail, qr, qrRound, qrRounds, pairingCode, nextRetryAt, syncPercent, notice };
  }

  /** The connected number's transport, for what only it can do (a Cloud API read receipt); null when not connected. */
  connectedTransport(numberId: number): Transport | null {
    const s = this.sessions.get(numberId);
    return s?.state === 'CONNECTED' ? s.transport : null;
  }

  isConnected(numberId: number): boolean {
    return this.sessions.get(numberId)?.state === 'CONNECTED';
  }

  /**
   * Starts every linked number as the app opens (not those the admin disconnected), one by one:
   * each launches a browser page and loads WhatsApp Web, and three at once would take the
   * machine from the office for the first seconds. The next starts when the previous one's page
   * is up or failed, or after `restoreStaggerMs` if it is slow. Returns at once.
   */
  restoreLinked(): void {
    const linked = this.deps.sqlite
      .prepare<[], { id: number }>("select id from whatsapp_numbers where linked_at is not null and removed_at is null and status != 'inactive' order by id")
      .all();
    void (async () => {
      for (const { id } of linked) {
        if (this.closed) return;
        let timer: NodeJS.Timeout | undefined;
        const slow = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, restoreStaggerMs);
          timer.unref?.();
        });
        await Promise.race([this.start(id), slow]);
        clearTimeout(timer);
      }
    })();
  }

  /** Starts the number's session (a no-op while one runs); `notice` says why it starts by itself. */
  async start(numberId: number, notice: ConnectionNotice | null = null): Promise<void> {
    if (this.closed) return;
    const s = this.session(numberId);
    this.clearRetry(s);
    if (s.transport) return;
    const generation = ++s.generation;
    const transport = this.deps.makeTransport(numberId, this.sessionDir(numberId), this.eventsFor(s, generation));
    s.transport = transport;
    this.set(s, { state: 'INITIALIZING', reason: null, detail: null, qr: null, qrRound: 0, pairingCode: null, nextRetryAt: null, syncPercent: null, notice });
    this.armHang(s, generation, this.policy.startTimeoutMs, 'WhatsApp Web did not answer in time');
    try {
      await transport.connect();
    } catch (error) {
      if (s.generation !== generation) return;
      const failure = error instanceof TransportError ? error : new TransportError('error', String(error));
      s.transport = null;
      this.down(s, failure.reason, failure.detail);
    }
  }

  /** The user's Disconnect: stops the session and keeps the link. */
  async stop(numberId: number): Promise<void> {
    const s = this.session(numberId);
    await this.halt(s);
    this.set(s, { state: 'DISCONNECTED', reason: 'stopped', detail: null, qr: null, pairingCode: null, nextRetryAt: null, syncPercent: null, notice: null });
  }

  /** Seed 000's `force`: forget the saved session and link again with a new QR. */
  async relink(numberId: number): Promise<void> {
    await this.forget(numberId);
    await this.start(numberId);
  }

  private forgetBrowser(numberId: number): Promise<void> {
    return (this.deps.forgetBrowser?.(numberId) ?? Promise.resolve()).catch((error: unknown) => this.deps.logger.warn('browser data not cleared', { numberId, error: String(error) }));
  }

  /** Logs the number out of WhatsApp and forgets its session. */
  async forget(numberId: number): Promise<void> {
    const s = this.session(numberId);
    // A transport that was ready can log out; its events stop counting from here.
    const transport = s.transport;
    s.generation++;
    this.clearTimers(s);
    s.transport = null;
    this.deps.observer.dropped(numberId);
    if (transport) await transport.logout().catch((error: unknown) => this.deps.logger.warn('logout failed', { numberId, error: String(error) }));
    fs.rmSync(this.sessionDir(numberId), { recursive: true, force: true });
    await this.forgetBrowser(numberId);
    this.deps.sqlite.prepare('update whatsapp_numbers set linked_at = null where id = ?').run(numberId);
    this.set(s, { state: 'DISCONNECTED', reason: 'logged_out', detail: null, qr: null, qrRound: 0, pairingCode: null, nextRetryAt: null, syncPercent: null, notice: null });
  }

  async requestPairingCode(numberId: number, phoneDigits: string): Promise<string> {
    const s = this.session(numberId);
    if (!s.transport || s.state !== 'QR_GENERATED') throw new TransportError('not_started', 'The number is not waiting to be linked');
    const code = await s.transport.requestPairingCode(phoneDigits);
    this.set(s, { pairingCode: code });
    this.clearHang(s);
    return code;
  }

  /** Closes every session, keeping their links, as the app quits. */
  async shutdown(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sessions.values()].map((s) => this.halt(s)));
  }

  private eventsFor(s: Session, generation: number): TransportEvents {
    const current = () => s.generation === generation && !this.closed;
    return {
      qr: (qr) => {
        if (!current()) return;
        const round = s.qrRound + 1;
        if (round > this.policy.qrRounds) {
          void this.halt(s).then(() =>
            this.set(s, { state: 'DISCONNECTED', reason: 'qr_timeout', detail: `${this.policy.qrRounds} QR codes were not scanned`, qr: null, pairingCode: null, syncPercent: null, notice: null }),
          );
          return;
        }
        // Waiting for a person to scan is not a hang.
        this.clearHang(s);
        this.set(s, { state: 'QR_GENERATED', qr, qrRound: round, reason: null, detail: null, syncPercent: null });
      },
      pairingCode: (code) => current() && this.set(s, { pairingCode: code }),
      authenticated: () => {
        if (!current()) return;
        this.armHang(s, generation, this.policy.readyTimeoutMs, 'Logged in, but WhatsApp did not finish loading in time');
        this.set(s, { state: 'INITIALIZING', qr: null, pairingCode: null });
      },
      syncing: (percent) => {
        if (!current()) return;
        // Progress is not a hang: a phone with years of chats may sync for longer than the ready limit.
        if (s.state === 'INITIALIZING' && s.hangTimer) this.armHang(s, generation, this.policy.readyTimeoutMs, 'Logged in, but WhatsApp did not finish loading in time');
        // Once connected, a sync that reached 100% has nothing left to show.
        this.set(s, { syncPercent: s.state === 'CONNECTED' && percent >= 100 ? null : percent });
      },
      reconnecting: (active) => {
        if (!current() || s.state !== 'CONNECTED') return;
        if (active) this.set(s, { notice: 'reconnecting' });
        else if (s.notice === 'reconnecting') this.set(s, { notice: null, syncPercent: null });
      },
      ready: ({ phone }) => {
        if (!current() || !s.transport) return;
        this.clearHang(s);
        s.attempt = 0;
        if (this.phoneHeldByAnother(s.numberId, phone)) {
          // Two numbers on one phone would take in every message twice: undo this link.
          void this.forget(s.numberId).then(() =>
            this.set(s, { state: 'DISCONNECTED', reason: 'phone_in_use', detail: phone ? `+${phone}` : null }),
          );
          return;
        }
        this.recordLinked(s.numberId, phone);
        // "Took the session back" stays beside Connected; the other notices were about getting here.
        const notice = s.notice === 'took_over' ? 'took_over' : null;
        this.set(s, { state: 'CONNECTED', reason: null, detail: null, qr: null, qrRound: 0, pairingCode: null, nextRetryAt: null, syncPercent: null, notice });
        const transport = s.transport;
        void this.deps.observer.ready(s.numberId, transport).catch((error: unknown) =>
          this.deps.logger.error('after-ready work failed', { numberId: s.numberId, error: String(error) }),
        );
      },
      disconnected: ({ reason, detail }) => {
        if (!current()) return;
        s.transport = null;
        s.generation++;
        this.down(s, reason, detail);
      },
      message: (message) => current() && s.transport && this.deps.observer.message(s.numberId, message, s.transport),
      ack: (ack) => current() && this.deps.observer.ack(s.numberId, ack),
      change: (change) => current() && s.transport && this.deps.observer.change(s.numberId, change, s.transport),
    };
  }

  /**
   * The session ended: say why, forget a dead link, and retry when retrying can help. Banned and
   * out-of-date sessions wait for the admin: retrying cannot help and a loop would only look suspicious.
   */
  private down(s: Session, reason: DisconnectReason, detail: string | null): void {
    const wasConnected = s.state === 'CONNECTED';
    this.clearTimers(s);
    this.deps.observer.dropped(s.numberId);
    this.deps.logger.warn('whatsapp session down', { numberId: s.numberId, reason, detail });
    if (reason === 'logged_out' || reason === 'auth_failure') {
      fs.rmSync(this.sessionDir(s.numberId), { recursive: true, force: true });
      void this.forgetBrowser(s.numberId);
      this.deps.sqlite.prepare('update whatsapp_numbers set linked_at = null where id = ?').run(s.numberId);
    }
    if (this.closed) return this.set(s, { state: 'DISCONNECTED', reason, detail, qr: null, pairingCode: null, nextRetryAt: null, syncPercent: null, notice: null });
    // The phone unlinked a working number: offer a fresh QR at once (one round of qrRounds, as ever).
    if (reason === 'logged_out' && wasConnected) return void this.start(s.numberId, 'phone_logged_out');
    // Opened on another computer: reopening here takes the session back. Once; a second conflict soon after stops.
    if (reason === 'conflict') {
      const now = this.deps.clock.now();
      if (s.tookOverAt === null || now - s.tookOverAt > this.policy.conflictWindowMs) {
        s.tookOverAt = now;
        return void this.start(s.numberId, 'took_over');
      }
    }
    let nextRetryAt: number | null = null;
    if (retriedReasons.includes(reason)) {
      const delay = Math.min(this.policy.retryMaxMs, this.policy.retryBaseMs * 2 ** s.attempt) * (0.8 + Math.random() * 0.4);
      s.attempt++;
      nextRetryAt = this.deps.clock.now() + Math.round(delay);
      s.retryTimer = setTimeout(() => {
        s.retryTimer = null;
        void this.start(s.numberId);
      }, delay);
      s.retryTimer.unref?.();
    }
    this.set(s, { state: 'DISCONNECTED', reason, detail, qr: null, pairingCode: null, nextRetryAt, syncPercent: null, notice: null });
  }

  private async halt(s: Session): Promise<void> {
    const transport = s.transport;
    s.generation++;
    s.transport = null;
    this.clearTimers(s);
    this.deps.observer.dropped(s.numberId);
    if (transport) await transport.disconnect().catch((error: unknown) => this.deps.logger.warn('session stop failed', { numberId: s.numberId, error: String(error) }));
  }

  private armHang(s: Session, generation: number, ms: number, detail: string): void {
    this.clearHang(s);
    s.hangTimer = setTimeout(() => {
      s.hangTimer = null;
      if (s.generation !== generation) return;
      void this.halt(s).then(() => this.down(s, 'hung', detail));
    }, ms);
    s.hangTimer.unref?.();
  }

  private phoneHeldByAnother(numberId: number, phoneDigits: string | null): boolean {
    const phone = phoneDigits ? phoneFromWhatsApp(phoneDigits) : null;
    if (!phone) return false;
    const other = this.deps.sqlite
      .prepare<[string, number], { id: number }>('select id from whatsapp_numbers where phone_number = ? and id != ? and removed_at is null')
      .get(phone, numberId);
    if (other) this.deps.logger.warn('linked phone is already another number', { numberId, other: other.id });
    return Boolean(other);
  }

  private recordLinked(numberId: number, phoneDigits: string | null): void {
    const now = this.deps.clock.now();
    const phone = phoneDigits ? phoneFromWhatsApp(phoneDigits) : null;
    this.deps.sqlite
      .prepare("update whatsapp_numbers set linked_at = coalesce(linked_at, ?), phone_number = coalesce(?, phone_number), status = 'active', updated_at = ? where id = ?")
      .run(now, phone, now, numberId);
  }

  private session(numberId: number): Session {
    let s = this.sessions.get(numberId);
    if (!s) {
      s = {
        numberId,
        ...this.snapshot(numberId),
        transport: null,
        generation: 0,
        attempt: 0,
        tookOverAt: null,
        retryTimer: null,
        hangTimer: null,
      };
      this.sessions.set(numberId, s);
    }
    return s;
  }

  private set(s: Session, changes: Partial<ConnectionSnapshot>): void {
    Object.assign(s, changes);
    this.deps.observer.statusChanged(s.numberId);
  }

  private clearRetry(s: Session): void {
    if (s.retryTimer) clearTimeout(s.retryTimer);
    s.retryTimer = null;
    s.nextRetryAt = null;
  }

  private clearHang(s: Session): void {
    if (s.hangTimer) clearTimeout(s.hangTimer);
    s.hangTimer = null;
  }

  private clearTimers(s: Session): void {
    this.clearRetry(s);
    this.clearHang(s);
  }
}
