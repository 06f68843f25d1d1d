-- Full-text search (FTS5) over message text and customer names, holding normalised text
-- (see src/shared/search-text.ts). Contentless: the text lives in messages and contacts only.
-- Triggers queue every insert, edit and delete in the same transaction; the search indexer
-- drains the queue (normalising in the app) before every search and in the background.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(`content`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(`name`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TABLE `search_queue` (`kind` text NOT NULL, `row_id` integer NOT NULL);
--> statement-breakpoint
CREATE TRIGGER `messages_search_insert` AFTER INSERT ON `messages` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('m', new.id); END;
--> statement-breakpoint
CREATE TRIGGER `messages_search_update` AFTER UPDATE OF `content` ON `messages` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('m', new.id); END;
--> statement-breakpoint
CREATE TRIGGER `messages_search_delete` AFTER DELETE ON `messages` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('m', old.id); END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('c', new.id); END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF `name` ON `contacts` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('c', new.id); END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_delete` AFTER DELETE ON `contacts` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('c', old.id); END;
--> statement-breakpoint
-- Everything already stored goes through the queue once.
INSERT INTO search_queue (kind, row_id) SELECT 'm', id FROM messages;
--> statement-breakpoint
INSERT INTO search_queue (kind, row_id) SELECT 'c', id FROM contacts;
