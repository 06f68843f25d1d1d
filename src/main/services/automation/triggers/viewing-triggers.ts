import type { Clock } from '../../../base/clock';
import type { JobStore } from '../job-store';
import type { ActiveRules } from './active-rules';
import { reminderCandidates, viewingDoneCandidates, type ViewingScope } from './viewing-candidates';

/**
 * Viewings, reconciled from their state (one after each change, all at start): reminders follow
 * a reschedule (the old job ends `viewing_moved`, the new start is a new key) and a cancellation
 * (`viewing_cancelled`); a viewing marked done arms rule-004's follow-up.
 */
export class ViewingTriggers {
  constructor(private readonly deps: { clock: Clock; store: JobStore; rules: ActiveRules }) {}

  reconcile(scope: ViewingScope): void {
    const { store, rules } = this.deps;
    const now = this.deps.clock.now();
    const viewing = scope.kind === 'viewing' ? { viewingId: scope.viewingId } : {};
    store.end(
      { ...viewing, trigger: 'appointment_reminder', where: { sql: `viewing_id in (select id from viewings where status = 'cancelled')`, params: [] } },
      'cancelled',
      'viewing_cancelled',
    );
    store.end(
      {
        ...viewing,
        trigger: 'appointment_reminder',
        where: {
          sql: `exists (select 1 from viewings v where v.id = automation_jobs.viewing_id and v.status in ('tentative', 'confirmed')
                  and automation_jobs.idempotency_key not like '%:' || v.start_at)`,
          params: [],
        },
      },
      'cancelled',
      'viewing_moved',
    );
    if (rules.any(['appointment_reminder'])) store.armFrom(reminderCandidates({ kind: 'active' }, scope, now));
    if (rules.any(['follow_up'])) store.armFrom(viewingDoneCandidates({ kind: 'active' }, scope, now));
  }
}
