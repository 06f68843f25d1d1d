-- The conversation list's access paths (src/main/services/inbox/list-plan.ts) replace the
-- per-filter indexes: each leads with what a page is cut by, then its sort key, then every
-- other filter column, so any filter combination reads a handful of ordered index ranges.
-- Only the time, number and unread ones hold last_message_time or unread_count: a new message
-- rewrites a conversation's entry in every index that does (issue 4's ingest throughput).
DROP INDEX `conversations_number_status_time`;--> statement-breakpoint
DROP INDEX `conversations_number_time`;--> statement-breakpoint
DROP INDEX `conversations_last_message_time`;--> statement-breakpoint
DROP INDEX `conversations_assigned_agent`;--> statement-breakpoint
DROP INDEX `conversations_starred_time`;--> statement-breakpoint
DROP INDEX `conversations_archived_time`;--> statement-breakpoint
ALTER TABLE `conversations` ADD `customer_sort_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `has_unread` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The "customer name" sort key lives on the conversation, kept in step with its contact.
UPDATE `conversations` SET `customer_sort_name` = coalesce((SELECT coalesce(`name`, `phone`, '') FROM `contacts` WHERE `contacts`.`id` = `conversations`.`contact_id`), '');--> statement-breakpoint
CREATE TRIGGER `conversations_sort_name_insert` AFTER INSERT ON `conversations`
WHEN new.customer_sort_name IS NOT coalesce((SELECT coalesce(name, phone, '') FROM contacts WHERE id = new.contact_id), '')
BEGIN UPDATE conversations SET customer_sort_name = coalesce((SELECT coalesce(name, phone, '') FROM contacts WHERE id = new.contact_id), '') WHERE id = new.id; END;--> statement-breakpoint
CREATE TRIGGER `conversations_sort_name_contact` AFTER UPDATE OF `contact_id` ON `conversations`
WHEN old.contact_id IS NOT new.contact_id
BEGIN UPDATE conversations SET customer_sort_name = coalesce((SELECT coalesce(name, phone, '') FROM contacts WHERE id = new.contact_id), '') WHERE id = new.id; END;--> statement-breakpoint
CREATE TRIGGER `contacts_sort_name_update` AFTER UPDATE OF `name`, `phone` ON `contacts`
WHEN coalesce(old.name, old.phone, '') IS NOT coalesce(new.name, new.phone, '')
BEGIN UPDATE conversations SET customer_sort_name = coalesce(new.name, new.phone, '') WHERE contact_id = new.id; END;--> statement-breakpoint
-- has_unread mirrors unread_count > 0 and is written only when that flips.
UPDATE `conversations` SET `has_unread` = (`unread_count` > 0) WHERE `unread_count` > 0;--> statement-breakpoint
CREATE TRIGGER `conversations_has_unread_insert` AFTER INSERT ON `conversations`
WHEN new.has_unread IS NOT (new.unread_count > 0)
BEGIN UPDATE conversations SET has_unread = (new.unread_count > 0) WHERE id = new.id; END;--> statement-breakpoint
CREATE TRIGGER `conversations_has_unread_update` AFTER UPDATE OF `unread_count` ON `conversations`
WHEN (old.unread_count > 0) IS NOT (new.unread_count > 0)
BEGIN UPDATE conversations SET has_unread = (new.unread_count > 0) WHERE id = new.id; END;--> statement-breakpoint
CREATE INDEX `conversations_list_time` ON `conversations` (`is_archived`,`status`,`is_starred`,("unread_count" > 0),`last_message_time`,`whatsapp_number_id`,`assigned_agent_id`,`unread_count`);--> statement-breakpoint
CREATE INDEX `conversations_list_number` ON `conversations` (`whatsapp_number_id`,`is_archived`,`status`,`is_starred`,("unread_count" > 0),`last_message_time`,`assigned_agent_id`,`unread_count`);--> statement-breakpoint
CREATE INDEX `conversations_list_unread` ON `conversations` (`is_archived`,`status`,`is_starred`,`unread_count`,`last_message_time`,`whatsapp_number_id`,`assigned_agent_id`) WHERE unread_count > 0;--> statement-breakpoint
CREATE INDEX `conversations_list_assigned` ON `conversations` (`assigned_agent_id`,`is_archived`,`status`,`is_starred`,`whatsapp_number_id`) WHERE assigned_agent_id is not null;--> statement-breakpoint
CREATE INDEX `conversations_list_name` ON `conversations` (`is_archived`,`status`,`is_starred`,`has_unread`,`customer_sort_name`,`whatsapp_number_id`,`assigned_agent_id`);--> statement-breakpoint
-- A new contact usually has no WhatsApp lid and no follow-up date: no entry, no page written.
DROP INDEX `contacts_wa_lid`;--> statement-breakpoint
DROP INDEX `contacts_follow_up`;--> statement-breakpoint
CREATE INDEX `contacts_wa_lid` ON `contacts` (`wa_lid`) WHERE wa_lid is not null;--> statement-breakpoint
CREATE INDEX `contacts_follow_up` ON `contacts` (`follow_up_date`) WHERE follow_up_date is not null;
