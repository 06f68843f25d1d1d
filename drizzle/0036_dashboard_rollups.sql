-- Issue 17's dashboard read without distinct counts over a range (src/main/services/dashboard/):
-- an episode knows the start day of its conversation's previous episode (distinct conversations
-- over a range = episodes − those whose previous one is in the range too) and whether it is the
-- conversation's latest (waiting now, without a look for a later one per episode); each customer
-- keeps the last office day they wrote on per number (active customers of a range that ends
-- today); and the answered episodes' figures are read from one covering index. Every index
-- here is written inside ingest's transactions, so there are as few as the reads allow.
ALTER TABLE `dashboard_episodes` ADD `prev_start_day` text;--> statement-breakpoint
ALTER TABLE `dashboard_episodes` ADD `latest` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE `dashboard_episodes` SET
	`prev_start_day` = (select p.start_day from dashboard_episodes p where p.conversation_id = dashboard_episodes.conversation_id
		and (p.started_at < dashboard_episodes.started_at or (p.started_at = dashboard_episodes.started_at and p.id < dashboard_episodes.id))
		order by p.started_at desc, p.id desc limit 1),
	`latest` = not exists (select 1 from dashboard_episodes n where n.conversation_id = dashboard_episodes.conversation_id and n.started_at > dashboard_episodes.started_at);--> statement-breakpoint
DROP INDEX `dashboard_episodes_waiting`;--> statement-breakpoint
CREATE INDEX `dashboard_episodes_waiting` ON `dashboard_episodes` (`started_at`) WHERE first_reply_at is null and latest = 1;--> statement-breakpoint
CREATE INDEX `dashboard_episodes_replies` ON `dashboard_episodes` (`start_day`,`whatsapp_number_id`,`first_reply_by`,`response_ms`,`office_response_ms`) WHERE first_reply_at is not null;--> statement-breakpoint
CREATE INDEX `dashboard_episodes_repeat` ON `dashboard_episodes` (`start_day`,`whatsapp_number_id`,`prev_start_day`) WHERE prev_start_day is not null;--> statement-breakpoint
CREATE TABLE `dashboard_contact_last` (
	`contact_id` integer NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`last_day` text NOT NULL,
	PRIMARY KEY(`contact_id`, `whatsapp_number_id`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `dashboard_contact_last` (`contact_id`, `whatsapp_number_id`, `last_day`)
	SELECT `contact_id`, `whatsapp_number_id`, max(`day`) FROM `dashboard_contact_days` GROUP BY `contact_id`, `whatsapp_number_id`;
