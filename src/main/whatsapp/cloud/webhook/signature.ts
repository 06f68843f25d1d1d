import { createHmac, timingSafeEqual } from 'node:crypto';

const header = /^sha256=([0-9a-f]{64})$/i;

/**
 * Meta signs each webhook with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>`
 * over the bytes it sent, so the check runs on the raw bytes received, before any parsing (a
 * re-serialised JSON would differ: `\u` escapes, spacing, key order). Returns the index of the
 * first secret that signed it, or -1: missing, malformed, sha1-only or forged are all -1.
 */
export function signedBy(body: Buffer, signature: string | string[] | undefined, secrets: readonly string[]): number {
  if (typeof signature !== 'string') return -1;
  const match = header.exec(signature.trim());
  if (!match) return -1;
  const given = Buffer.from(match[1]!.toLowerCase(), 'hex');
  for (let i = 0; i < secrets.length; i++) {
    const secret = secrets[i]!;
    // An empty secret would make anyone able to sign: such a number receives nothing.
    if (secret.length === 0) continue;
    const expected = createHmac('sha256', secret).update(body).digest();
    if (timingSafeEqual(expected, given)) return i;
  }
  return -1;
}

/** The header value Meta would send for `body` (tests, the benchmark, the self-test). */
export function signatureFor(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
