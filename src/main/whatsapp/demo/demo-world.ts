import type { WebjsChat, WebjsMessage, WebjsReaction } from '../webjs/client-surface';
import { DemoJournal, type JournalEvent, type StoredMessage } from './demo-journal';
import type { DemoFile } from './demo-files';
import { toWebjsMessage } from './demo-message-shape';
import {
  cryptoRandom,
  fixedMessageId,
  groupIdForPhone,
  lidForPhone,
  phoneMessageId,
  toWid,
  userWid,
  webMessageId,
  widPattern,
  type Random,
} from './demo-ids';

export type { StoredMessage } from './demo-journal';

export interface DemoWorldOptions {
  /** Keep the world in this file (one JSON line per event) so it survives a killed process. */
  journalFile?: string;
  /** Read other processes' appends to the journal this often and pass new messages on (off by default). */
  pollJournalMs?: number;
  /** When an `@lid` customer's phone is revealed: not before this many asks, and this long after the first. */
  lidReveal?: { afterAsks?: number; afterMs?: number };
  now?: () => number;
  random?: Random;
}

export interface InboundInput {
  /** The customer's phone: `9665…`, `+9665…` or `9665…@c.us`. */
  from: string;
  body: string;
  /** The customer appears under an `@lid` id: `true` for their own lid, or the lid itself. */
  lid?: string | true;
  profileName?: string;
  /** A photo or document the customer sends; `body` is its caption. */
  file?: DemoFile;
  /** A kind beyond text (`location`, `vcard`, `call_log`…) and its raw model fields (demo-kinds). */
  type?: string;
  data?: Record<string, unknown>;
}

/** A change to a message already on the phone, as whatsapp-web.js reports it. */
export type DemoChange =
  | { kind: 'edit'; message: WebjsMessage; newBody: string; prevBody: string }
  | { kind: 'revoke'; message: WebjsMessage; before: WebjsMessage }
  | { kind: 'reaction'; reaction: WebjsReaction };

export interface DemoChatSnapshot {
  id: string;
  name: string | undefined;
  isGroup: boolean;
  kind: ChatKind;
  /** Seconds. */
  timestamp: number;
  messages: WebjsMessage[];
}

type ChatKind = 'user' | 'group' | 'status';
type Applied = { phone: PhoneRecord; chat: ChatRecord; entry: Entry } | { phone: PhoneRecord; change: DemoChange };
type Entry = StoredMessage & { seq: number };
interface ChatRecord {
  id: string;
  name: string | undefined;
  kind: ChatKind;
  messages: Entry[];
  byId: Map<string, Entry>;
}
interface PhoneRecord {
  wid: string;
  lid: string;
  chats: Map<string, ChatRecord>;
  listeners: Set<(message: WebjsMessage) => void>;
  changeListeners: Set<(change: DemoChange) => void>;
}
interface LidRecord {
  pn: string;
  revealed: boolean;
  asks: number;
  firstAskAt?: number;
}

export const invalidWidError = 'Evaluation failed: Error: wid error: invalid wid';
const statusChatId = 'status@broadcast';

/**
 * The simulated WhatsApp network behind the demo Clients: per linked phone, its chats and
 * their messages, and which customers hide behind an `@lid`. In memory, or kept in a journal
 * file that is replayed on construction (every event is idempotent, so replaying a line twice,
 * or lines another process appended, never doubles anything).
 */
export class DemoWorld {
  private readonly phones = new Map<string, PhoneRecord>();
  private readonly lids = new Map<string, LidRecord>();
  private readonly journal: DemoJournal | null;
  private readonly now: () => number;
  private readonly random: Random;
  private readonly reveal: { afterAsks: number; afterMs: number };
  private readonly poll: NodeJS.Timeout | null = null;
  private seq = 0;

  constructor(options: DemoWorldOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? cryptoRandom;
    this.reveal = { afterAsks: options.lidReveal?.afterAsks ?? 1, afterMs: options.lidReveal?.afterMs ?? 5000 };
    this.journal = options.journalFile ? new DemoJournal(options.journalFile) : null;
    this.catchUp();
    if (this.journal && options.pollJournalMs) {
      this.poll = setInterval(() => this.catchUp(), options.pollJournalMs);
      this.poll.unref();
    }
  }

