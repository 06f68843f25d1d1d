import type Database from 'better-sqlite3';
import type { Clock } from '../../../base/clock';
import type { ArmingStore } from '../armings/arming-store';
import type { JobStore } from '../job-store';
import type { ActiveRules } from './active-rules';
import { cursorKeys, type Cursors } from './cursors';
import { propertyMatchCandidates } from './property-candidates';

const batchSize = 500;
const conversationTriggers = ['new_inquiry', 'no_response_24h', 'no_response_48h', 'no_response_72h'] as const;

interface ActivityRow {
  id: number;
  action: string;
  entity_id: number | null;
  details: string | null;
  created_at: number;
}

/**
 * What the activity log records in the same transaction as the change: a conversation resolved
 * or archived (its inquiry and no-response jobs end), a property added or made available (its
 * matching contacts are told). A cursor over the log's ids, committed with the jobs it touched.
 */
export class ActivityTriggers {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; store: JobStore; rules: ActiveRules; cursors: Cursors; armings: ArmingStore }) {
    const { sqlite } = deps;
    this.q = {
      maxId: sqlite.prepare<[], { id: number | null }>('select max(id) as id from activity_log'),
      after: sqlite.prepare<[number, number], ActivityRow>(
        `select id, action, entity_id, details, created_at from activity_log
         where id > ? and action in ('conversation.status_changed', 'conversation.archived', 'property.created', 'property.updated')
         order by id limit ?`,
      ),
    };
  }

  drain(): number {
    let seen = 0;
    for (;;) {
      const done = this.deps.sqlite.transaction(() => {
        const now = this.deps.clock.now();
        const from = this.deps.cursors.get(cursorKeys.activity, () => this.q.maxId.get()?.id ?? 0, now);
        const batch = this.q.after.all(from, batchSize);
        for (const row of batch) this.apply(row, now);
        // A short batch read everything there is: the cursor passes the rows no trigger reads too.
        const last = batch.length === batchSize ? batch[batch.length - 1]!.id : (this.q.maxId.get()?.id ?? from);
        if (last > from) this.deps.cursors.set(cursorKeys.activity, last, now);
        return batch.length;
      })();
      seen += done;
      if (done < batchSize) return seen;
    }
  }

  private apply(row: ActivityRow, now: number): void {
    if (row.entity_id === null) return;
    const details = row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {};
    const { store } = this.deps;
    // Only what was armed by then: the log may be read after a customer already reopened it.
    const before = { conversationId: row.entity_id, trigger: conversationTriggers, where: { sql: 'created_at <= ?', params: [row.created_at] } };
    switch (row.action) {
      case 'conversation.status_changed':
        if (details.to !== 'resolved') return;
        this.deps.armings.endArmedBy(row.entity_id, row.created_at, 'resolved');
        store.end(before, 'cancelled', 'resolved');
        return;
      case 'conversation.archived':
        this.deps.armings.endArmedBy(row.entity_id, row.created_at, 'archived');
        store.end(before, 'cancelled', 'archived');
        return;
      case 'property.created':
        this.propertyAvailable(row.entity_id, row.created_at, now);
        return;
      case 'property.updated':
        if (Array.isArray(details.fields) && details.fields.includes('status')) this.propertyAvailable(row.entity_id, row.created_at, now);
        return;
    }
  }

  private propertyAvailable(propertyId: number, at: number, now: number): void {
    if (!this.deps.rules.any(['property_match'])) return;
    this.deps.store.armFrom(propertyMatchCandidates({ kind: 'active' }, propertyId, at, now));
  }
}
