/**
 * The soonest pending due instant (off automation_jobs_due), in SQL: no pending job is due before
 * it. Since migration 0045 automation_jobs_rule_due holds a rule's jobs whatever their status (a
 * job's end no longer writes it), so a lookup of a rule's pending jobs bounds `due_at` by this to
 * skip the rule's past: without it, it would read every job the rule ever had. Null (nothing
 * pending) matches no row, as it should.
 */
export const pendingDueFloorSql = "(select min(due_at) from automation_jobs where status = 'pending')";
