import fs from 'node:fs';
import path from 'node:path';

export interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this app ships (drizzle's journal), oldest first. */
export function readJournal(migrationsDir: string): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when })).sort((a, b) => a.when - b.when);
}

/** The tag of drizzle's timestamp `when`, if this app knows that migration. */
export function tagOf(journal: JournalEntry[], when: number): string | null {
  return journal.find((e) => e.when === when)?.tag ?? null;
}

/** The newest migration this app knows; a database past it was made by a newer version. */
export function newestKnown(journal: JournalEntry[]): number {
  return journal.at(-1)?.when ?? 0;
}
