import { EventEmitter } from 'node:events';
import type { WebjsChat, WebjsClient, WebjsMessage, WebjsMessageMedia, WebjsWid } from '../webjs/client-surface';
import { demoCustomersForNumber } from './demo-cast';
import type { DemoKind } from '../../../shared/demo/contract';
import { DemoCustomerScript, type CustomerScriptOptions } from './demo-customers';
import { customerSays, customerSends, quoteOf, type DemoTarget } from './demo-kinds';
import { newCustomerWrites } from './demo-new-customer';
import { cryptoRandom, demoPhoneForNumber, isSendableChatId, pairingCode, qrPayload, toWid, type Random } from './demo-ids';
import { clearDemoLink, markDemoLinked, readDemoLink } from './demo-link';
import { invalidWidError, type DemoWorld } from './demo-world';

export interface DemoTimings {
  /** initialize() to the first 'qr' when the session folder holds no link. */
  firstQrMs: number;
  /** A new QR this often until it is scanned (WhatsApp's own rhythm is about 20 s). */
  qrIntervalMs: number;
  /** initialize() to 'authenticated' when the session folder holds a link. */
  restoreMs: number;
  /** 'authenticated' to 'ready'; WhatsApp's sync progress ('loading_screen') is spread over it. */
  readyAfterAuthMs: number;
  /** The percents 'loading_screen' reports on the way to ready. */
  syncSteps: readonly number[];
  /** requestPairingCode() to the link completing, as if the code were typed on the phone. */
  pairingCompletesMs: number;
  /** sendMessage() to acks 1 (sent), 2 (delivered), 3 (read). */
  ackMs: readonly [number, number, number];
  /**
   * sendMessage() to WhatsApp taking the message (the world records it only then). A crash
   * inside this window leaves a message in flight that never reached WhatsApp.
   */
  transitMs: number;
  /**
   * WhatsApp has taken the message; this long after, the page reports it (message_create)
   * and sendMessage resolves. A crash inside this window leaves a message sent but unrecorded.
   */
  sendMs: number;
}

export const defaultDemoTimings: DemoTimings = {
  firstQrMs: 500,
  qrIntervalMs: 20_000,
  restoreMs: 1200,
  readyAfterAuthMs: 1500,
  syncSteps: [15, 40, 75, 100],
  pairingCompletesMs: 4000,
  ackMs: [600, 1500, 3000],
  transitMs: 100,
  sendMs: 150,
};

export interface DemoClientOptions {
  numberId: number;
  /** Where LocalAuth would keep the Chrome profile; the demo keeps its link file there. */
  sessionDir: string;
  world: DemoWorld;
  timings?: Partial<DemoTimings>;
  random?: Random;
  /** The simulated customers who write once the number is ready; false for none. */
  customers?: Partial<CustomerScriptOptions> | false;
}

type State = 'idle' | 'starting' | 'qr' | 'pairing' | 'authenticating' | 'ready' | 'closed';

/** whatsapp-web.js's connection states that make the real Client emit 'disconnected' and destroy itself. */
const acceptedStates = ['CONNECTED', 'OPENING', 'PAIRING', 'TIMEOUT'];

/**
 * A simulated whatsapp-web.js Client: the same events in the same order with the same argument
 * shapes (including WhatsApp Web's `$1` message keys without `_serialized`), backed by a
 * DemoWorld instead of a browser. `pupPage` and `pupBrowser` are absent.
 */
export class DemoClient extends EventEmitter implements WebjsClient {
  info: { wid: WebjsWid; pushname: string; platform: string } | undefined = undefined;
  readonly numberId: number;
  private readonly timings: DemoTimings;
  private readonly random: Random;
  private readonly timers = new Set<NodeJS.Timeout>();
  private script: DemoCustomerScript | null = null;
  private state: State = 'idle';
  private phone: string;
  private qrTimer: NodeJS.Timeout | null = null;
  /** Where the demo's sync stops until told to go on (holdSync); null: it runs through. */
  private syncHold: number | null = null;
  private syncTimers: NodeJS.Timeout[] = [];
  private detach: (() => void) | null = null;