  /** A customer writes. Passed on at once if a Client of that phone is connected, else only stored. */
  deliverInbound(phoneWid: string, input: InboundInput): WebjsMessage {
    const pn = userWid(input.from);
    if (!widPattern.test(pn)) throw new Error(`not a phone: ${input.from}`);
    let chatId = pn;
    if (input.lid) {
      chatId = input.lid === true ? lidForPhone(pn.split('@')[0] ?? '') : input.lid;
      if (!this.lids.has(chatId)) this.record({ e: 'lid', lid: chatId, pn });
    }
    const { file } = input;
    return this.add(phoneWid, 'user', input.profileName, {
      id: phoneMessageId(this.random), chatId, fromMe: false, body: input.body, t: this.seconds(), ack: 1,
      type: file ? webjsMediaType(file.mimetype) : (input.type ?? 'chat'),
      ...(input.data ? { data: input.data } : {}),
      ...(input.profileName ? { notifyName: input.profileName } : {}),
      ...(file ? { media: { mimetype: file.mimetype, size: file.data.length, data: file.data.toString('base64'), ...(file.filename ? { filename: file.filename } : {}) } } : {}),
    });
  }

  /** The customer of an existing chat writes a message of any kind (demo-kinds); `t` is set to now. */
  customerWrites(phoneWid: string, message: StoredMessage): WebjsMessage {
    return this.add(phoneWid, 'user', message.notifyName, { ...message, t: this.seconds() });
  }

  /** A message the phone has had all along (the seeded history): stored without telling the Clients. */
  adopt(phoneWid: string, message: StoredMessage): StoredMessage {
    this.add(phoneWid, 'user', undefined, { ...message, t: message.t || this.seconds() }, false);
    return this.stored(phoneWid, message.chatId).find((m) => m.id === message.id)!;
  }

  /** The office answers on the phone itself: ours (fromMe), but not sent through the app. */
  sendFromPhone(phoneWid: string, input: { to: string; body: string }): WebjsMessage {
    return this.add(phoneWid, 'user', undefined, {
      id: phoneMessageId(this.random), chatId: userWid(input.to), fromMe: true, body: input.body, t: this.seconds(), ack: 1, type: 'chat',
    });
  }

  /** Someone writes in the phone's community group (never a customer conversation). */
  postToGroup(phoneWid: string, input: { author: string; body: string; profileName?: string }): WebjsMessage {
    return this.add(phoneWid, 'group', 'ملاك وسماسرة الرياض', {
      id: phoneMessageId(this.random), chatId: groupIdForPhone(this.phone(phoneWid).wid), fromMe: false, body: input.body,
      t: this.seconds(), ack: 1, type: 'chat', author: userWid(input.author), ...(input.profileName ? { notifyName: input.profileName } : {}),
    });
  }

  /** A contact posts a status (`status@broadcast`, never a customer conversation). */
  postStatus(phoneWid: string, input: { author: string; body: string; profileName?: string }): WebjsMessage {
    return this.add(phoneWid, 'status', undefined, {
      id: phoneMessageId(this.random), chatId: statusChatId, fromMe: false, body: input.body, t: this.seconds(), ack: 1,
      type: 'chat', author: userWid(input.author), ...(input.profileName ? { notifyName: input.profileName } : {}),
    });
  }

  /** A Client sends: stored at once (before the promise resolves), acks follow through setAck. */
  storeOutbound(phoneWid: string, chatId: string, body: string, media?: { mimetype: string; filename?: string; size: number; asDocument?: boolean }, data?: Record<string, unknown>): WebjsMessage {
    const kind: ChatKind = chatId.endsWith('@g.us') ? 'group' : 'user';
    const type = media ? (media.asDocument ? 'document' : webjsMediaType(media.mimetype)) : 'chat';
    return this.add(phoneWid, kind, undefined, {
      id: webMessageId(this.random), chatId, fromMe: true, body, t: this.seconds(), ack: 0, type, ...(data ? { data } : {}),
      ...(media ? { media: { mimetype: media.mimetype, size: media.size, ...(media.filename ? { filename: media.filename } : {}) } } : {}),
    }, false);
  }

  /** A chat's messages as stored, oldest first (demo-kinds picks what a customer quotes, edits or reacts to). */
  stored(phoneWid: string, chatId: string): readonly StoredMessage[] {
    this.catchUp();
    return this.phone(phoneWid).chats.get(chatId)?.messages ?? [];
  }

