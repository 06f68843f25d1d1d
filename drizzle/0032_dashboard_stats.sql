-- Issue 17's dashboard: figures kept current by the ingest and outbox transactions
-- (src/main/services/dashboard/stats-keeper.ts) and rebuilt from raw rows on demand.
-- An episode starts at a conversation's first customer message, or the first after it was
-- resolved; its first reply is the first message a person sent (in the app or on the phone).
CREATE TABLE `dashboard_episodes` (
	`id` integer PRIMARY KEY NOT NULL,
	`conversation_id` integer NOT NULL REFERENCES `conversations`(`id`) ON DELETE cascade,
	`whatsapp_number_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`start_day` text NOT NULL,
	`first_reply_at` integer,
	`first_reply_message_id` integer,
	`first_reply_by` integer,
	`response_ms` integer,
	`office_response_ms` integer
);--> statement-breakpoint
CREATE INDEX `dashboard_episodes_day` ON `dashboard_episodes` (`start_day`,`whatsapp_number_id`);--> statement-breakpoint
CREATE INDEX `dashboard_episodes_conversation` ON `dashboard_episodes` (`conversation_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `dashboard_episodes_waiting` ON `dashboard_episodes` (`started_at`) WHERE first_reply_at is null;--> statement-breakpoint
CREATE TABLE `dashboard_daily` (
	`day` text NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`agent_id` integer DEFAULT 0 NOT NULL,
	`direction` text NOT NULL,
	`type` text NOT NULL,
	`messages` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `whatsapp_number_id`, `agent_id`, `direction`, `type`)
) WITHOUT ROWID;--> statement-breakpoint
CREATE TABLE `dashboard_contact_days` (
	`day` text NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	PRIMARY KEY(`day`, `whatsapp_number_id`, `contact_id`)
) WITHOUT ROWID;
