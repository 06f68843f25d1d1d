CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`type` text NOT NULL,
	`target_kind` text,
	`target_id` integer,
	`params` text DEFAULT '{}' NOT NULL,
	`desktop` integer DEFAULT 0 NOT NULL,
	`read_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_user_unread` ON `notifications` (`user_id`,`type`,`target_id`,`read_at`) WHERE read_at is null;--> statement-breakpoint
CREATE INDEX `notifications_created` ON `notifications` (`created_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`type` text NOT NULL,
	`mode` text NOT NULL,
	PRIMARY KEY(`user_id`, `type`)
) WITHOUT ROWID;--> statement-breakpoint
CREATE TABLE `notification_marks` (
	`key` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
) WITHOUT ROWID;