  /** The sender edits a message: 'message_edit' on connected Clients. */
  edit(phoneWid: string, chatId: string, id: string, body: string): void {
    this.record({ e: 'edit', p: this.phone(phoneWid).wid, c: chatId, id, body, at: this.now() });
  }

  /** The sender deletes a message for everyone: 'message_revoke_everyone'. */
  revoke(phoneWid: string, chatId: string, id: string): void {
    this.record({ e: 'revoke', p: this.phone(phoneWid).wid, c: chatId, id, at: this.now() });
  }

  /** `by` reacts to a message ('' takes the reaction back): 'message_reaction'. */
  react(phoneWid: string, chatId: string, id: string, by: string, emoji: string): void {
    this.record({ e: 'react', p: this.phone(phoneWid).wid, c: chatId, id, by, emoji, at: this.now() });
  }

  /** A message by its serialized id, as getMessageById finds it; null when unknown. */
  messageById(phoneWid: string, serialized: string): WebjsMessage | null {
    this.catchUp();
    const phone = this.phone(phoneWid);
    const [, chatId, id] = serialized.split('_');
    const chat = chatId ? phone.chats.get(chatId) : undefined;
    const entry = chat && id ? chat.byId.get(id) : undefined;
    return chat && entry ? toMessage(phone, chat, entry) : null;
  }

  /** Moves a message's ack forward (never back); the message as it now is, or null if unknown. */
  setAck(phoneWid: string, chatId: string, id: string, ack: number): WebjsMessage | null {
    this.record({ e: 'ack', p: this.phone(phoneWid).wid, c: chatId, id, a: ack });
    const chat = this.phone(phoneWid).chats.get(chatId);
    const entry = chat?.byId.get(id);
    return chat && entry ? toMessage(this.phone(phoneWid), chat, entry) : null;
  }

  /** Everything this phone sent (through a Client or on the phone), oldest first. */
  sentMessages(phoneWid: string): WebjsMessage[] {
    this.catchUp();
    const phone = this.phone(phoneWid);
    const all = [...phone.chats.values()].flatMap((chat) => chat.messages.filter((m) => m.fromMe).map((m) => ({ chat, m })));
    return all.sort((a, b) => a.m.seq - b.m.seq).map(({ chat, m }) => toMessage(phone, chat, m));
  }

  chats(phoneWid: string): DemoChatSnapshot[] {
    this.catchUp();
    const phone = this.phone(phoneWid);
    return [...phone.chats.values()]
      .map((chat) => ({
        id: chat.id,
        name: chat.name,
        isGroup: chat.kind === 'group',
        kind: chat.kind,
        timestamp: chat.messages.at(-1)?.t ?? 0,
        messages: chat.messages.map((m) => toMessage(phone, chat, m)),
      }))
      .sort((a, b) => b.timestamp - a.timestamp);
  }

  /** How many messages a chat holds (only ours or only theirs with `fromMe`). */
  messageCount(phoneWid: string, chatId: string, fromMe?: boolean): number {
    this.catchUp();
    const messages = this.phone(phoneWid).chats.get(chatId)?.messages ?? [];
    return fromMe === undefined ? messages.length : messages.filter((m) => m.fromMe === fromMe).length;
  }

  /** Chats as whatsapp-web.js's getChats gives them, newest activity first. */
  chatObjects(phoneWid: string): WebjsChat[] {
    this.ensureFixtures(phoneWid);
    return this.chats(phoneWid).map((snapshot) => ({
      id: toWid(snapshot.id),
      name: snapshot.name,
      isGroup: snapshot.isGroup,
      timestamp: snapshot.timestamp,
      unreadCount: 0,
      archived: false,
      fetchMessages: async ({ limit, fromMe }: { limit: number; fromMe?: boolean }) => {
        const current = this.chats(phoneWid).find((c) => c.id === snapshot.id)?.messages ?? [];
        const kept = fromMe === undefined ? current : current.filter((m) => m.fromMe === fromMe);
        return Number.isFinite(limit) && limit >= 0 ? kept.slice(Math.max(0, kept.length - limit)) : kept;
      },
    }));
  }

