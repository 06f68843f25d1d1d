-- Issue 14: prices are integer halalas (riyals ×100); the full property record; its price history.
UPDATE `properties` SET `price` = `price` * 100 WHERE `price` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `properties` ADD `listing` text DEFAULT 'sale' NOT NULL;--> statement-breakpoint
ALTER TABLE `properties` ADD `rent_period` text;--> statement-breakpoint
ALTER TABLE `properties` ADD `city` text;--> statement-breakpoint
ALTER TABLE `properties` ADD `district` text;--> statement-breakpoint
ALTER TABLE `properties` ADD `owner_contact_id` integer REFERENCES `contacts`(`id`) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `properties` ADD `ad_licence_number` text;--> statement-breakpoint
ALTER TABLE `properties` ADD `ad_licence_expiry` text;--> statement-breakpoint
ALTER TABLE `properties` ADD `description_ar` text;--> statement-breakpoint
ALTER TABLE `properties` ADD `description_en` text;--> statement-breakpoint
CREATE TABLE `property_price_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`property_id` integer NOT NULL REFERENCES `properties`(`id`) ON DELETE CASCADE,
	`old_price` integer,
	`new_price` integer,
	`changed_by` integer REFERENCES `users`(`id`) ON DELETE SET NULL,
	`changed_at` integer NOT NULL
);--> statement-breakpoint
CREATE INDEX `property_price_history_property` ON `property_price_history` (`property_id`,`changed_at`);
