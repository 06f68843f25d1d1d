-- Issue 17: ingest with the dashboard's figures kept must cost ≤ 10% more than without. A new
-- conversation's open episode was an entry in this index with every customer's first message: one
-- more page in that message's commit. A customer's message now opens an episode undated, and the
-- staged counts' flush writes the day (a few pages per thousand messages, staged-counts.ts); the
-- index holds the dated ones, which is every open episode once a read has flushed.
DROP INDEX `conversations_open_episode`;--> statement-breakpoint
CREATE INDEX `conversations_open_episode` ON `conversations` (`open_start_day`,`whatsapp_number_id`,`status`,`assigned_agent_id`,`open_started_at`) WHERE open_start_day is not null;
