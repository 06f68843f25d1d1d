-- Open armings by number and by contact (issue 15): the start-up sweep of removed numbers, a number
-- removed and a contact's opt-out end them, and each scanned the whole table without these. Partial:
-- an arming leaves them when it ends, so they hold only what is still open.
CREATE INDEX `automation_armings_number_open` ON `automation_armings` (`whatsapp_number_id`) WHERE `ended_reason` IS NULL;--> statement-breakpoint
CREATE INDEX `automation_armings_contact_open` ON `automation_armings` (`contact_id`) WHERE `ended_reason` IS NULL;