  constructor(private readonly options: DemoClientOptions) {
    super();
    this.numberId = options.numberId;
    this.timings = { ...defaultDemoTimings, ...options.timings };
    this.random = options.random ?? cryptoRandom;
    this.phone = demoPhoneForNumber(options.numberId);
  }

  /** What the client is doing: waiting on a QR, ready, closed… (for tests and the demo UI). */
  get status(): State {
    return this.state;
  }

  get phoneWid(): string {
    return `${this.phone}@c.us`;
  }

  async initialize(): Promise<void> {
    if (this.state !== 'idle' && this.state !== 'closed') throw new Error('The client is already initialized');
    this.state = 'starting';
    await Promise.resolve();
    const link = readDemoLink(this.options.sessionDir);
    if (link) {
      this.phone = link.phone ?? this.phone;
      this.state = 'authenticating';
      this.later(this.timings.restoreMs, () => this.authenticated());
    } else {
      this.later(this.timings.firstQrMs, () => this.showQr());
    }
  }

  /** The demo's "scan" button: links if a QR is waiting; false otherwise. */
  scan(): boolean {
    if (this.state !== 'qr') return false;
    this.link();
    return true;
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.requirePage();
    if (this.state === 'authenticating' || this.state === 'ready') throw new Error('Evaluation failed: Error: the phone is already linked');
    const digits = String(phoneNumber).replace(/\D/g, '');
    if (!/^\d{8,15}$/.test(digits)) throw new Error('Evaluation failed: Error: invalid phone number');
    this.stopQr();
    this.state = 'pairing';
    this.phone = digits;
    const code = pairingCode(this.random);
    this.emit('code', code);
    this.later(this.timings.pairingCompletesMs, () => this.state === 'pairing' && this.link());
    return code;
  }

  async sendMessage(chatId: string, content: string | WebjsMessageMedia, options: Record<string, unknown> = {}): Promise<WebjsMessage | undefined> {
    this.requireLinked('getChat');
    const media = content instanceof DemoMessageMedia ? content : null;
    if (typeof content !== 'string' && !media) throw new Error('Evaluation failed: Error: invalid message content');
    if (!isSendableChatId(chatId)) throw new Error(invalidWidError);
    const body = media ? (typeof options.caption === 'string' ? options.caption : '') : (content as string);
    if (this.timings.transitMs > 0) await new Promise((resolve) => setTimeout(resolve, this.timings.transitMs));
    // The page closed on the way (the session stopped, the app quit): WhatsApp never got it.
    this.requireLinked('getChat');
    const sent = this.options.world.storeOutbound(
      this.phoneWid,
      chatId,
      body,
      media ? { mimetype: media.mimetype, size: media.filesize ?? 0, ...(media.filename ? { filename: media.filename } : {}), asDocument: options.sendMediaAsDocument === true } : undefined,
      this.quote(chatId, options.quotedMessageId),
    );
    if (this.timings.sendMs > 0) await new Promise((resolve) => setTimeout(resolve, this.timings.sendMs));
    this.emit('message_create', sent);
    this.scheduleAcks(chatId, sent.id.id, 0);
    this.script?.agentWrote(chatId);
    return sent;
  }

  /** Demo mode's "the customer sends…": a place, a card, a reply, an edit, a deletion, a reaction, a missed call. */
  customerSends(chatId: string, kind: DemoKind, target?: DemoTarget): boolean {
    if (this.state !== 'ready') return false;
    return customerSends(this.options.world, this.phoneWid, chatId, kind, this.random, target);
  }

  /** The customer of `chatId` types `text` (demo.customerSays); false until the number is ready. */
  customerSays(chatId: string, text: string): boolean {
    if (this.state !== 'ready') return false;
    return customerSays(this.options.world, this.phoneWid, chatId, text, this.random);
  }

