import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../base/clock';
import type { MediaStore } from './media-store';

/** A file younger than this may belong to an upload whose message is still being written. */
const graceMs = 24 * 60 * 60_000;

/**
 * Removes files no message and no property names: uploads the agent took back before sending,
 * photos taken off a property. Runs at start, off the start-up path; returns how many went.
 */
export function sweepOrphanMedia(sqlite: Database.Database, store: MediaStore, clock: Clock): number {
  const used = new Set<string>(sqlite.prepare<[], { sha256: string }>('select distinct sha256 from message_attachments').all().map((r) => r.sha256));
  for (const { photo } of sqlite.prepare<[], { photo: string }>("select distinct j.value as photo from properties p, json_each(p.photos) j where p.photos <> '[]'").all()) {
    used.add(photo);
  }
  const cutoff = clock.now() - graceMs;
  let removed = 0;
  for (const name of fs.readdirSync(store.dir)) {
    if (!/^[0-9a-f]{64}$/.test(name) || used.has(name)) continue;
    const file = path.join(store.dir, name);
    if (fs.statSync(file).mtimeMs > cutoff) continue;
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}
