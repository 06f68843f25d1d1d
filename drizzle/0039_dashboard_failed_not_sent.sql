-- Issue 17: a message that failed after it left no longer counts as sent (message-counting.ts).
-- Forgetting when the figures were built has the core rebuild them from raw rows once at start.
DELETE FROM `settings` WHERE `key` = 'dashboard.statsBuiltAt';