  /** A customer new to this phone writes their first message; null until the number is ready. */
  newCustomerWrites(customer: { language: 'ar' | 'en'; name?: string }): { name: string; phone: string } | null {
    if (this.state !== 'ready') return null;
    return newCustomerWrites(this.options.world, this.phoneWid, this.random, customer);
  }

  /** sendMessage's `quotedMessageId` as the raw model's quote fields; like whatsapp-web.js, an unknown id sends without a quote. */
  private quote(chatId: string, quotedMessageId: unknown): Record<string, unknown> | undefined {
    if (typeof quotedMessageId !== 'string') return undefined;
    const [, quotedChat, id] = quotedMessageId.split('_');
    if (quotedChat !== chatId || !id) return undefined;
    const original = this.options.world.stored(this.phoneWid, chatId).find((m) => m.id === id);
    return original ? quoteOf(original, original.fromMe ? (chatId.endsWith('@lid') ? this.options.world.ownLid(this.phoneWid) : this.phoneWid) : chatId) : undefined;
  }

  async getMessageById(messageId: string): Promise<WebjsMessage | null> {
    this.requireLinked('Msg');
    return this.options.world.messageById(this.phoneWid, messageId);
  }

  async getChats(): Promise<WebjsChat[]> {
    this.requireLinked('getChats');
    return this.options.world.chatObjects(this.phoneWid);
  }

  async getContactLidAndPhone(userIds: string[]): Promise<{ lid?: string; pn?: string }[]> {
    this.requireLinked('enforceLidAndPnRetrieval');
    return this.options.world.lidAndPhone(this.phoneWid, Array.isArray(userIds) ? userIds : [userIds]);
  }

  /** Unlinks: the session folder forgets the link. Like the real one, emits nothing and closes. */
  async logout(): Promise<void> {
    this.requirePage();
    this.close();
    clearDemoLink(this.options.sessionDir);
  }

  /** Stops everything (every timer, the customers); keeps the link. Emits nothing, like the real one. */
  async destroy(): Promise<void> {
    this.close();
  }

  /**
   * WhatsApp Web's connection state changes (tests): the real Client emits 'change_state', and
   * for states it does not accept ('CONFLICT', 'UNPAIRED', …) 'disconnected' with the state, then closes.
   */
  changeState(state: string): void {
    if (this.state !== 'ready') return;
    this.emit('change_state', state);
    if (acceptedStates.includes(state)) return;
    this.emit('disconnected', state);
    this.close();
  }

  /** The phone removes this linked device (tests): 'disconnected' 'LOGOUT', the link forgotten, a new QR. */
  unlinkFromPhone(): void {
    if (this.state !== 'ready') return;
    this.stopSession();
    clearDemoLink(this.options.sessionDir);
    this.emit('disconnected', 'LOGOUT');
    this.later(this.timings.firstQrMs, () => this.showQr());
  }

  /**
   * WhatsApp's sync reaches `percent` and stays there (demo and tests): while linking, the steps
   * stop at it until a holdSync(100) lets the number become ready; before linking, the next sync
   * will stop there; once ready, it is an offline catch-up's progress.
   */
  holdSync(percent: number): void {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    this.syncHold = value < 100 ? value : null;
    if (this.state === 'ready') {
      this.emit('loading_screen', value, 'WhatsApp');
    } else if (this.state === 'authenticating') {
      this.clearSync();
      this.emit('loading_screen', value, 'WhatsApp');
      if (value >= 100) this.later(0, () => this.ready());
    }
  }

  private showQr(): void {
    this.state = 'qr';
    this.emit('qr', qrPayload(this.random));
    this.qrTimer = this.later(this.timings.qrIntervalMs, () => this.state === 'qr' && this.showQr());
  }

