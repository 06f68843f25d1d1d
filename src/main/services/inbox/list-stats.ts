import type Database from 'better-sqlite3';

/** How many conversations (with a message) fall in each cell of the list's filter dimensions. */
export interface ListCounts {
  /** Key `number|archived|status|starred|unread` (archived, starred, unread as 0/1). */
  cells: Map<string, number>;
  /** Key `agent|number`, agent `null` for unassigned (counted with or without a message: an estimate). */
  assigned: Map<string, number>;
  /** Conversations per number. */
  perNumber: Map<number, number>;
  total: number;
}

export const cellKey = (number: number, archived: number, status: string, starred: number, unread: number): string =>
  `${number}|${archived}|${status}|${starred}|${unread}`;
export const assignedKey = (agent: number | null, number: number): string => `${agent}|${number}`;

/** How long counts are trusted before they are read again (in the background). */
const maxAgeMs = 30_000;

/**
 * Counts the list planner estimates its costs with. They only steer the choice of plan —
 * every plan returns the same rows — so slightly old counts are fine: they are read once,
 * then refreshed after the list call that finds them older than 30 s (in a later tick, so
 * that call does not wait). Two grouped scans of covering indexes, ~15 ms on 100,000
 * conversations.
 */
export class ListStats {
  private readonly q;
  private counts: ListCounts | null = null;
  private readAt = 0;
  private refreshing = false;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.q = {
      cells: sqlite.prepare<[], { n: number; a: number; s: string; st: number; u: number; c: number }>(
        `select whatsapp_number_id as n, is_archived as a, status as s, is_starred as st, (unread_count > 0) as u, count(*) as c
         from conversations indexed by conversations_list_number where last_message_time is not null group by 1, 2, 3, 4, 5`,
      ),
      // Grouped in the index's own order (no sort); the unassigned are what is left of each number.
      assigned: sqlite.prepare<[], { g: number; n: number; c: number }>(
        `select assigned_agent_id as g, whatsapp_number_id as n, count(*) as c
         from conversations indexed by conversations_list_assigned where assigned_agent_id is not null
         group by assigned_agent_id, is_archived, status, is_starred, whatsapp_number_id`,
      ),
    };
  }

  get(): ListCounts {
    if (!this.counts) this.read();
    else if (!this.refreshing && this.now() - this.readAt > maxAgeMs) {
      this.refreshing = true;
      setTimeout(() => {
        this.refreshing = false;
        if (this.sqlite.open) this.read();
      }, 0).unref?.();
    }
    return this.counts!;
  }

  /** Reads the counts now (tests and benchmarks, after loading data). */
  read(): ListCounts {
    const cells = new Map<string, number>();
    const perNumber = new Map<number, number>();
    let total = 0;
    for (const r of this.q.cells.all()) {
      cells.set(cellKey(r.n, r.a, r.s, r.st, r.u), r.c);
      perNumber.set(r.n, (perNumber.get(r.n) ?? 0) + r.c);
      total += r.c;
    }
    const assigned = new Map<string, number>();
    const unassigned = new Map(perNumber);
    for (const r of this.q.assigned.all()) {
      const key = assignedKey(r.g, r.n);
      assigned.set(key, (assigned.get(key) ?? 0) + r.c);
      unassigned.set(r.n, (unassigned.get(r.n) ?? 0) - r.c);
    }
    for (const [n, c] of unassigned) assigned.set(assignedKey(null, n), Math.max(0, c));
    this.counts = { cells, assigned, perNumber, total };
    this.readAt = this.now();
    return this.counts;
  }
}
