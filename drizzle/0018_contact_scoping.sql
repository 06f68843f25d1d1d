ALTER TABLE `contacts` ADD `created_by` integer REFERENCES `users`(`id`) ON DELETE set null;--> statement-breakpoint
UPDATE `contacts` SET `created_by` = (SELECT a.`user_id` FROM `activity_log` a WHERE a.`action` = 'contact.created' AND a.`entity_type` = 'contact' AND a.`entity_id` = `contacts`.`id` ORDER BY a.`id` LIMIT 1);--> statement-breakpoint
CREATE INDEX `contacts_created_by` ON `contacts` (`created_by`) WHERE created_by is not null;--> statement-breakpoint
CREATE INDEX `conversations_number_contact` ON `conversations` (`whatsapp_number_id`,`contact_id`);
