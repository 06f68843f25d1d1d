-- Issue 16: the AI answers only customer messages that arrive after it was switched on (the
-- newest message id at that moment), never the customers who were already waiting for a person.
ALTER TABLE `ai_responder_configs` ADD `enabled_from_message_id` integer DEFAULT 0 NOT NULL;
