import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, distribution, heading, line, ms, target } from './report';

const starts = 5;
const readyLine = 'Meras Desk is ready at';
const giveUpMs = 30_000;

/**
 * The plain-Node host, spawned on the benchmark database (already migrated, no linked
 * number, so no WhatsApp session starts): from spawn to its "ready" line, five times.
 */
export async function benchHostStart(root: string, dataDir: string): Promise<void> {
  heading(`Host start to ready (${starts} starts on that database)`);
  const hostJs = buildApp(root);
  line('out/main/host.js built', fs.statSync(hostJs).mtime.toISOString());
  const node = path.join(root, 'node_modules', '.bin', 'node');
  const times: number[] = [];
  const stops: number[] = [];
  for (let i = 0; i < starts; i++) {
    const { ready, stopped } = await startOnce(node, hostJs, dataDir, root);
    times.push(ready);
    stops.push(stopped);
  }
  const d = distribution(times);
  target('spawn → "ready" line', describe(d), d.median < 1000, 'median < 1 s');
  line('each start', times.map(ms).join(', '));
  line('SIGTERM → exit (not a target)', describe(distribution(stops)));
}

let built = false;

/** Builds the host and renderer once per run: a stale build would measure yesterday's code. */
export function buildApp(root: string): string {
  const hostJs = path.join(root, 'out', 'main', 'host.js');
  if (built) return hostJs;
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0 || !fs.existsSync(hostJs)) throw new Error('electron-vite build failed');
  built = true;
  return hostJs;
}

function startOnce(node: string, hostJs: string, dataDir: string, cwd: string): Promise<{ ready: number; stopped: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, [hostJs, '--port', '0', '--data-dir', dataDir], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = 0;
    let stopAsked = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), giveUpMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!ready && out.includes(readyLine)) {
        ready = performance.now() - started;
        stopAsked = performance.now();
        child.kill('SIGTERM');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`the host exited (${code ?? signal}) before it was ready:\n${out}\n${err}`));
      else resolve({ ready, stopped: performance.now() - stopAsked });
    });
  });
}
