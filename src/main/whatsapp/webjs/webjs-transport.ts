import fs from 'node:fs';
import type { Logger } from '../../base/logger';
import type { DownloadedMedia, InboundMessage, OutboundContent, Transport, TransportEvents } from '../transport';
import type { WebjsClient, WebjsClientFactory, WebjsMessage } from './client-surface';
import { mapAck, mapMessage, splitUser } from './map-message';
import { mendMessageId } from './message-id';
import { installMsgKeySerializedGetter } from './page-key-fix';
import { classifySendError, SendError } from '../../outbox/send-errors';
import { classifyStartError, reasonForDisconnect, TransportError } from './start-errors';

export interface WebjsTransportOptions {
  numberId: number;
  /** This number's own folder: LocalAuth keeps the linked session in it. */
  sessionDir: string;
  factory: WebjsClientFactory;
  events: TransportEvents;
  logger: Logger;
}

/**
 * The `webjs` transport: one whatsapp-web.js Client (real, or the demo's simulated one from
 * the same factory interface) mapped onto our Transport. It carries our fix for WhatsApp
 * Web's July 2026 rename of the message key's `_serialized` (upstream #201830): ids are
 * rebuilt from the key's parts node-side, and the page's key class gets `_serialized` back.
 */
export class WebjsTransport implements Transport {
  private client: WebjsClient | null = null;
  /** Set while we are stopping it, so the browser closing is not taken for a crash. */
  private stopping = false;
  private ready = false;
  /** Recent messages with a file, by id: their own downloadMedia is the cheapest way to the file. */
  private readonly recent = new RecentMessages(200);

  constructor(private readonly options: WebjsTransportOptions) {}

  async connect(): Promise<void> {
    if (this.client) return;
    this.stopping = false;
    this.ready = false;
    fs.mkdirSync(this.options.sessionDir, { recursive: true });
    let client: WebjsClient;
    try {
      client = await this.options.factory.create({ numberId: this.options.numberId, sessionDir: this.options.sessionDir });
    } catch (error) {
      throw classifyStartError(error);
    }
    this.client = client;
    this.listen(client);
    try {
      await client.initialize();
    } catch (error) {
      const failure = classifyStartError(error);
      await this.teardown();
      throw failure;
    }
    client.pupBrowser?.on('disconnected', () => {
      if (!this.stopping && this.client === client) this.drop('browser_crashed', 'The browser running this WhatsApp session closed');
    });
  }

  async disconnect(): Promise<void> {
    await this.teardown();
  }

  async logout(): Promise<void> {
    const client = this.client;
    this.stopping = true;
    if (client && this.ready) {
      try {
        await client.logout();
      } catch (error) {
        this.options.logger.warn('logout did not complete; removing the saved session anyway', { numberId: this.options.numberId, error: String(error) });
      }
    }
    await this.teardown();
    fs.rmSync(this.options.sessionDir, { recursive: true, force: true });
  }

  async send(chatId: string, content: OutboundContent): Promise<{ providerId: string | null }> {
    const client = this.client;
    if (!client || !this.ready) throw new SendError('The number is not connected', false);
    let sent;
    // A reply: whatsapp-web.js quotes the message with this serialized id.
    const quote = content.quotedMessageId ? { quotedMessageId: content.quotedMessageId } : {};
    try {
      if (content.media) {
        const { media } = content;
        const file = this.options.factory.media(media.mimeType, media.data.toString('base64'), media.name, media.data.length);
        sent = await client.sendMessage(chatId, file, {
          ...(content.text ? { caption: content.text } : {}),
          ...quote,
          // A document keeps its name and is never recompressed.
          ...(media.type === 'document' ? { sendMediaAsDocument: true } : {}),
        });
      } else {
        sent = await client.sendMessage(chatId, content.text, { linkPreview: false, ...quote });
      }
    } catch (error) {
      throw classifySendError(error);
    }
    // On WhatsApp Web builds whose key lost `_serialized`, 1.34.7 resolves undefined though
    // the message went; the echo (message_create) or catch-up then supplies its id.
    return { providerId: sent ? mendMessageId(sent.id) : null };
  }

