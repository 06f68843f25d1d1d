CREATE TABLE `invoice_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`invoice_type` text,
	`counter_value` integer,
	`previous_hash` text,
	`hash` text,
	`canonical` text,
	`contact_id` integer REFERENCES `contacts`(`id`) ON DELETE set null,
	`buyer_name` text NOT NULL,
	`buyer_vat_number` text,
	`offer_id` integer REFERENCES `offers`(`id`) ON DELETE set null,
	`original_id` integer REFERENCES `invoice_documents`(`id`),
	`reason` text,
	`notes` text,
	`seller` text,
	`supply_date` text,
	`net_total` integer DEFAULT 0 NOT NULL,
	`vat_total` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`paid_total` integer DEFAULT 0 NOT NULL,
	`payment_status` text DEFAULT 'unpaid' NOT NULL,
	`issued_at` integer,
	`issued_by` integer REFERENCES `users`(`id`) ON DELETE set null,
	`created_by` integer REFERENCES `users`(`id`) ON DELETE set null,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_documents_uuid` ON `invoice_documents` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_documents_counter` ON `invoice_documents` (`counter_value`) WHERE counter_value is not null;--> statement-breakpoint
CREATE INDEX `invoice_documents_contact` ON `invoice_documents` (`contact_id`,`id`);--> statement-breakpoint
CREATE INDEX `invoice_documents_status` ON `invoice_documents` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `invoice_documents_issued_at` ON `invoice_documents` (`issued_at`);--> statement-breakpoint
CREATE INDEX `invoice_documents_original` ON `invoice_documents` (`original_id`);--> statement-breakpoint
CREATE INDEX `invoice_documents_offer` ON `invoice_documents` (`offer_id`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL REFERENCES `invoice_documents`(`id`) ON DELETE cascade,
	`position` integer NOT NULL,
	`description_ar` text NOT NULL,
	`description_en` text,
	`quantity_milli` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`vat_category` text NOT NULL,
	`exemption_reason` text,
	`net` integer NOT NULL
);--> statement-breakpoint
CREATE INDEX `invoice_lines_document` ON `invoice_lines` (`document_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoice_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL REFERENCES `invoice_documents`(`id`),
	`paid_on` text NOT NULL,
	`amount` integer NOT NULL,
	`method` text NOT NULL,
	`reference` text,
	`created_by` integer REFERENCES `users`(`id`) ON DELETE set null,
	`created_at` integer NOT NULL
);--> statement-breakpoint
CREATE INDEX `invoice_payments_document` ON `invoice_payments` (`document_id`,`id`);--> statement-breakpoint
CREATE TABLE `invoice_counter` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`value` integer NOT NULL
);--> statement-breakpoint
INSERT INTO `invoice_counter` (`id`, `value`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `invoice_counter_only_up` BEFORE UPDATE ON `invoice_counter` WHEN NEW.value <> OLD.value + 1 OR NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'invoice counter moves by one and is never reset'); END;--> statement-breakpoint
CREATE TRIGGER `invoice_counter_kept` BEFORE DELETE ON `invoice_counter`
BEGIN SELECT RAISE(ABORT, 'invoice counter is never reset'); END;--> statement-breakpoint
CREATE TRIGGER `invoice_documents_issued_frozen` BEFORE UPDATE ON `invoice_documents` WHEN OLD.status = 'issued' AND (
	NEW.uuid IS NOT OLD.uuid OR NEW.kind IS NOT OLD.kind OR NEW.status IS NOT OLD.status OR NEW.invoice_type IS NOT OLD.invoice_type
	OR NEW.counter_value IS NOT OLD.counter_value OR NEW.previous_hash IS NOT OLD.previous_hash OR NEW.hash IS NOT OLD.hash
	OR NEW.canonical IS NOT OLD.canonical OR NEW.buyer_name IS NOT OLD.buyer_name OR NEW.buyer_vat_number IS NOT OLD.buyer_vat_number
	OR NEW.original_id IS NOT OLD.original_id OR NEW.reason IS NOT OLD.reason OR NEW.notes IS NOT OLD.notes OR NEW.seller IS NOT OLD.seller
	OR NEW.supply_date IS NOT OLD.supply_date OR NEW.net_total IS NOT OLD.net_total OR NEW.vat_total IS NOT OLD.vat_total
	OR NEW.total IS NOT OLD.total OR NEW.issued_at IS NOT OLD.issued_at)
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot change'); END;--> statement-breakpoint
CREATE TRIGGER `invoice_documents_issued_kept` BEFORE DELETE ON `invoice_documents` WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted'); END;--> statement-breakpoint
CREATE TRIGGER `invoice_lines_issued_insert` BEFORE INSERT ON `invoice_lines` WHEN (SELECT status FROM invoice_documents WHERE id = NEW.document_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot change'); END;--> statement-breakpoint
CREATE TRIGGER `invoice_lines_issued_update` BEFORE UPDATE ON `invoice_lines` WHEN (SELECT status FROM invoice_documents WHERE id = OLD.document_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot change'); END;--> statement-breakpoint
CREATE TRIGGER `invoice_lines_issued_delete` BEFORE DELETE ON `invoice_lines` WHEN (SELECT status FROM invoice_documents WHERE id = OLD.document_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot change'); END;--> statement-breakpoint
CREATE TRIGGER `invoice_payments_kept` BEFORE DELETE ON `invoice_payments`
BEGIN SELECT RAISE(ABORT, 'a recorded payment is never deleted'); END;
