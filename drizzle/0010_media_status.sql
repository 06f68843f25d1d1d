ALTER TABLE `messages` ADD `media_status` text;--> statement-breakpoint
CREATE INDEX `messages_media_pending` ON `messages` (`whatsapp_number_id`) WHERE media_status = 'pending';