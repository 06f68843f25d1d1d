-- Issue 14: a branch has an Arabic and an English name, a manager and can be archived; properties belong to one too.
ALTER TABLE `branches` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `branches` ADD `manager_id` integer REFERENCES `users`(`id`) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `branches` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `properties` ADD `branch_id` integer REFERENCES `branches`(`id`) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `users_branch` ON `users` (`branch_id`) WHERE `branch_id` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `whatsapp_numbers_branch` ON `whatsapp_numbers` (`branch_id`) WHERE `branch_id` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `properties_branch` ON `properties` (`branch_id`) WHERE `branch_id` IS NOT NULL;
