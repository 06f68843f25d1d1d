-- Issue 13: failed sign-ins are counted per email and per client in the database, so a lock
-- holds across a restart. One row per key; a row whose window and lock have passed is stale.
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failure_at` integer NOT NULL,
	`locked_until` integer DEFAULT 0 NOT NULL
) WITHOUT ROWID;