  async downloadMedia(providerId: string): Promise<DownloadedMedia | null> {
    const client = this.client;
    if (!client || !this.ready) throw new TransportError('not_started', 'The session is not ready');
    const message = this.recent.get(providerId) ?? (await client.getMessageById(providerId));
    if (!message || !message.hasMedia || !message.downloadMedia) return null;
    // downloadMedia reads `id._serialized`: give it back on builds that renamed it.
    mendMessageId(message.id);
    const media = await message.downloadMedia();
    if (!media || typeof media.data !== 'string') return null;
    return { mimeType: media.mimetype, name: media.filename ?? null, data: Buffer.from(media.data, 'base64') };
  }

  async requestPairingCode(phoneDigits: string): Promise<string> {
    if (!this.client) throw new TransportError('not_started', 'The session is not running');
    return formatPairingCode(await this.client.requestPairingCode(phoneDigits, true));
  }

  async phoneForLid(lid: string): Promise<string | null> {
    if (!this.client || !this.ready) return null;
    const [answer] = await this.client.getContactLidAndPhone([lid]);
    const pn = typeof answer?.pn === 'string' ? answer.pn : null;
    return pn ? splitUser(pn).phone : null;
  }

  async recentMessages(since: number, options: { maxChats: number; perChat: number }): Promise<InboundMessage[]> {
    if (!this.client || !this.ready) throw new TransportError('not_started', 'The session is not ready');
    const chats = await this.client.getChats();
    const recent = chats
      .filter((chat) => !chat.isGroup && chat.timestamp * 1000 >= since)
      .sort((a, b) => b.timestamp - a.timestamp)
      .slice(0, options.maxChats);
    const found: InboundMessage[] = [];
    for (const chat of recent) {
      const messages = await chat.fetchMessages({ limit: options.perChat });
      for (const raw of messages) {
        const message = mapMessage(raw);
        if (message && message.chatKind === 'user' && message.timestamp >= since) {
          if (message.hasMedia) this.recent.add(message.providerId, raw);
          found.push(message);
        }
      }
    }
    return found.sort((a, b) => a.timestamp - b.timestamp);
  }

