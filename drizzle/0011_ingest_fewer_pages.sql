-- Issue 4's ingest throughput: every page a message's commit changes is written to the WAL,
-- so a message should change as few as it can.
-- Catch-up starts from the newest conversation of a number (conversations_list_number), so
-- the messages no longer keep an index by number and time.
DROP INDEX `messages_number_time`;--> statement-breakpoint
-- New messages and contacts are indexed for search by id, past a high-water mark per table
-- that the indexer keeps, instead of each one also writing a row into the search queue.
-- Edits and deletions are still queued, and so is any row stored with an id of its own at or
-- below the mark (ids only grow, but an insert may name one).
CREATE TABLE `search_progress` (`kind` text PRIMARY KEY NOT NULL, `last_id` integer NOT NULL) WITHOUT ROWID;--> statement-breakpoint
-- Every message and contact stored so far is indexed or queued already.
INSERT INTO `search_progress` (`kind`, `last_id`) SELECT 'm', coalesce(max(`id`), 0) FROM `messages`;--> statement-breakpoint
INSERT INTO `search_progress` (`kind`, `last_id`) SELECT 'c', coalesce(max(`id`), 0) FROM `contacts`;--> statement-breakpoint
DROP TRIGGER `messages_search_insert`;--> statement-breakpoint
CREATE TRIGGER `messages_search_insert` AFTER INSERT ON `messages`
WHEN new.id <= (SELECT `last_id` FROM `search_progress` WHERE `kind` = 'm')
BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('m', new.id); END;--> statement-breakpoint
DROP TRIGGER `contacts_search_insert`;--> statement-breakpoint
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts`
WHEN new.id <= (SELECT `last_id` FROM `search_progress` WHERE `kind` = 'c')
BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('c', new.id); END;
