-- Issue 19's webhook receiver: Meta's bodies are kept raw (the exact bytes that were signed) before
-- the 200, and processed after it, so a crash between the two loses nothing. A processed row is
-- deleted with its batch.
CREATE TABLE `cloud_webhook_inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`whatsapp_number_id` integer,
	`body` blob NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
-- The file of a Cloud message is fetched by Meta's media id, which only the webhook carries.
CREATE TABLE `cloud_media_ids` (
	`whatsapp_number_id` integer NOT NULL,
	`whatsapp_message_id` text NOT NULL,
	`media_id` text NOT NULL,
	`file_name` text,
	PRIMARY KEY(`whatsapp_number_id`, `whatsapp_message_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- A Cloud API user who shows a username instead of a phone is known by Meta's business-scoped
-- user id alone.
ALTER TABLE `contacts` ADD `wa_user_id` text;
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_wa_user_id` ON `contacts` (`wa_user_id`) WHERE `wa_user_id` IS NOT NULL;
