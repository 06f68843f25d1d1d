import { isIP } from 'node:net';

let nextLoopbackConnection = 1;

/**
 * Who a socket is, for sign-in limits and first-run setup. Every program on the host
 * computer shares one loopback address, so there each connection is its own client: one
 * local process guessing passwords must not lock every sign-in from this computer (the
 * per-email count still stops it guessing one account). From the network, the address.
 */
export function callerOf(address: string | undefined): { clientKey: string; local: boolean } {
  if (address && isLoopback(address)) return { clientKey: `local:${nextLoopbackConnection++}`, local: true };
  return { clientKey: `ip:${address ?? 'unknown'}`, local: false };
}

export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/i, '');
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}
