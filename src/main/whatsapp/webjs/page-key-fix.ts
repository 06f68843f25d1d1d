/**
 * The page-side half of our fix for WhatsApp Web's July 2026 rename of the message key's
 * `_serialized` (upstream #201830, #201852): whatsapp-web.js's injected code reads
 * `key._serialized` inside the page (sendMessage's `Msg.get(newMsgKey._serialized)`,
 * getChatModel's `lastReceivedKey._serialized`, ...), so without it sendMessage resolves
 * undefined though it sent, and getChats throws.
 *
 * The minified name changes from build to build, so it is found by value: a key made from a
 * known string holds that string in exactly one own property, whatever it is called. The key
 * class then gets a `_serialized` getter reading that property. Builds that still set
 * `_serialized` themselves are left alone.
 *
 * This function runs inside the page (puppeteer serialises its source), so it must be
 * self-contained: no imports, no closures over module scope.
 */
export function installMsgKeySerializedGetter(): 'native' | 'patched' | 'already' | 'unavailable' {
  type KeyClass = { prototype: object; fromString?: (s: string) => Record<string, unknown> };
  const w = globalThis as unknown as { require?: (name: string) => unknown };
  let MsgKey: KeyClass | undefined;
  try {
    const mod = w.require?.('WAWebMsgKey') as (KeyClass & { default?: KeyClass }) | undefined;
    MsgKey = mod && typeof mod.fromString === 'function' ? mod : mod?.default;
  } catch {
    return 'unavailable';
  }
  if (!MsgKey || typeof MsgKey.fromString !== 'function') return 'unavailable';
  const probeText = 'false_966500000000@c.us_MERASKEYPROBE';
  const probe = MsgKey.fromString(probeText);
  const own = Object.getOwnPropertyDescriptor(probe, '_serialized');
  if (own && own.value === probeText) return 'native';
  if (Object.getOwnPropertyDescriptor(MsgKey.prototype, '_serialized')?.get) return 'already';
  const holder = Object.getOwnPropertyNames(probe).find((name) => probe[name] === probeText);
  if (!holder) return 'unavailable';
  Object.defineProperty(MsgKey.prototype, '_serialized', {
    configurable: true,
    get(this: Record<string, unknown>) {
      return this[holder];
    },
    // Should the page ever assign it again, keep that value on the instance.
    set(this: object, value: unknown) {
      Object.defineProperty(this, '_serialized', { value, writable: true, configurable: true, enumerable: true });
    },
  });
  return 'patched';
}
