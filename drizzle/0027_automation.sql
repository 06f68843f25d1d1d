-- Issue 15: seed 003 §5's automation rules, and the jobs they arm. A job is a row: its due
-- instant (UTC ms), a unique key (one per rule, subject and episode, so a repeated event arms
-- nothing new) and how it ended. Claiming a job and writing its outbox message happen in one
-- transaction, the message carrying `automation:<job id>` as its client id.
CREATE TABLE `automation_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`trigger` text NOT NULL,
	`delay_minutes` integer DEFAULT 0 NOT NULL,
	`template_id` integer NOT NULL,
	`is_active` integer DEFAULT 1 NOT NULL,
	`whatsapp_number_id` integer,
	`office_hours_only` integer DEFAULT 0 NOT NULL,
	`triggered_count` integer DEFAULT 0 NOT NULL,
	`success_count` integer DEFAULT 0 NOT NULL,
	`last_triggered` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `message_templates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `automation_rules_trigger` ON `automation_rules` (`trigger`);--> statement-breakpoint
CREATE INDEX `automation_rules_active` ON `automation_rules` (`is_active`);--> statement-breakpoint
CREATE INDEX `automation_rules_number` ON `automation_rules` (`whatsapp_number_id`);--> statement-breakpoint
CREATE TABLE `automation_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule_id` integer,
	`rule_name` text NOT NULL,
	`trigger` text NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`conversation_id` integer,
	`contact_id` integer NOT NULL,
	`viewing_id` integer,
	`property_id` integer,
	`idempotency_key` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`error` text,
	`context` text,
	`message_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`rule_id`) REFERENCES `automation_rules`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`viewing_id`) REFERENCES `viewings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`property_id`) REFERENCES `properties`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_jobs_key_unique` ON `automation_jobs` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `automation_jobs_due` ON `automation_jobs` (`due_at`) WHERE `status` = 'pending';--> statement-breakpoint
CREATE INDEX `automation_jobs_rule` ON `automation_jobs` (`rule_id`, `status`, `due_at`);--> statement-breakpoint
CREATE INDEX `automation_jobs_conversation` ON `automation_jobs` (`conversation_id`, `status`);--> statement-breakpoint
CREATE INDEX `automation_jobs_contact_sent` ON `automation_jobs` (`contact_id`, `finished_at`) WHERE `status` = 'sent';--> statement-breakpoint
CREATE INDEX `automation_jobs_finished` ON `automation_jobs` (`finished_at`) WHERE `finished_at` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `automation_jobs_viewing` ON `automation_jobs` (`viewing_id`) WHERE `viewing_id` IS NOT NULL;--> statement-breakpoint
-- An opt-out word ends automation to the contact until an agent turns it back on.
ALTER TABLE `contacts` ADD `automation_opted_out_at` integer;
