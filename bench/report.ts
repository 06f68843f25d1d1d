import os from 'node:os';

/** Printing: figures beside their targets, PASS or MISS, and the machine they ran on. */

export interface Verdict {
  name: string;
  pass: boolean;
}

const verdicts: Verdict[] = [];

export function heading(title: string): void {
  console.log(`\n== ${title}`);
}

export function line(label: string, value: string): void {
  console.log(`  ${label.padEnd(46)} ${value}`);
}

/** A figure with its target; the verdict is kept for the summary at the end. */
export function target(label: string, value: string, pass: boolean, goal: string): void {
  verdicts.push({ name: label, pass });
  console.log(`  ${label.padEnd(46)} ${value.padEnd(46)} target ${goal.padEnd(14)} ${pass ? 'PASS' : 'MISS'}`);
}

export function summary(): Verdict[] {
  heading('Summary');
  line('load average now (1, 5, 15 min)', os.loadavg().map((l) => l.toFixed(2)).join(', '));
  for (const v of verdicts) console.log(`  ${v.pass ? 'PASS' : 'MISS'}  ${v.name}`);
  return verdicts;
}

export function machine(sqliteVersion: string, betterSqliteVersion: string): void {
  heading('Machine');
  const cpus = os.cpus();
  line('CPUs', `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`);
  line('memory', `${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  line('OS', `${os.type()} ${os.release()} ${os.arch()}`);
  line('load average (1, 5, 15 min)', os.loadavg().map((l) => l.toFixed(2)).join(', '));
  line('Node', process.version);
  line('SQLite', `${sqliteVersion} (better-sqlite3 ${betterSqliteVersion})`);
}

export interface Distribution {
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
export const describe = (d: Distribution): string => `median ${ms(d.median)}, p95 ${ms(d.p95)}, max ${ms(d.max)}`;
export const perSecond = (count: number, millis: number): number => (count * 1000) / millis;
export const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');
