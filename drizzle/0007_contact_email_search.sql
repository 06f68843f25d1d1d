-- A contact's email is searched too: re-index it when it changes, not only the name.
DROP TRIGGER `contacts_search_update`;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF `name`, `email` ON `contacts` BEGIN INSERT INTO search_queue (kind, row_id) VALUES ('c', new.id); END;
