import type Database from 'better-sqlite3';
import type { Clock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import { rebuildDashboardStats, statsRecomputingKey } from './stats-rebuild';

/** True while the kept figures were cut under an earlier calendar and their rebuild has not run yet. */
export function statsRecomputing(sqlite: Database.Database): boolean {
  return sqlite.prepare<[string], number>('select 1 from settings where key = ?').pluck().get(statsRecomputingKey) !== undefined;
}

/**
 * After the office's zone or week changed: the figures are marked stale in the settings write's
 * transaction (the dashboard says "recomputing…"), and rebuilt from raw rows on the next turn of
 * the event loop, so the settings answer at once. The rebuild is one transaction — about 8 s on a
 * million messages (`npm run bench -- --only dashboard`) during which the core waits; split into
 * chunks, ingest between them would write figures cut half one way and half the other. A start
 * that finds the mark (closed before the rebuild ran) rebuilds then (ensureDashboardStats).
 */
export class StatsRecompute {
  private pending: NodeJS.Immediate | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Inside the settings write's transaction. */
  calendarChanged(): void {
    this.stale();
  }

  /** The kept figures cannot be trusted (also: the last run was killed with counts staged): "recomputing…", then a rebuild on the next turn. */
  stale(): void {
    const now = this.clock.now();
    this.sqlite
      .prepare('insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at')
      .run(statsRecomputingKey, JSON.stringify(now), now);
    this.pending ??= setImmediate(() => this.run());
  }

  close(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
  }

  private run(): void {
    this.pending = null;
    try {
      rebuildDashboardStats(this.sqlite, this.clock.now());
    } catch (error) {
      // The mark stays: the next start rebuilds.
      this.logger.error('dashboard rebuild failed', { error: String(error) });
    }
  }
}
