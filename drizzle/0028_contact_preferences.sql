-- Issue 15: what a customer is looking for, so a new or newly available property that matches
-- it can be sent to them (the `property_match` trigger). Budget in integer halalas; districts and
-- property types as JSON arrays; bedrooms a minimum. Null: no preference on that field.
ALTER TABLE `contacts` ADD `pref_budget_min` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `pref_budget_max` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `pref_city` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `pref_districts` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `pref_property_types` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `pref_bedrooms` integer;--> statement-breakpoint
-- Only contacts with a preference: matching a property reads these, never the whole table.
CREATE INDEX `contacts_property_preferences` ON `contacts` (`pref_city`) WHERE (pref_budget_min is not null or pref_budget_max is not null or pref_city is not null
  or pref_districts is not null or pref_property_types is not null or pref_bedrooms is not null);--> statement-breakpoint
-- A conversation's resolves, read when a customer message may open a new inquiry episode.
CREATE INDEX `activity_log_conversation_status` ON `activity_log` (`entity_id`, `created_at`) WHERE action = 'conversation.status_changed';
