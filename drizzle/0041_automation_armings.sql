-- Issue 15's ingest target: a message-driven trigger (new_inquiry, no_response_*) arms ONE row per
-- conversation, trigger family and episode, not one job per covering rule; the per-rule jobs are
-- written when they fall due (or a person acts on them). Jobs armed before this migration are
-- simply already materialised and keep working as they are.
CREATE TABLE `automation_armings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`family` text NOT NULL,
	`episode` integer NOT NULL,
	`anchor_at` integer NOT NULL,
	`next_due_at` integer,
	`ended_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_armings_episode` ON `automation_armings` (`conversation_id`,`family`,`episode`);--> statement-breakpoint
CREATE INDEX `automation_armings_due` ON `automation_armings` (`next_due_at`) WHERE `next_due_at` IS NOT NULL;