  private listen(client: WebjsClient): void {
    const { events, logger, numberId } = this.options;
    const mine = () => this.client === client && !this.stopping;
    client.on('qr', (qr) => mine() && events.qr(qr));
    client.on('code', (code) => mine() && events.pairingCode(formatPairingCode(code)));
    client.on('authenticated', () => {
      if (!mine()) return;
      void this.mendPageKeys(client);
      events.authenticated();
    });
    client.on('auth_failure', (message) => mine() && this.drop('auth_failure', String(message)));
    client.on('ready', () => {
      if (!mine()) return;
      void this.mendPageKeys(client).finally(() => {
        if (!mine()) return;
        this.ready = true;
        const wid = client.info?.wid;
        events.ready({ phone: wid && wid.server !== 'lid' && /^\d+$/.test(wid.user) ? wid.user : null });
      });
    });
    // 'message_create' carries every new message, ours included (sent here or typed on the
    // phone); direction is read from fromMe inside mapMessage.
    client.on('message_create', (raw) => {
      if (!mine()) return;
      const message = mapMessage(raw);
      if (message?.hasMedia) this.recent.add(message.providerId, raw);
      if (message) events.message(message);
      else logger.warn('message without a usable id was skipped', { numberId });
    });
    // Not yet decrypted: a placeholder now; the same id comes again through message_create once it is.
    client.on('message_ciphertext', (raw) => {
      if (!mine()) return;
      const message = mapMessage(raw);
      if (message) events.message({ ...message, type: 'ciphertext', body: '', hasMedia: false });
    });
    client.on('message_revoke_everyone', (raw, before) => {
      if (!mine()) return;
      // The original's key: the revoke's protocolMessageKey, else the copy taken before, else the model itself (same id).
      const providerId = mendMessageId(raw.protocolMessageKey) ?? mendMessageId(before?.id) ?? mendMessageId(raw.id);
      if (providerId) events.change({ kind: 'revoke', providerId, at: secondsToMs(raw.timestamp) });
    });
    client.on('message_edit', (raw, newBody) => {
      if (!mine()) return;
      const providerId = mendMessageId(raw.id);
      const at = Number(raw.latestEditSenderTimestampMs) || Date.now();
      if (providerId && typeof newBody === 'string') events.change({ kind: 'edit', providerId, body: newBody, at });
    });
    client.on('message_reaction', (reaction) => {
      if (!mine()) return;
      const providerId = mendMessageId(reaction.msgId);
      const senderId = typeof reaction.senderId === 'string' ? reaction.senderId : '';
      if (providerId && senderId) events.change({ kind: 'reaction', providerId, senderId, emoji: typeof reaction.reaction === 'string' ? reaction.reaction : '' });
    });
    client.on('vote_update', (vote) => {
      if (!mine()) return;
      const providerId = mendMessageId(vote.parentMsgKey);
      const voterId = typeof vote.voter === 'string' ? vote.voter : vote.voter?._serialized;
      const optionIds = (vote.selectedOptions ?? []).map((o) => Number(o.localId)).filter(Number.isFinite);
      if (providerId && voterId) events.change({ kind: 'vote', providerId, voterId, optionIds });
    });
    client.on('contact_changed', (raw, oldId, newId, isContact) => {
      if (!mine() || !isContact) return;
      const oldPhone = splitUser(String(oldId)).phone;
      const newPhone = splitUser(String(newId)).phone;
      if (!oldPhone || !newPhone) return;
      const notice = mapMessage(raw);
      // WhatsApp's line about it belongs to the customer's conversation under the new number.
      const placed = notice ? { ...notice, chatId: String(newId), chatKind: 'user' as const, customerPhone: newPhone, customerLid: null } : null;
      events.change({ kind: 'number_changed', oldPhone, newPhone, newChatId: String(newId), notice: placed });
    });
    client.on('message_ack', (raw, ack) => {
      if (!mine()) return;
      const providerId = mendMessageId(raw.id);
      const status = mapAck(ack);
      if (providerId && status) events.ack({ providerId, status });
    });
    client.on('loading_screen', (percent) => {
      const value = Number(percent);
      if (mine() && Number.isFinite(value)) events.syncing(Math.max(0, Math.min(100, Math.round(value))));
    });
    client.on('change_state', (state) => {
      if (!mine()) return;
      logger.info('whatsapp state', { numberId, state });
      // Accepted states (the Client carries on): TIMEOUT and OPENING mean the socket is finding WhatsApp again.
      if (state === 'TIMEOUT' || state === 'OPENING') return void (this.ready && events.reconnecting(true));
      if (state === 'CONNECTED' || state === 'PAIRING') return void (this.ready && events.reconnecting(false));
      // UNPAIRED also passes by while linking; only a linked session was logged out.
      if ((state === 'UNPAIRED' || state === 'UNPAIRED_IDLE') && !this.ready) return;
      // Every other state makes the Client emit 'disconnected' and destroy itself; say why now.
      this.drop(reasonForDisconnect(String(state)), String(state));
    });
    client.on('disconnected', (reason) => mine() && this.drop(reasonForDisconnect(String(reason)), String(reason)));
  }

  /** Our page-side half of the `$1` fix; harmless on builds that still set `_serialized`. */
  private async mendPageKeys(client: WebjsClient): Promise<void> {
    if (!client.pupPage) return;
    try {
      const outcome = await client.pupPage.evaluate(installMsgKeySerializedGetter);
      if (outcome !== 'native') this.options.logger.info('message key fix', { numberId: this.options.numberId, outcome });
    } catch (error) {
      this.options.logger.warn('message key fix could not run', { numberId: this.options.numberId, error: String(error) });
    }
  }

  private drop(reason: TransportError['reason'], detail: string): void {
    void this.teardown().finally(() => this.options.events.disconnected({ reason, detail }));
  }

  private async teardown(): Promise<void> {
    const client = this.client;
    this.stopping = true;
    this.ready = false;
    this.client = null;
    this.recent.clear();
    if (!client) return;
    client.removeAllListeners();
    try {
      await client.destroy();
    } catch (error) {
      this.options.logger.warn('session did not close cleanly', { numberId: this.options.numberId, error: String(error) });
    }
  }
}

function secondsToMs(seconds: unknown): number {
  const value = Number(seconds);
  return Number.isFinite(value) && value > 0 ? value * 1000 : Date.now();
}

/** WhatsApp's 8-character code as the phone shows it: `ABCD-EFGH`. */
export function formatPairingCode(code: string): string {
  const clean = String(code).replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}

/** A small map that forgets its oldest entries. */
class RecentMessages {
  private readonly map = new Map<string, WebjsMessage>();
  constructor(private readonly max: number) {}
  add(id: string, message: WebjsMessage): void {
    this.map.delete(id);
    this.map.set(id, message);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  get(id: string): WebjsMessage | undefined {
    return this.map.get(id);
  }
  clear(): void {
    this.map.clear();
  }
}
