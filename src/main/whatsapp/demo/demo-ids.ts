import { createHash, randomBytes } from 'node:crypto';
import type { WebjsWid } from '../webjs/client-surface';

/**
 * Identifiers as WhatsApp shapes them: wids (`<digits>@c.us`, `<digits>@lid`, groups `@g.us`),
 * message ids, QR payloads and pairing codes. Everything takes a random function so tests
 * with a seed get the same ids every run.
 */

export type Random = () => number;

/** A small, fast, seedable generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unseeded: crypto bytes, so two processes sharing a journal never draw the same ids. */
export const cryptoRandom: Random = () => randomBytes(4).readUInt32BE(0) / 4294967296;

export function randomBetween(random: Random, [min, max]: readonly [number, number]): number {
  return Math.round(min + random() * Math.max(0, max - min));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length) % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function bytes(random: Random, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(random() * 256) & 0xff;
  return out;
}

function hexUpper(random: Random, n: number): string {
  return bytes(random, Math.ceil(n / 2)).toString('hex').toUpperCase().slice(0, n);
}

/** Digits from a hash, for ids that must be stable for the same input. */
function stableDigits(input: string, length: number): string {
  const hex = createHash('sha256').update(input).digest('hex');
  const n = BigInt(`0x${hex.slice(0, 24)}`) % 10n ** BigInt(length - 1);
  return `1${n.toString().padStart(length - 1, '0')}`;
}

export const widPattern = /^(\d{5,20})@(c\.us|lid)$/;
export const groupPattern = /^\d{10,30}(-\d{1,12})?@g\.us$/;

export function toWid(serialized: string): WebjsWid {
  const at = serialized.indexOf('@');
  return { server: serialized.slice(at + 1), user: serialized.slice(0, at), _serialized: serialized };
}

/** `966…@c.us` from `966…`, `+966…` or an already serialized wid. */
export function userWid(phoneOrWid: string): string {
  if (phoneOrWid.includes('@')) return phoneOrWid;
  return `${phoneOrWid.replace(/\D/g, '')}@c.us`;
}

/** Whether whatsapp-web.js would accept the id as a chat to send to. */
export function isSendableChatId(chatId: string): boolean {
  return widPattern.test(chatId) || groupPattern.test(chatId);
}

/**
 * The linked phone of a demo number: stable per number id, distinct per number, in the
 * Saudi mobile range 057… (customers in the demo never use 057, so they never collide).
 */
export function demoPhoneForNumber(numberId: number): string {
  // 7368787 is coprime with 10^7, so ids below ten million map to distinct numbers.
  const tail = (BigInt(numberId) * 7368787n) % 10_000_000n;
  return `96657${tail.toString().padStart(7, '0')}`;
}

/** The `@lid` WhatsApp gives a phone: 15 digits, the same every time for the same phone. */
export function lidForPhone(phoneDigits: string): string {
  return `${stableDigits(`lid:${phoneDigits.replace(/\D/g, '')}`, 15)}@lid`;
}

/** A community group the demo phone is in (`1203630…@g.us`, 18 digits like real ones). */
export function groupIdForPhone(phoneWid: string): string {
  return `1203630${stableDigits(`group:${phoneWid}`, 11)}@g.us`;
}

/** Ids of messages sent from WhatsApp Web (ours): `3EB0` + 16 hex. */
export function webMessageId(random: Random): string {
  return `3EB0${hexUpper(random, 16)}`;
}

/** Ids of messages sent from customers' phones: iPhone (`3A…`, 20) or Android (32 hex). */
export function phoneMessageId(random: Random): string {
  return random() < 0.4 ? `3A${hexUpper(random, 18)}` : hexUpper(random, 32);
}

/** A stable id for fixed demo content (the group's and the status's message). */
export function fixedMessageId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 32).toUpperCase();
}

/** WhatsApp's serialized message key: `<fromMe>_<chat>_<id>[_<participant>]`. */
export function serializedKey(fromMe: boolean, chatId: string, id: string, participant?: string): string {
  return `${fromMe}_${chatId}_${id}${participant ? `_${participant}` : ''}`;
}

/** A QR payload shaped like WhatsApp Web's: ref, noise key, identity key, ADV secret, platform. */
export function qrPayload(random: Random): string {
  const b64 = (n: number) => bytes(random, n).toString('base64');
  return `2@${b64(72)},${b64(32)},${b64(32)},${b64(32)},1`;
}

const pairingAlphabet = '123456789ABCDEFGHJKLMNPQRSTVWXYZ';

/** An 8-character linking code as the phone shows it, `XXXX-XXXX`. */
export function pairingCode(random: Random): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += pick(random, [...pairingAlphabet]);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
