CREATE TABLE `offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL REFERENCES `conversations`(`id`) ON DELETE cascade,
	`contact_id` integer NOT NULL REFERENCES `contacts`(`id`) ON DELETE cascade,
	`property_id` integer NOT NULL REFERENCES `properties`(`id`) ON DELETE cascade,
	`status` text DEFAULT 'submitted' NOT NULL,
	`first_amount` integer NOT NULL,
	`amount` integer NOT NULL,
	`terms` text,
	`valid_until` text NOT NULL,
	`awaiting` text,
	`created_by` integer REFERENCES `users`(`id`) ON DELETE set null,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `offers_one_accepted` ON `offers` (`property_id`) WHERE status = 'accepted';--> statement-breakpoint
CREATE INDEX `offers_open_valid_until` ON `offers` (`valid_until`) WHERE status in ('submitted', 'countered');--> statement-breakpoint
CREATE INDEX `offers_property` ON `offers` (`property_id`,`id`);--> statement-breakpoint
CREATE INDEX `offers_conversation` ON `offers` (`conversation_id`,`id`);--> statement-breakpoint
CREATE INDEX `offers_status` ON `offers` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `offers_created_by` ON `offers` (`created_by`,`id`);--> statement-breakpoint
CREATE TABLE `offer_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` integer NOT NULL REFERENCES `offers`(`id`) ON DELETE cascade,
	`status` text NOT NULL,
	`by` text NOT NULL,
	`amount` integer NOT NULL,
	`terms` text,
	`valid_until` text NOT NULL,
	`user_id` integer REFERENCES `users`(`id`) ON DELETE set null,
	`created_at` integer NOT NULL
);--> statement-breakpoint
CREATE INDEX `offer_steps_offer` ON `offer_steps` (`offer_id`,`id`);--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`details_ar` text NOT NULL,
	`details_en` text,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`created_by` integer REFERENCES `users`(`id`) ON DELETE set null,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);--> statement-breakpoint
CREATE INDEX `promotions_valid` ON `promotions` (`valid_until`,`valid_from`);
