import type Database from 'better-sqlite3';
import type { NumberView } from '../../../shared/numbers/types';
import type { Clock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';
import { DashboardService } from './dashboard-service';
import { stagedCountsLeftOver } from './staged-counts';
import { StatsRecompute } from './stats-recompute';
import { ensureDashboardStats } from './stats-rebuild';

export interface DashboardDeps {
  sqlite: Database.Database;
  access: NumberAccess;
  clock: Clock;
  logger: Logger;
  /** The numbers the caller sees, with their live connection state and quota use. */
  liveNumbers: (caller: Caller) => NumberView[];
}

/**
 * Issue 17's dashboard as one slice the core starts: a database from before the dashboard (or
 * restored from then) gets its figures once, before anything is ingested; ingest and the outbox
 * keep them from then on (their StatsKeeper), a change of the office's zone or week has them
 * rebuilt (StatsRecompute), and the service reads them.
 */
export function startDashboard(deps: DashboardDeps): DashboardService {
  ensureDashboardStats(deps.sqlite, deps.clock.now());
  const recompute = new StatsRecompute(deps.sqlite, deps.clock, deps.logger);
  // Killed with counts staged and not flushed: the figures lack them until a rebuild.
  if (stagedCountsLeftOver(deps.sqlite)) recompute.stale();
  return new DashboardService(deps.sqlite, deps.access, deps.clock, deps.liveNumbers, recompute);
}
