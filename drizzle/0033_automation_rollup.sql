-- Issue 15's stats over a day's totals rather than every job: ended jobs counted per office day
-- (the office's zone), rule, number and trigger. SQLite triggers keep it, so every path that ends,
-- re-ends or deletes a job moves it in the same transaction; `automation_office_day` is the core's
-- function (src/main/db/office-day-function.ts), reading the office's zone from the settings.
CREATE TABLE `automation_rollup` (
	`day` text NOT NULL,
	`rule_id` integer NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`trigger` text NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `whatsapp_number_id`, `rule_id`, `trigger`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Which zone the rollup's days are in (one row): another zone than the office's means rebuild.
CREATE TABLE `automation_rollup_state` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`time_zone` text NOT NULL
);
--> statement-breakpoint
-- Stats look up the automated messages the outbox still holds, by message.
CREATE INDEX `automation_jobs_message` ON `automation_jobs` (`message_id`) WHERE `message_id` IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER `automation_rollup_insert` AFTER INSERT ON `automation_jobs`
WHEN new.finished_at IS NOT NULL AND new.status <> 'pending'
BEGIN
	INSERT INTO automation_rollup (day, rule_id, whatsapp_number_id, trigger, sent, failed, skipped, cancelled, expired)
	VALUES (automation_office_day(new.finished_at, (SELECT value FROM settings WHERE key = 'office.timeZone')), coalesce(new.rule_id, 0), new.whatsapp_number_id, new.trigger,
		new.status = 'sent', new.status = 'failed', new.status = 'skipped', new.status = 'cancelled', new.status = 'expired')
	ON CONFLICT (day, whatsapp_number_id, rule_id, trigger) DO UPDATE SET
		sent = sent + excluded.sent, failed = failed + excluded.failed, skipped = skipped + excluded.skipped,
		cancelled = cancelled + excluded.cancelled, expired = expired + excluded.expired;
END;
--> statement-breakpoint
CREATE TRIGGER `automation_rollup_update_out` AFTER UPDATE OF status, finished_at, rule_id, whatsapp_number_id, trigger ON `automation_jobs`
WHEN old.finished_at IS NOT NULL AND old.status <> 'pending'
	AND (new.status IS NOT old.status OR new.finished_at IS NOT old.finished_at OR new.rule_id IS NOT old.rule_id OR new.whatsapp_number_id IS NOT old.whatsapp_number_id OR new.trigger IS NOT old.trigger)
BEGIN
	UPDATE automation_rollup SET
		sent = sent - (old.status = 'sent'), failed = failed - (old.status = 'failed'), skipped = skipped - (old.status = 'skipped'),
		cancelled = cancelled - (old.status = 'cancelled'), expired = expired - (old.status = 'expired')
	WHERE day = automation_office_day(old.finished_at, (SELECT value FROM settings WHERE key = 'office.timeZone'))
		AND rule_id = coalesce(old.rule_id, 0) AND whatsapp_number_id = old.whatsapp_number_id AND trigger = old.trigger;
END;
--> statement-breakpoint
CREATE TRIGGER `automation_rollup_update_in` AFTER UPDATE OF status, finished_at, rule_id, whatsapp_number_id, trigger ON `automation_jobs`
WHEN new.finished_at IS NOT NULL AND new.status <> 'pending'
	AND (new.status IS NOT old.status OR new.finished_at IS NOT old.finished_at OR new.rule_id IS NOT old.rule_id OR new.whatsapp_number_id IS NOT old.whatsapp_number_id OR new.trigger IS NOT old.trigger)
BEGIN
	INSERT INTO automation_rollup (day, rule_id, whatsapp_number_id, trigger, sent, failed, skipped, cancelled, expired)
	VALUES (automation_office_day(new.finished_at, (SELECT value FROM settings WHERE key = 'office.timeZone')), coalesce(new.rule_id, 0), new.whatsapp_number_id, new.trigger,
		new.status = 'sent', new.status = 'failed', new.status = 'skipped', new.status = 'cancelled', new.status = 'expired')
	ON CONFLICT (day, whatsapp_number_id, rule_id, trigger) DO UPDATE SET
		sent = sent + excluded.sent, failed = failed + excluded.failed, skipped = skipped + excluded.skipped,
		cancelled = cancelled + excluded.cancelled, expired = expired + excluded.expired;
END;
--> statement-breakpoint
CREATE TRIGGER `automation_rollup_delete` AFTER DELETE ON `automation_jobs`
WHEN old.finished_at IS NOT NULL AND old.status <> 'pending'
BEGIN
	UPDATE automation_rollup SET
		sent = sent - (old.status = 'sent'), failed = failed - (old.status = 'failed'), skipped = skipped - (old.status = 'skipped'),
		cancelled = cancelled - (old.status = 'cancelled'), expired = expired - (old.status = 'expired')
	WHERE day = automation_office_day(old.finished_at, (SELECT value FROM settings WHERE key = 'office.timeZone'))
		AND rule_id = coalesce(old.rule_id, 0) AND whatsapp_number_id = old.whatsapp_number_id AND trigger = old.trigger;
END;
