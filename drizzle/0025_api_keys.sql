-- Issue 18: the REST API's keys. The secret is shown once; only its SHA-256 is kept. A key
-- acts as its owner (never more), limited to its scopes and, when listed, to some numbers.
CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`secret_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`number_ids` text,
	`owner_id` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_secret_hash_unique` ON `api_keys` (`secret_hash`);--> statement-breakpoint
-- A send repeated with the same Idempotency-Key within 24 h returns the first answer (kept
-- here, so a restart in between still sends once).
CREATE TABLE `api_idempotency` (
	`key_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`key_id`, `idempotency_key`),
	FOREIGN KEY (`key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `api_idempotency_created` ON `api_idempotency` (`created_at`);--> statement-breakpoint
-- Seed 003's 1,000 messages a day per number, counted over every path (windows, API): our
-- answers of the office day, read from this index.
CREATE INDEX `messages_number_ours_time` ON `messages` (`whatsapp_number_id`,`created_at`) WHERE `sender` <> 'customer';
