import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from './logger';
import { DataDirLocked, lockDataDir, lockFileName, type DataDirLock } from './data-dir-lock';
import { rendererFixture } from '../testing/host-socket';
import { migrationsDir, tempDir } from '../testing/test-core';
import { startHost, type RunningHost } from '../host/start-host';

const repoRoot = path.resolve(__dirname, '../../..');

/** The host shell's entry (host-main.ts) bundled where it finds the repository's node_modules and drizzle folder, as `npm run host` runs it. */
async function buildHostMain(): Promise<string> {
  const root = path.join(repoRoot, 'node_modules/.cache', `meras-lock-test-${process.pid}`);
  const outfile = path.join(root, 'out/main/host.js');
  await build({
    entryPoints: [path.join(repoRoot, 'src/main/host/host-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile,
    packages: 'external',
    logLevel: 'silent',
  });
  fs.rmSync(path.join(root, 'drizzle'), { force: true, recursive: true });
  fs.symlinkSync(migrationsDir, path.join(root, 'drizzle'));
  return outfile;
}

function runHost(entry: string, dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    // A host that did start is stopped, so the test ends either way.
    child.stdout.on('data', (d) => String(d).includes('is ready at') && child.kill('SIGTERM'));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the data folder lock', () => {
  const locks: DataDirLock[] = [];
  let host: RunningHost | undefined;
  afterEach(async () => {
    locks.splice(0).forEach((l) => l.release());
    await host?.stop();
    host = undefined;
  });

  it('refuses a second core on the same folder and lets it in once the first let go', () => {
    const dir = tempDir();
    locks.push(lockDataDir(dir));
    expect(() => lockDataDir(dir)).toThrow(DataDirLocked);
    locks.pop()!.release();
    expect(fs.existsSync(path.join(dir, lockFileName))).toBe(false);
    locks.push(lockDataDir(dir));
  });

  it('takes over a lock left by a process that no longer runs (a crash, a power cut)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, lockFileName), JSON.stringify({ pid: 999_999_999 }));
    locks.push(lockDataDir(dir, () => false));
    expect(JSON.parse(fs.readFileSync(path.join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('refuses a folder whose lock names a process that still runs', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, lockFileName), JSON.stringify({ pid: 4242 }));
    expect(() => lockDataDir(dir, (pid) => pid === 4242)).toThrow(/already in use by another Meras Desk \(process 4242\)/);
  });

  it('a second host shell on the same data folder exits non-zero with a clear message, and the first carries on', async () => {
    const dataDir = tempDir();
    host = await startHost({ dataDir, migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger });
    const entry = await buildHostMain();
    // The same build on a folder of its own starts: the refusal below is the lock's.
    expect((await runHost(entry, tempDir())).output).toContain('is ready at');
    const second = await runHost(entry, dataDir);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain('already in use by another Meras Desk');
    expect(second.output).toContain(`process ${process.pid}`);
    // The first still answers.
    const state = await fetch(host.url);
    expect(state.status).toBe(200);
    fs.rmSync(path.dirname(path.dirname(path.dirname(entry))), { recursive: true, force: true });
  }, 60_000);
});
