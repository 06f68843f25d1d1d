-- Issue 17: the activity log becomes append-only and hash-chained.
-- Who did it, frozen at the time of writing: `user_id` may become null when a user is removed
-- (ON DELETE SET NULL), so the chain covers these copies instead.
ALTER TABLE `activity_log` ADD `actor_id` integer;--> statement-breakpoint
ALTER TABLE `activity_log` ADD `actor_name` text;--> statement-breakpoint
-- SHA-256 (hex) of the row's canonical serialisation and of the previous row's hash. SQL cannot
-- compute SHA-256: the core fills the existing rows at its next start, in id order, once.
ALTER TABLE `activity_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `activity_log` ADD `hash` text;--> statement-breakpoint
UPDATE `activity_log` SET `actor_id` = `user_id`, `actor_name` = (SELECT u.`name` FROM `users` u WHERE u.`id` = `activity_log`.`user_id`);--> statement-breakpoint
-- The viewer's "record" filter: one entity's history.
CREATE INDEX `activity_log_entity` ON `activity_log` (`entity_type`, `entity_id`);--> statement-breakpoint
-- Nothing rewrites the log. Two updates only are let through: the one-time filling of a row that
-- has no hash yet (its fields unchanged), and a removed user's id set to null by the foreign key
-- (everything else unchanged; the chain covers actor_id and actor_name, not user_id).
CREATE TRIGGER `activity_log_no_update` BEFORE UPDATE ON `activity_log`
WHEN NOT (
  NEW.`id` IS OLD.`id` AND NEW.`action` IS OLD.`action` AND NEW.`entity_type` IS OLD.`entity_type`
  AND NEW.`entity_id` IS OLD.`entity_id` AND NEW.`details` IS OLD.`details` AND NEW.`created_at` IS OLD.`created_at`
  AND NEW.`actor_id` IS OLD.`actor_id` AND NEW.`actor_name` IS OLD.`actor_name`
  AND (
    (OLD.`hash` IS NULL AND NEW.`hash` IS NOT NULL AND NEW.`user_id` IS OLD.`user_id`)
    OR (NEW.`user_id` IS NULL AND NEW.`hash` IS OLD.`hash` AND NEW.`prev_hash` IS OLD.`prev_hash`)
  )
)
BEGIN
  SELECT RAISE(ABORT, 'activity_log is append-only');
END;--> statement-breakpoint
CREATE TRIGGER `activity_log_no_delete` BEFORE DELETE ON `activity_log`
BEGIN
  SELECT RAISE(ABORT, 'activity_log is append-only');
END;
