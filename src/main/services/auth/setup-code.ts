import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits people do not mix up when reading a code off a screen (no I, O, 0, 1). */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Twelve characters in groups of four: 60 bits, printed by the host, typed on the setup page. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/** Case, spaces and dashes as people type them do not matter. */
const normalize = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const digest = (code: string) => createHash('sha256').update(normalize(code)).digest();

/** Compared in constant time, so the time an answer takes says nothing about the code. */
export function sameSetupCode(typed: string, expected: string): boolean {
  return timingSafeEqual(digest(typed), digest(expected));
}