  private link(): void {
    this.stopQr();
    markDemoLinked(this.options.sessionDir, {
      linkedAt: Date.now(),
      ...(this.phone !== demoPhoneForNumber(this.numberId) ? { phone: this.phone } : {}),
    });
    this.authenticated();
  }

  private authenticated(): void {
    this.state = 'authenticating';
    this.emit('authenticated');
    // Like WhatsApp Web: progress while the phone's chats load, then ready (unless held).
    const held = this.syncHold;
    const steps = held === null ? [...this.timings.syncSteps] : [...this.timings.syncSteps.filter((p) => p < held), held];
    const every = this.timings.readyAfterAuthMs / (steps.length + 1);
    steps.forEach((percent, i) => this.syncTimers.push(this.later(every * (i + 1), () => this.emit('loading_screen', percent, 'WhatsApp'))));
    if (held === null) this.syncTimers.push(this.later(this.timings.readyAfterAuthMs, () => this.ready()));
  }

  private clearSync(): void {
    for (const timer of this.syncTimers) this.clear(timer);
    this.syncTimers = [];
  }

  private ready(): void {
    if (this.state !== 'authenticating') return;
    this.syncTimers = [];
    this.state = 'ready';
    this.info = { wid: toWid(this.phoneWid), pushname: 'Meras Demo', platform: 'android' };
    this.detach = this.options.world.attach(
      this.phoneWid,
      (message) => {
        this.emit('message_create', message);
        if (!message.fromMe) this.emit('message', message);
      },
      // Edits, deletions and reactions, with whatsapp-web.js's event names and arguments.
      (change) => {
        if (change.kind === 'edit') this.emit('message_edit', change.message, change.newBody, change.prevBody);
        else if (change.kind === 'revoke') this.emit('message_revoke_everyone', change.message, change.before);
        else this.emit('message_reaction', change.reaction);
      },
    );
    this.emit('ready');
    if (this.options.customers !== false) {
      this.script = new DemoCustomerScript(this.options.world, this.phoneWid, {
        random: this.random,
        customers: demoCustomersForNumber(this.numberId),
        ...this.options.customers,
      });
      this.script.start();
    }
  }

  /** Acks one after another, so they arrive in order whatever the timings. */
  private scheduleAcks(chatId: string, id: string, done: number): void {
    const ack = done + 1;
    const at = this.timings.ackMs[done];
    if (at === undefined) return;
    const previous = done > 0 ? (this.timings.ackMs[done - 1] ?? 0) : 0;
    this.later(Math.max(0, at - previous), () => {
      const updated = this.options.world.setAck(this.phoneWid, chatId, id, ack);
      if (updated && this.state === 'ready') this.emit('message_ack', updated, ack);
      this.scheduleAcks(chatId, id, ack);
    });
  }

  private requirePage(): void {
    if (this.state === 'idle') throw new TypeError("Cannot read properties of null (reading 'evaluate')");
    if (this.state === 'closed') throw new Error('Protocol error (Runtime.callFunctionOn): Target closed');
  }

  private requireLinked(what: string): void {
    this.requirePage();
    if (this.state !== 'ready') throw new Error(`Evaluation failed: TypeError: Cannot read properties of undefined (reading '${what}')`);
  }

  private stopQr(): void {
    if (this.qrTimer) this.clear(this.qrTimer);
    this.qrTimer = null;
  }

  private stopSession(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.qrTimer = null;
    this.script?.stop();
    this.script = null;
    this.detach?.();
    this.detach = null;
  }

  private close(): void {
    this.stopSession();
    this.state = 'closed';
  }

  private later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clear(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}

/** The demo's MessageMedia: sendMessage takes a file only as an instance of it, like the real Client. */
export class DemoMessageMedia implements WebjsMessageMedia {
  constructor(
    readonly mimetype: string,
    readonly data: string,
    readonly filename: string | null = null,
    readonly filesize: number | null = null,
  ) {}
}
