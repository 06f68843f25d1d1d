-- Issue 17: ingest with the dashboard's figures kept must cost ≤ 10% more than without. Most
-- messages open an episode, and a dashboard_episodes row with its indexes was 4 more pages in
-- every such commit. A conversation's last episode, while no one has answered it, is kept on the
-- conversation's own row instead (ingest writes that row anyway): one partial index entry. It
-- moves to dashboard_episodes when answered or when a later episode starts (stats-keeper.ts).
-- Waiting now is exactly those open episodes on conversations not resolved, counted from the
-- index alone (it holds the status and assignee, which rarely change): `latest` and its index go.
ALTER TABLE `conversations` ADD `open_started_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `open_start_day` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `open_prev_start_day` text;--> statement-breakpoint
CREATE TEMP TABLE `open_episodes_moved` AS
	SELECT `id`, `conversation_id`, `started_at`, `start_day`, `prev_start_day` FROM (
		SELECT e.*, row_number() OVER (PARTITION BY `conversation_id` ORDER BY `started_at` DESC, `id` DESC) AS k FROM `dashboard_episodes` e
	) WHERE k = 1 AND `first_reply_at` IS NULL;--> statement-breakpoint
UPDATE `conversations` SET `open_started_at` = m.`started_at`, `open_start_day` = m.`start_day`, `open_prev_start_day` = m.`prev_start_day`
	FROM `open_episodes_moved` m WHERE m.`conversation_id` = `conversations`.`id`;--> statement-breakpoint
DELETE FROM `dashboard_episodes` WHERE `id` IN (SELECT `id` FROM `open_episodes_moved`);--> statement-breakpoint
DROP TABLE `open_episodes_moved`;--> statement-breakpoint
DROP INDEX `dashboard_episodes_waiting`;--> statement-breakpoint
ALTER TABLE `dashboard_episodes` DROP COLUMN `latest`;--> statement-breakpoint
CREATE INDEX `conversations_open_episode` ON `conversations` (`open_start_day`,`whatsapp_number_id`,`status`,`assigned_agent_id`,`open_started_at`) WHERE open_started_at is not null;
