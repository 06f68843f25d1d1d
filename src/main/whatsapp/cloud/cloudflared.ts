import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The `cloudflared` the office installed (never downloaded by the app): found at the configured
 * path or on PATH, started with the desk, stopped with it. A quick tunnel prints its random
 * `https://….trycloudflare.com` address; a named tunnel has the stable address the admin set.
 */
export function findCloudflared(configured: string | null, envPath = process.env.PATH ?? ''): string | null {
  const runnable = (file: string) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (configured) return runnable(configured) ? configured : null;
  const names = process.platform === 'win32' ? ['cloudflared.exe', 'cloudflared'] : ['cloudflared'];
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    for (const name of names) if (runnable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

const quickTunnelUrl = /https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.trycloudflare\.com/i;

export interface TunnelRun {
  /** Each address the tunnel prints (a restarted quick tunnel prints a new one). */
  onUrl(url: string): void;
  onExit(detail: string): void;
}

export class CloudflaredProcess {
  private child: ChildProcess | null = null;
  private lastLines: string[] = [];

  get running(): boolean {
    return this.child !== null;
  }

  /** `localOrigin`: where the desk listens (the tunnel forwards to it). */
  start(binary: string, mode: 'quick' | 'named', localOrigin: string, token: string | null, run: TunnelRun): void {
    this.stop();
    const args = mode === 'quick' ? ['tunnel', '--no-autoupdate', '--url', localOrigin] : ['tunnel', '--no-autoupdate', 'run', '--url', localOrigin];
    // A named tunnel's token goes by cloudflared's TUNNEL_TOKEN variable, not the command line, which any local user can read (ps).
    const env = mode === 'named' ? { ...process.env, TUNNEL_TOKEN: token ?? '' } : process.env;
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env });
    this.child = child;
    this.lastLines = [];
    const read = (stream: NodeJS.ReadableStream | null) => {
      if (!stream) return;
      readline.createInterface({ input: stream }).on('line', (line) => {
        // The token never reaches a log: keep only lines without it.
        if (token && line.includes(token)) return;
        this.lastLines = [...this.lastLines.slice(-4), line.slice(0, 300)];
        const url = quickTunnelUrl.exec(line)?.[0];
        if (url && mode === 'quick' && this.child === child) run.onUrl(url);
      });
    };
    read(child.stdout);
    read(child.stderr);
    child.once('error', (error) => {
      if (this.child !== child) return;
      this.child = null;
      run.onExit(error.message);
    });
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      run.onExit(`cloudflared stopped (${signal ?? `exit ${code}`})${this.lastLines.length ? `: ${this.lastLines.at(-1)}` : ''}`);
    });
  }

  stop(): void {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) child.kill();
  }
}
