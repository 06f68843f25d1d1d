-- A job leaving `pending` moved its entry in automation_jobs_rule (rule, status, due): a random
-- page of that index rewritten per due job, a fifth of what issue 15's 10,000 due jobs wrote. The
-- rule's index without the status is not written when a job ends; lookups of a rule's pending
-- jobs bound `due_at` by the soonest pending one instead (jobs/pending-floor.ts). It still serves
-- the foreign key (a deleted rule's jobs) and a rule's past jobs.
DROP INDEX `automation_jobs_rule`;--> statement-breakpoint
CREATE INDEX `automation_jobs_rule_due` ON `automation_jobs` (`rule_id`, `due_at`);
