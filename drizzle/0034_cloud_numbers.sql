-- Issue 19: numbers on the WhatsApp Business Cloud API. `whatsapp_numbers.provider` ('webjs' |
-- 'cloud', since 0000) says which transport a number uses; this holds a Cloud number's ids and
-- its secrets, sealed by the data folder's key (src/main/base/secret-box.ts), never in clear.
CREATE TABLE `cloud_numbers` (
	`whatsapp_number_id` integer PRIMARY KEY NOT NULL REFERENCES `whatsapp_numbers`(`id`) ON DELETE CASCADE,
	`phone_number_id` text NOT NULL,
	`waba_id` text NOT NULL,
	`access_token_sealed` text NOT NULL,
	`app_secret_sealed` text NOT NULL,
	`verify_token_sealed` text NOT NULL,
	`path_key` text NOT NULL,
	`display_phone_number` text,
	`verified_name` text,
	`quality_rating` text,
	`checked_at` integer,
	`token_expired_at` integer,
	`last_webhook_at` integer,
	`public_url` text,
	`registered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cloud_numbers_phone_number_id_unique` ON `cloud_numbers` (`phone_number_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `cloud_numbers_path_key_unique` ON `cloud_numbers` (`path_key`);--> statement-breakpoint
-- Templates synced from a WABA (GET /{waba-id}/message_templates); one row per name and language.
CREATE TABLE `cloud_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`waba_id` text NOT NULL,
	`meta_id` text,
	`name` text NOT NULL,
	`language` text NOT NULL,
	`category` text,
	`status` text NOT NULL,
	`header_text` text,
	`body_text` text NOT NULL,
	`footer_text` text,
	`components` text NOT NULL,
	`parameters` text NOT NULL,
	`synced_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cloud_templates_waba_name_language_unique` ON `cloud_templates` (`waba_id`, `name`, `language`);--> statement-breakpoint
-- A queued Cloud template send: the template's name, language and components as JSON (the text
-- is in `content` for the thread).
ALTER TABLE `messages` ADD `cloud_template` text;
