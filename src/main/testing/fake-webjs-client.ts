import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { WebjsChat, WebjsClient, WebjsClientFactory, WebjsMessage, WebjsMessageMedia } from '../whatsapp/webjs/client-surface';

const require = createRequire(import.meta.url);
/** whatsapp-web.js 1.34.7's own Message class: events are built exactly as the library builds them. */
const Message = require('whatsapp-web.js/src/structures/Message.js') as new (client: unknown, data: Record<string, unknown>) => WebjsMessage;
const Reaction = require('whatsapp-web.js/src/structures/Reaction.js') as new (client: unknown, data: Record<string, unknown>) => unknown;

/**
 * A stand-in for whatsapp-web.js's Client for tests of the webjs adapter: it becomes ready at
 * once, and the test makes it emit what the library emits (messages built by the library's
 * own Message class from raw models), and answers catch-up from `history`.
 */
export class FakeWebjsClient extends EventEmitter implements WebjsClient {
  info = { wid: { server: 'c.us', user: '966550000001', _serialized: '966550000001@c.us' } };
  readonly sent: { chatId: string; content: unknown; options: Record<string, unknown> }[] = [];
  /**
   * As WhatsApp Web does with a photo it is still uploading: `message_create` (fromMe, type
   * image, the base64 thumbnail in `body`, no file yet) comes before sendMessage resolves.
   */
  echoBeforeResolve = false;
  private counter = 0;

  /** `history`: raw models per chat that fetchMessages returns (the fetchMessages shape: Wid objects), kept across reconnects. */
  constructor(readonly history: Map<string, Record<string, unknown>[]>) {
    super();
  }

  async initialize(): Promise<void> {
    queueMicrotask(() => {
      this.emit('authenticated');
      this.emit('ready');
    });
  }
  async destroy(): Promise<void> {}
  async logout(): Promise<void> {}
  async requestPairingCode(): Promise<string> {
    return 'ABCDEFGH';
  }
  async getContactLidAndPhone(): Promise<{ lid?: string; pn?: string }[]> {
    return [];
  }
  /** Files the phone has finished uploading, by serialized message id: getMessageById then gives the message with its file. */
  readonly uploaded = new Map<string, { model: Record<string, unknown>; file: WebjsMessageMedia }>();

  async getMessageById(messageId: string): Promise<WebjsMessage | null> {
    const found = this.uploaded.get(messageId);
    if (!found) return null;
    const message = this.message({ ...found.model, mediaKey: 'key', directPath: '/v/t62/1' });
    // The library's own downloadMedia runs in the page; here the file is at hand.
    message.downloadMedia = async () => found.file;
    return message;
  }
  async getChats(): Promise<WebjsChat[]> {
    return [...this.history].map(([id, models]) => ({
      id: { server: 'c.us', user: id.split('@')[0]!, _serialized: id },
      isGroup: false,
      timestamp: Math.max(...models.map((m) => Number(m.t))),
      fetchMessages: async () => models.map((m) => this.message(m)),
    }));
  }
  async sendMessage(chatId: string, content: string | WebjsMessageMedia, options: Record<string, unknown> = {}): Promise<WebjsMessage | undefined> {
    this.sent.push({ chatId, content, options });
    const id = `3EB0SENT${++this.counter}`;
    const key = { fromMe: true, remote: chatId, id, _serialized: `true_${chatId}_${id}` };
    const from = this.info.wid._serialized;
    if (typeof content !== 'string') {
      const caption = typeof options.caption === 'string' ? options.caption : undefined;
      const type = options.sendMediaAsDocument ? 'document' : content.mimetype.split('/')[0] === 'image' ? 'image' : 'document';
      // While it uploads the model has no directPath, so the library's hasMedia is false and body holds the thumbnail.
      const uploading = { id: key, type, body: '/9j/4AAQSkZJRgABAQ'.repeat(40), caption, mimetype: content.mimetype, t: 1_790_000_100, from, to: chatId, ack: 0 };
      if (this.echoBeforeResolve) {
        this.emit('message_create', this.message(uploading));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return this.message({ ...uploading, mediaKey: 'key', directPath: '/v/t62/1' });
    }
    const message = this.message({ id: key, type: 'chat', body: content, t: 1_790_000_100, from, to: chatId });
    if (this.echoBeforeResolve) {
      this.emit('message_create', message);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return message;
  }

  /** A Message as the library makes it from a raw model. */
  message(data: Record<string, unknown>): WebjsMessage {
    return new Message(this, data);
  }

  /** The library's `message_create` (and `message` when it is not ours) for a raw model. */
  arrive(data: Record<string, unknown>): WebjsMessage {
    const message = this.message(data);
    this.emit('message_create', message);
    if (!(data.id as { fromMe: boolean }).fromMe) this.emit('message', message);
    return message;
  }

  reaction(data: Record<string, unknown>): void {
    this.emit('message_reaction', new Reaction(this, data));
  }
}

export function fakeWebjsFactory() {
  const clients: FakeWebjsClient[] = [];
  const history = new Map<string, Record<string, unknown>[]>();
  const factory: WebjsClientFactory = {
    async create() {
      const client = new FakeWebjsClient(history);
      clients.push(client);
      return client;
    },
    media: (mimetype, data, filename, filesize) => ({ mimetype, data, filename, filesize }),
  };
  return { factory, clients, get client() { return clients.at(-1)!; } };
}
