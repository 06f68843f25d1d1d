-- A customer is found by any run of the digits of their phone (the last 4–7 digits, the middle
-- ones), not only from its start: the phone's digits in a trigram index, read by the search as
-- a substring match instead of scanning every contact with LIKE '%…%'. Contentless; the search
-- indexer keeps it in step through the queue like the names (src/main/inbox/search-index.ts).
-- Message text needs no rebuild: the Arabic article and clitic forms are looked up at query time.
CREATE VIRTUAL TABLE `contacts_phone_fts` USING fts5(`digits`, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
INSERT INTO contacts_phone_fts (rowid, digits) SELECT id, replace(phone, '+', '') FROM contacts WHERE phone IS NOT NULL;
--> statement-breakpoint
-- A changed phone is re-indexed too.
DROP TRIGGER `contacts_search_update`;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF `name`, `email`, `phone` ON `contacts` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('c', new.id); END;
