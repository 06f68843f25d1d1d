import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const mainDir = path.resolve(__dirname, '..');

/** Every source file of the core (tests and test helpers aside). */
function coreFiles(dir = mainDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : coreFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/**
 * What emits 'error' and ends the process when nobody listens: sockets, servers, child
 * processes, file streams, workers. Each place the core makes one must listen for 'error'
 * (or hand the stream to `pipeline`, which does) within a few lines.
 */
const emitters = [
  /new Worker\(/,
  /\bspawn\(|\bexecFile\(|\bfork\(/,
  /createReadStream\(|createWriteStream\(/,
  /\bnet\.connect\(|\bnet\.createConnection\(|\bnew net\.Socket\(/,
  /\bhttp\.createServer\(|\bhttps\.createServer\(|\bnet\.createServer\(/,
  /\bhttp\.(get|request)\(|\bhttps\.(get|request)\(/,
  /server\.on\('upgrade'/,
  /\.on\('connection'|handleUpgrade\(/,
];
const handled = /\.(on|once)\(\s*'error'|\bpipeline\(|'wsClientError'/;
const window = 30;

describe('streams the core owns', () => {
  it('each socket, server, child process, file stream and worker has an error listener', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of coreFiles()) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
        if (!emitters.some((pattern) => pattern.test(line))) return;
        found++;
        const around = lines.slice(Math.max(0, i - 15), i + window).join('\n');
        if (!handled.test(around)) missing.push(`${path.relative(mainDir, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(missing).toEqual([]);
    // The scan sees what it should: the checkpoint worker, the static files, the host's server and upgrades.
    expect(found).toBeGreaterThanOrEqual(4);
  });
});
