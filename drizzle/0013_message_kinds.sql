ALTER TABLE `messages` ADD `meta` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `quoted_message_id` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `quoted_wa_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `reactions` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `raw` text;--> statement-breakpoint
CREATE TABLE `message_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`content` text NOT NULL,
	`replaced_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);--> statement-breakpoint
CREATE INDEX `message_versions_message` ON `message_versions` (`message_id`,`id`);
