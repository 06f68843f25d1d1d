import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { findChromium } from '../../../scripts/chromium';
import type { PageDebugger } from '../whatsapp/browser/debugger-transport';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error & { code?: number }): void;
}

/**
 * Electron's `webContents.debugger`, stood in for by a real Chromium page: Chromium runs with
 * `--remote-debugging-pipe` (CDP over its file descriptors 3 and 4, no port), one page target is
 * attached flat, and commands and events for it pass as the debugger API passes them.
 */
export class PipeDebugger extends EventEmitter implements PageDebugger {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  private pageSession = '';
  private attached = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly userDataDir: string,
    readonly args: readonly string[],
  ) {
    super();
    const fromChromium = child.stdio[4] as Readable;
    fromChromium.on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
  }

  static async launch(): Promise<PipeDebugger> {
    const chromium = await findChromium();
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-pipe-'));
    const args = [...chromium.args, '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, '--no-first-run', 'about:blank'];
    const child = spawn(chromium.executablePath, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const debuggee = new PipeDebugger(child, userDataDir, args);
    const { targetInfos } = (await debuggee.raw('Target.getTargets', {})) as { targetInfos: Array<{ targetId: string; type: string }> };
    let page = targetInfos.find((t) => t.type === 'page');
    if (!page) page = { targetId: ((await debuggee.raw('Target.createTarget', { url: 'about:blank' })) as { targetId: string }).targetId, type: 'page' };
    debuggee.pageSession = ((await debuggee.raw('Target.attachToTarget', { targetId: page.targetId, flatten: true })) as { sessionId: string }).sessionId;
    return debuggee;
  }

  attach(): void {
    this.attached = true;
  }

  isAttached(): boolean {
    return this.attached;
  }

  detach(): void {
    this.attached = false;
  }

  sendCommand(method: string, params?: unknown, sessionId?: string): Promise<unknown> {
    return this.raw(method, params ?? {}, sessionId || this.pageSession);
  }

  async close(): Promise<void> {
    this.child.kill('SIGKILL');
    await new Promise((resolve) => (this.child.exitCode !== null ? resolve(null) : this.child.once('exit', resolve)));
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }

  private raw(method: string, params: unknown, sessionId?: string): Promise<unknown> {
    const id = this.nextId++;
    const toChromium = this.child.stdio[3] as Writable;
    toChromium.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private receive(text: string): void {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string; code: number }; sessionId?: string };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) pending?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        else pending?.resolve(message.result);
      } else if (message.method && message.sessionId && this.attached) {
        // Like Electron: the attached page's events carry no session, its children's theirs.
        this.emit('message', {}, message.method, message.params, message.sessionId === this.pageSession ? '' : message.sessionId);
      }
    }
  }
}
