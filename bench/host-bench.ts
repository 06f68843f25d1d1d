import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, distribution, heading, line, ms, target } from './report';

const starts = 5;
/** Numbers marked linked for the starts: the host restores their sessions as it opens (issue 20). */
const linkedNumbers = 3;
const readyLine = 'Meras Desk is ready at';
const giveUpMs = 30_000;

/**
 * The plain-Node host, spawned on the benchmark database (already migrated) with three numbers
 * linked, so it restores their WhatsApp sessions as it opens (one by one, after "ready": with
 * no WhatsApp network here they fail, which is the point — ready must not wait for them):
 * from spawn to its "ready" line, five times.
 */
export async function benchHostStart(root: string, dataDir: string): Promise<void> {
  heading(`Host start to ready (${starts} starts on that database, ${linkedNumbers} numbers linked)`);
  const unlink = markLinked(path.join(dataDir, 'meras.db'), linkedNumbers);
  try {
    await measureStarts(root, dataDir);
  } finally {
    unlink();
  }
}

/** Marks the first `count` numbers linked; returns the undo. */
function markLinked(file: string, count: number): () => void {
  const db = new Database(file);
  try {
    const ids = db.prepare<[number], { id: number }>('select id from whatsapp_numbers where removed_at is null and linked_at is null order by id limit ?').all(count).map((r) => r.id);
    db.prepare(`update whatsapp_numbers set linked_at = ? where id in (${ids.map(() => '?').join(',')})`).run(Date.now(), ...ids);
    line('numbers restored at each start', String(ids.length));
    return () => {
      const undo = new Database(file);
      try {
        undo.prepare(`update whatsapp_numbers set linked_at = null where id in (${ids.map(() => '?').join(',')})`).run(...ids);
      } finally {
        undo.close();
      }
    };
  } finally {
    db.close();
  }
}

async function measureStarts(root: string, dataDir: string): Promise<void> {
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
