CREATE TABLE `viewings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`conversation_id` integer,
	`whatsapp_number_id` integer,
	`property_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`branch_id` integer,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`place` text,
	`notes` text,
	`status` text DEFAULT 'tentative' NOT NULL,
	`outside_hours_reason` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`property_id`) REFERENCES `properties`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `viewings_agent_start` ON `viewings` (`agent_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `viewings_start` ON `viewings` (`start_at`);--> statement-breakpoint
CREATE INDEX `viewings_conversation` ON `viewings` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `viewings_contact` ON `viewings` (`contact_id`);--> statement-breakpoint
CREATE INDEX `viewings_property` ON `viewings` (`property_id`);
