PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text,
	`name` text,
	`email` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`follow_up_date` integer,
	`wa_lid` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_contacts`("id", "phone", "name", "email", "tags", "follow_up_date", "wa_lid", "created_at", "updated_at") SELECT "id", "phone", "name", "email", "tags", "follow_up_date", "wa_lid", "created_at", "updated_at" FROM `contacts`;--> statement-breakpoint
DROP TABLE `contacts`;--> statement-breakpoint
ALTER TABLE `__new_contacts` RENAME TO `contacts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_phone_unique` ON `contacts` (`phone`);--> statement-breakpoint
CREATE INDEX `contacts_wa_lid` ON `contacts` (`wa_lid`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `wa_chat_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `error_code` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `in_flight_at` integer;--> statement-breakpoint
ALTER TABLE `whatsapp_numbers` ADD `quota_day` text;--> statement-breakpoint
ALTER TABLE `whatsapp_numbers` ADD `linked_at` integer;--> statement-breakpoint
ALTER TABLE `whatsapp_numbers` ADD `removed_at` integer;