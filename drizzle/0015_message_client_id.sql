-- Issue 12: an answer typed while the browser had lost the host is sent again when the
-- connection is back, with the id the browser gave it when the agent pressed send. The same id
-- twice in one conversation is the same answer: the second call returns the first message.
ALTER TABLE `messages` ADD `client_id` text;--> statement-breakpoint
-- Partial: inbound messages (nearly all rows) carry no client id and write no entry here.
CREATE UNIQUE INDEX `messages_conversation_client_id_unique` ON `messages` (`conversation_id`,`client_id`) WHERE `client_id` IS NOT NULL;
