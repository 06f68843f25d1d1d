import { describe, expect, it } from 'vitest';
import { callerOf } from './client-identity';

describe('who a socket is', () => {
  it('counts a connection from the host computer itself as local, each one its own client', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.0.1.1']) expect(callerOf(address).local).toBe(true);
    expect(callerOf('127.0.0.1').clientKey).not.toBe(callerOf('127.0.0.1').clientKey);
  });

  it('knows a computer on the network by its address, and never as local', () => {
    for (const address of ['192.168.1.20', '::ffff:192.168.1.20', 'fe80::1', '10.127.0.1', undefined]) expect(callerOf(address).local).toBe(false);
    expect(callerOf('192.168.1.20')).toEqual({ clientKey: 'ip:192.168.1.20', local: false });
    expect(callerOf('192.168.1.20').clientKey).toBe(callerOf('192.168.1.20').clientKey);
  });
});
