-- The activity log filtered by who did it or by action, newest first (ids ride along in the index).
CREATE INDEX `activity_log_user` ON `activity_log` (`user_id`);--> statement-breakpoint
CREATE INDEX `activity_log_action` ON `activity_log` (`action`);
