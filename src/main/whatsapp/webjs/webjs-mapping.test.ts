import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { WebjsMessage } from './client-surface';
import { mapAck, mapMessage } from './map-message';
import { serializedMessageId } from './message-id';
import { installMsgKeySerializedGetter } from './page-key-fix';

/** A message as whatsapp-web.js 1.34.7 hands it over on WhatsApp Web builds since July 2026. */
function incoming(overrides: Partial<WebjsMessage> = {}): WebjsMessage {
  return {
    id: { fromMe: false, remote: '966501234567@c.us', id: '3A97F034BBAW753D524F', $1: 'false_966501234567@c.us_3A97F034BBAW753D524F' },
    from: '966501234567@c.us',
    to: '966550000001@c.us',
    body: 'السلام عليكم، هل الشقة في النرجس متاحة؟',
    timestamp: 1_790_000_000,
    type: 'chat',
    hasMedia: false,
    ack: 1,
    fromMe: false,
    _data: { notifyName: 'أبو فهد' },
    ...overrides,
  };
}

describe('message ids on WhatsApp Web builds without _serialized', () => {
  it('rebuilds the id from the key parts when _serialized is missing, as WhatsApp joins them', () => {
    expect(serializedMessageId(incoming().id)).toBe('false_966501234567@c.us_3A97F034BBAW753D524F');
    expect(serializedMessageId({ fromMe: true, remote: { server: 'g.us', user: '1203630', _serialized: '1203630@g.us' }, id: 'ABC', participant: '966501234567@c.us' })).toBe(
      'true_1203630@g.us_ABC_966501234567@c.us',
    );
  });

  it('keeps _serialized when the build still sets it', () => {
    expect(serializedMessageId({ fromMe: false, remote: 'x@c.us', id: 'Y', _serialized: 'false_x@c.us_Y' })).toBe('false_x@c.us_Y');
  });

  it('never yields an undefined or "undefined" id', () => {
    expect(serializedMessageId(undefined)).toBeNull();
    expect(serializedMessageId({ fromMe: false, remote: 'x@c.us', id: 'undefined', _serialized: 'undefined' })).toBeNull();
    expect(serializedMessageId({ fromMe: false, remote: '', id: 'Y' })).toBeNull();
    expect(mapMessage(incoming({ id: { fromMe: false, remote: 'undefined', id: 'undefined' } }))).toBeNull();
  });
});

describe('mapping whatsapp-web.js messages', () => {
  it('maps a customer message with its phone, profile name, time and a mended id', () => {
    const raw = incoming();
    expect(mapMessage(raw)).toEqual({
      providerId: 'false_966501234567@c.us_3A97F034BBAW753D524F',
      chatId: '966501234567@c.us',
      fromMe: false,
      chatKind: 'user',
      customerPhone: '966501234567',
      customerLid: null,
      profileName: 'أبو فهد',
      body: 'السلام عليكم، هل الشقة في النرجس متاحة؟',
      type: 'chat',
      hasMedia: false,
      timestamp: 1_790_000_000_000,
    });
    // whatsapp-web.js's own methods on this message (downloadMedia, reply) read _serialized.
    expect(raw.id._serialized).toBe('false_966501234567@c.us_3A97F034BBAW753D524F');
  });

  it('maps an @lid customer by lid, with no phone until WhatsApp gives it', () => {
    const message = mapMessage(
      incoming({ id: { fromMe: false, remote: '123456789012345@lid', id: 'AB12', $1: 'false_123456789012345@lid_AB12' }, from: '123456789012345@lid' }),
    );
    expect(message).toMatchObject({ chatId: '123456789012345@lid', customerPhone: null, customerLid: '123456789012345@lid', fromMe: false });
  });

  it('takes direction from fromMe: our own message in a lid chat carries our lid in from', () => {
    const message = mapMessage(
      incoming({
        id: { fromMe: true, remote: '123456789012345@lid', id: '3EB0AA', $1: 'true_123456789012345@lid_3EB0AA' },
        from: '998877665544332@lid',
        to: '123456789012345@lid',
        fromMe: true,
        body: 'أهلاً بك، نعم متاحة',
      }),
    );
    expect(message).toMatchObject({ fromMe: true, chatId: '123456789012345@lid', customerLid: '123456789012345@lid', profileName: null });
  });

  it('marks groups and status broadcasts as not customer chats', () => {
    expect(mapMessage(incoming({ id: { fromMe: false, remote: '120363012345678901@g.us', id: 'G1', participant: '966501234567@c.us' } }))?.chatKind).toBe('group');
    expect(mapMessage(incoming({ id: { fromMe: false, remote: 'status@broadcast', id: 'S1', participant: '966501234567@c.us' }, isStatus: true }))?.chatKind).toBe('status');
  });

  it('maps acks to statuses: server → sent, device → delivered, read and played → read, error → failed', () => {
    expect([-1, 0, 1, 2, 3, 4].map(mapAck)).toEqual(['failed', null, 'sent', 'delivered', 'read', 'read']);
  });
});

describe('the page-side message key fix', () => {
  /** Runs the function the way puppeteer does: its source text, evaluated in another global. */
  function runInPage(WAWebMsgKey: unknown) {
    const context = vm.createContext({ require: (name: string) => (name === 'WAWebMsgKey' ? WAWebMsgKey : undefined) });
    return vm.runInContext(`(${installMsgKeySerializedGetter.toString()})()`, context) as ReturnType<typeof installMsgKeySerializedGetter>;
  }

  /** WhatsApp Web's MsgKey after the July 2026 build: the serialized form under a minified name. */
  class MinifiedMsgKey {
    fromMe: boolean;
    remote: string;
    id: string;
    $1: string;
    constructor(parts: { fromMe: boolean; remote: string; id: string }) {
      this.fromMe = parts.fromMe;
      this.remote = parts.remote;
      this.id = parts.id;
      this.$1 = [parts.fromMe, parts.remote, parts.id].join('_');
    }
    toString() {
      return this.$1;
    }
    static fromString(text: string) {
      const [fromMe, remote, id] = text.split('_');
      return new MinifiedMsgKey({ fromMe: fromMe === 'true', remote: remote!, id: id! });
    }
  }

  it('gives every key _serialized back, found by its value whatever the minified name', () => {
    expect(runInPage(MinifiedMsgKey)).toBe('patched');
    const key = new MinifiedMsgKey({ fromMe: true, remote: '966501234567@c.us', id: '3EB0' }) as MinifiedMsgKey & { _serialized?: string };
    expect(key._serialized).toBe('true_966501234567@c.us_3EB0');
    expect(runInPage(MinifiedMsgKey)).toBe('already');
  });

  it('leaves builds that still set _serialized alone', () => {
    class NativeKey {
      _serialized: string;
      constructor(text: string) {
        this._serialized = text;
      }
      static fromString(text: string) {
        return new NativeKey(text);
      }
    }
    expect(runInPage(NativeKey)).toBe('native');
    expect(Object.getOwnPropertyDescriptor(NativeKey.prototype, '_serialized')).toBeUndefined();
  });

  it('reports when the page has no key class to mend', () => {
    expect(runInPage(undefined)).toBe('unavailable');
  });
});
