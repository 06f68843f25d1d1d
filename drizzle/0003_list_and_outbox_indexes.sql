DROP INDEX `messages_outbox`;--> statement-breakpoint
CREATE INDEX `messages_number_time` ON `messages` (`whatsapp_number_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_outbox` ON `messages` (`whatsapp_number_id`) WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX `conversations_number_time` ON `conversations` (`whatsapp_number_id`,`last_message_time`);