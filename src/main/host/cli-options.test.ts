import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../core/default-data-dir';
import { parseHostOptions } from './cli-options';

describe('host command line', () => {
  it('defaults to this computer only on the usual port', () => {
    expect(parseHostOptions([])).toEqual({ port: 5174, lan: false, lanInsecure: false, demo: false });
  });

  it('reads --data-dir, --port and --lan in both spellings', () => {
    expect(parseHostOptions(['--data-dir', '/tmp/a', '--port=0', '--lan'])).toEqual({ dataDir: '/tmp/a', port: 0, lan: true, lanInsecure: false, demo: false });
    expect(parseHostOptions(['--demo']).demo).toBe(true);
  });

  it('reads the office\'s own certificate, or plain HTTP on the network only when asked for by name', () => {
    expect(parseHostOptions(['--lan', '--tls-cert', 'c.pem', '--tls-key=k.pem'])).toMatchObject({ lan: true, tlsCert: 'c.pem', tlsKey: 'k.pem', lanInsecure: false });
    expect(parseHostOptions(['--lan-insecure'])).toMatchObject({ lan: true, lanInsecure: true });
    expect(() => parseHostOptions(['--lan', '--tls-cert', 'c.pem'])).toThrow(/--tls-cert and --tls-key go together/);
    expect(() => parseHostOptions(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toThrow(/for --lan/);
    expect(() => parseHostOptions(['--lan-insecure', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toThrow(/cannot be used with a certificate/);
  });

  it('refuses unknown options and impossible ports with a clear message', () => {
    expect(() => parseHostOptions(['--demo-mode'])).toThrow(/Unknown option --demo-mode/);
    expect(() => parseHostOptions(['--port', '99999'])).toThrow(/Invalid options: port/);
  });

  it('lets --data-dir win over MERAS_DATA_DIR, which wins over the app-data folder', () => {
    const cwd = '/home/office';
    const fallback = () => defaultDataDir('linux', { XDG_CONFIG_HOME: '/tmp/xdg' });
    expect(resolveDataDir({ cliValue: '/tmp/cli', env: { MERAS_DATA_DIR: '/tmp/env' }, cwd, fallback })).toBe(path.resolve('/tmp/cli'));
    expect(resolveDataDir({ cliValue: 'data', env: {}, cwd, fallback })).toBe(path.resolve('/home/office/data'));
    expect(resolveDataDir({ cliValue: undefined, env: { MERAS_DATA_DIR: '/tmp/env' }, cwd, fallback })).toBe(path.resolve('/tmp/env'));
    expect(resolveDataDir({ cliValue: undefined, env: {}, cwd, fallback })).toBe(path.join('/tmp/xdg', 'Meras Desk'));
  });
});