  /** whatsapp-web.js's getContactLidAndPhone: a lid's phone only once WhatsApp reveals it. */
  lidAndPhone(phoneWid: string, ids: string[]): { lid?: string; pn?: string }[] {
    const own = this.phone(phoneWid);
    return ids.map((id) => {
      const match = widPattern.exec(id);
      if (!match) throw new Error(invalidWidError);
      if (match[2] === 'c.us') return { lid: id === own.wid ? own.lid : lidForPhone(match[1] ?? ''), pn: id };
      if (id === own.lid) return { lid: id, pn: own.wid };
      const known = this.lids.get(id);
      if (!known) return { lid: id, pn: undefined };
      known.asks += 1;
      known.firstAskAt ??= this.now();
      const due = known.asks > this.reveal.afterAsks && this.now() - known.firstAskAt >= this.reveal.afterMs;
      if (!known.revealed && due) this.record({ e: 'reveal', lid: id });
      return { lid: id, pn: known.revealed ? known.pn : undefined };
    });
  }

  /** Reveals a lid's phone now (tests). */
  revealLid(lid: string): void {
    if (this.lids.has(lid)) this.record({ e: 'reveal', lid });
  }

  /** A connected Client listens here for what arrives on its phone; returns how to stop. */
  attach(phoneWid: string, listener: (message: WebjsMessage) => void, onChange?: (change: DemoChange) => void): () => void {
    this.ensureFixtures(phoneWid);
    const phone = this.phone(phoneWid);
    phone.listeners.add(listener);
    if (onChange) phone.changeListeners.add(onChange);
    return () => {
      phone.listeners.delete(listener);
      if (onChange) phone.changeListeners.delete(onChange);
    };
  }

  isConnected(phoneWid: string): boolean {
    return this.phone(phoneWid).listeners.size > 0;
  }

  /** The lid our own messages carry in `@lid` chats. */
  ownLid(phoneWid: string): string {
    return this.phone(phoneWid).lid;
  }

  close(): void {
    if (this.poll) clearInterval(this.poll);
  }

  private add(phoneWid: string, kind: ChatKind, name: string | undefined, message: StoredMessage, notify = true): WebjsMessage {
    const phone = this.phone(phoneWid);
    // Ids are random; a seeded generator restarted over a replayed journal could repeat one.
    while (phone.chats.get(message.chatId)?.byId.has(message.id)) message.id = `${message.id.slice(0, -1)}${Math.floor(this.random() * 10)}`;
    this.record({ e: 'msg', p: phone.wid, k: kind, ...(name ? { n: name } : {}), m: message }, notify);
    const chat = phone.chats.get(message.chatId);
    const entry = chat?.byId.get(message.id);
    if (!chat || !entry) throw new Error('demo world lost a message it just stored');
    return toMessage(phone, chat, entry);
  }

  /** Applies an event and writes it to the journal if it changed anything. */
  private record(event: JournalEvent, notify = true): void {
    this.catchUp();
    const added = this.apply(event);
    if (added === false) return;
    this.journal?.append(event);
    if (added && notify) this.tell(added);
  }

  /** Reads lines appended since the last look (by this process or another) and passes new messages on. */
  private catchUp(): void {
    for (const event of this.journal?.readNew() ?? []) {
      const added = this.apply(event);
      if (added) this.tell(added);
    }
  }

  private tell(applied: Applied): void {
    if ('change' in applied) for (const listener of [...applied.phone.changeListeners]) listener(applied.change);
    else this.notify(applied.phone, applied.chat, applied.entry);
  }

  /** false: nothing changed; null: changed, nothing to tell; else the message added or the change made. */
  private apply(event: JournalEvent): false | null | Applied {
    switch (event.e) {
      case 'lid':
        if (this.lids.has(event.lid)) return false;
        this.lids.set(event.lid, { pn: event.pn, revealed: false, asks: 0 });
        return null;
      case 'reveal': {
        const known = this.lids.get(event.lid);
        if (!known || known.revealed) return false;
        known.revealed = true;
        return null;
      }
      case 'ack': {
        const entry = this.phone(event.p).chats.get(event.c)?.byId.get(event.id);
        if (!entry || entry.ack >= event.a) return false;
        entry.ack = event.a;
        return null;
      }
      case 'msg': {
        const phone = this.phone(event.p);
        let chat = phone.chats.get(event.m.chatId);
        if (!chat) {
          chat = { id: event.m.chatId, name: event.n, kind: event.k, messages: [], byId: new Map() };
          phone.chats.set(chat.id, chat);
        }
        if (event.n && !event.m.fromMe) chat.name = event.n;
        if (chat.byId.has(event.m.id)) return false;
        const entry: Entry = { ...event.m, seq: ++this.seq };
        chat.messages.push(entry);
        chat.byId.set(entry.id, entry);
        return { phone, chat, entry };
      }
      case 'edit':
      case 'revoke':
      case 'react':
        return this.applyChange(event);
    }
  }

