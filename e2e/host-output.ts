import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { TestInfo } from '@playwright/test';

/** Past this, the oldest output is dropped: the end of a log is where a failure is. */
const keepBytes = 8 * 1024 * 1024;

/**
 * Everything a test's host processes print (stdout and stderr, in arrival order, across
 * restarts), attached to the test's result when it fails: a rare failure that a rerun does not
 * reproduce is explained only by the host's log of that run (the core logs an unexpected
 * error's stack under its request id).
 */
export class HostOutput {
  private chunks: string[] = [];
  private bytes = 0;
  private dropped = 0;

  /** Keeps what `child` prints from now on; `label` names the process in the file. */
  follow(child: ChildProcess, label: string): void {
    this.add(`----- ${label} (pid ${child.pid ?? '?'}) -----\n`);
    child.stdout?.on('data', (chunk: Buffer) => this.add(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.add(chunk.toString()));
    child.once('exit', (code, signal) => this.add(`----- ${label} exited (${code ?? signal}) -----\n`));
  }

  text(): string {
    const head = this.dropped > 0 ? `[${this.dropped} earlier bytes dropped]\n` : '';
    return head + this.chunks.join('');
  }

  /**
   * A failed (or timed-out) test gets the output as `host-output.txt` in its results folder and
   * report. By path, not body: the list reporter prints a text body inline.
   */
  async attachIfFailed(testInfo: TestInfo, name = 'host-output.txt'): Promise<void> {
    if (testInfo.status === testInfo.expectedStatus) return;
    const file = testInfo.outputPath(name);
    fs.writeFileSync(file, this.text());
    await testInfo.attach(name, { path: file, contentType: 'text/plain' });
    console.log(`[host output, warnings and errors]\n${this.digest()}`);
  }

  /**
   * The host's last warnings and errors, a few lines: printed with a failed test so CI's log
   * (which keeps only the end of the run) says what the host saw without the attachment.
   */
  digest(lines = 12, width = 400): string {
    const notable = this.text()
      .split('\n')
      .filter((line) => /error|warn|fatal|unexpected|exited/i.test(line))
      .slice(-lines)
      .map((line) => (line.length > width ? `${line.slice(0, width)}…` : line));
    return notable.length > 0 ? notable.join('\n') : '(no warning or error)';
  }

  private add(text: string): void {
    this.chunks.push(text);
    this.bytes += Buffer.byteLength(text);
    while (this.bytes > keepBytes && this.chunks.length > 1) {
      const first = Buffer.byteLength(this.chunks.shift()!);
      this.bytes -= first;
      this.dropped += first;
    }
  }
}