  /** An edit, a deletion or a reaction, as whatsapp-web.js's Client reports each. */
  private applyChange(event: Extract<JournalEvent, { e: 'edit' | 'revoke' | 'react' }>): false | Applied {
    const phone = this.phone(event.p);
    const chat = phone.chats.get(event.c);
    const entry = chat?.byId.get(event.id);
    if (!chat || !entry || entry.type === 'revoked') return false;
    if (event.e === 'edit') {
      if (entry.body === event.body) return false;
      const prevBody = entry.body;
      entry.body = event.body;
      entry.editedAt = event.at;
      return { phone, change: { kind: 'edit', message: toMessage(phone, chat, entry), newBody: event.body, prevBody } };
    }
    if (event.e === 'revoke') {
      const before = toMessage(phone, chat, entry);
      entry.type = 'revoked';
      entry.body = '';
      delete entry.media;
      delete entry.reactions;
      return { phone, change: { kind: 'revoke', message: toMessage(phone, chat, entry), before } };
    }
    const reactions = { ...entry.reactions };
    if ((reactions[event.by] ?? '') === event.emoji) return false;
    if (event.emoji) reactions[event.by] = event.emoji;
    else delete reactions[event.by];
    entry.reactions = reactions;
    const key = toMessage(phone, chat, entry).id;
    const reactionId = { fromMe: false, remote: chat.id, id: `${entry.id}R${event.at}`, $1: `false_${chat.id}_${entry.id}R${event.at}` };
    return { phone, change: { kind: 'reaction', reaction: { id: reactionId, msgId: key, reaction: event.emoji, senderId: event.by, timestamp: Math.floor(event.at / 1000) } } };
  }

  private notify(phone: PhoneRecord, chat: ChatRecord, entry: Entry): void {
    for (const listener of [...phone.listeners]) listener(toMessage(phone, chat, entry));
  }

  private phone(phoneWid: string): PhoneRecord {
    const wid = userWid(phoneWid);
    let phone = this.phones.get(wid);
    if (!phone) {
      phone = { wid, lid: lidForPhone(wid.split('@')[0] ?? ''), chats: new Map(), listeners: new Set(), changeListeners: new Set() };
      this.phones.set(wid, phone);
    }
    return phone;
  }

  /** Every demo phone is in one group and sees one status, so the app can show it keeps them out. */
  private ensureFixtures(phoneWid: string): void {
    const phone = this.phone(phoneWid);
    const group = groupIdForPhone(phone.wid);
    if (phone.chats.has(group) && phone.chats.has(statusChatId)) return;
    const t = this.seconds() - 3600;
    const author = '966501112233@c.us';
    this.record({ e: 'msg', p: phone.wid, k: 'group', n: 'ملاك وسماسرة الرياض', m: {
      id: fixedMessageId(`group:${phone.wid}`), chatId: group, fromMe: false, t, ack: 1, type: 'chat', author,
      notifyName: 'أبو خالد', body: 'السلام عليكم، أحد عنده أرض سكنية في الملقا للبيع؟ المساحة حول ٦٠٠ متر',
    } }, false);
    this.record({ e: 'msg', p: phone.wid, k: 'status', m: {
      id: fixedMessageId(`status:${phone.wid}`), chatId: statusChatId, fromMe: false, t, ack: 1, type: 'chat', author,
      notifyName: 'أبو خالد', body: 'فيلا درج داخلي للبيع في حطين 🏡 للتواصل خاص',
    } }, false);
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}

/** whatsapp-web.js's message type for a file (`ptt` is a voice note, which the demo does not make). */
function webjsMediaType(mimetype: string): string {
  if (mimetype.startsWith('image/')) return 'image';
  if (mimetype.startsWith('video/')) return 'video';
  if (mimetype.startsWith('audio/')) return 'audio';
  return 'document';
}

function toMessage(phone: PhoneRecord, chat: ChatRecord, m: StoredMessage): WebjsMessage {
  return toWebjsMessage({ ownWid: phone.wid, ownLid: phone.lid, chatId: chat.id, kind: chat.kind }, m);
}
