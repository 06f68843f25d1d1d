-- Issue 16: the AI responder. Seed 003 §6's config per number and decision log (plus outcome,
-- reason, tokens and cost), the office's one OpenAI-compatible provider (its key AES-GCM
-- encrypted with a key file in the data folder), the FAQ, each conversation's AI episode (who
-- holds it, its reply count, its persisted debounce and fallback timers), and agents' ratings.
CREATE TABLE `ai_responder_configs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`enabled` integer DEFAULT 0 NOT NULL,
	`business_hours_only` integer DEFAULT 0 NOT NULL,
	`business_hours_start` text,
	`business_hours_end` text,
	`timezone` text DEFAULT 'Asia/Riyadh' NOT NULL,
	`scenarios` text DEFAULT '{"initialGreeting":false,"faqResponses":false,"propertyInquiryResponse":false,"appointmentBooking":false,"generalQuestions":false}' NOT NULL,
	`tone` text DEFAULT 'friendly' NOT NULL,
	`language` text DEFAULT 'ar' NOT NULL,
	`custom_instructions` text,
	`fallback_to_human` integer DEFAULT 1 NOT NULL,
	`fallback_delay` integer DEFAULT 5 NOT NULL,
	`hours_mode` text DEFAULT 'always' NOT NULL,
	`out_of_hours_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ai_responder_configs_number_unique` ON `ai_responder_configs` (`whatsapp_number_id`);--> statement-breakpoint
CREATE TABLE `ai_provider` (
	`id` integer PRIMARY KEY NOT NULL,
	`base_url` text NOT NULL,
	`model` text NOT NULL,
	`api_key_encrypted` text,
	`timeout_ms` integer DEFAULT 20000 NOT NULL,
	`max_tokens` integer DEFAULT 400 NOT NULL,
	`daily_budget` integer DEFAULT 0 NOT NULL,
	`prompt_price_per_million` integer DEFAULT 0 NOT NULL,
	`completion_price_per_million` integer DEFAULT 0 NOT NULL,
	`may_quote_prices` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'ok' NOT NULL,
	`last_error` text,
	`last_error_at` integer,
	`updated_at` integer NOT NULL,
	CHECK (`id` = 1)
);
--> statement-breakpoint
CREATE TABLE `ai_faq` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`language` text NOT NULL,
	`search_text` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `ai_conversation_state` (
	`conversation_id` integer PRIMARY KEY NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`episode_started_at` integer NOT NULL,
	`holder` text DEFAULT 'none' NOT NULL,
	`paused` integer DEFAULT 0 NOT NULL,
	`replies_count` integer DEFAULT 0 NOT NULL,
	`ai_started_at` integer,
	`handed_off_at` integer,
	`reason` text,
	`out_of_hours_sent_at` integer,
	`due_at` integer,
	`due_message_id` integer,
	`answered_message_id` integer DEFAULT 0 NOT NULL,
	`fallback_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ai_conversation_state_due` ON `ai_conversation_state` (`due_at`) WHERE `due_at` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `ai_conversation_state_fallback` ON `ai_conversation_state` (`fallback_at`) WHERE `fallback_at` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `ai_response_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`whatsapp_number_id` integer NOT NULL,
	`conversation_id` integer NOT NULL,
	`message_id` integer,
	`reply_message_id` integer,
	`scenario` text,
	`response_time_ms` integer DEFAULT 0 NOT NULL,
	`handed_off` integer DEFAULT 0 NOT NULL,
	`language` text,
	`outcome` text NOT NULL,
	`reason` text,
	`error_code` text,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`cost_millihalalas` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reply_message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ai_response_logs_number` ON `ai_response_logs` (`whatsapp_number_id`, `created_at`);--> statement-breakpoint
CREATE INDEX `ai_response_logs_created_at` ON `ai_response_logs` (`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ai_response_logs_reply_unique` ON `ai_response_logs` (`reply_message_id`) WHERE `reply_message_id` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `ai_message_ratings` (
	`message_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`rating` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`message_id`, `user_id`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The stats' rollup: per number and UTC quarter hour (zones move on quarter hours, so each
-- quarter lies in one office hour and day), the decisions' counts, written with each log row.
CREATE TABLE `ai_stats_quarters` (
	`whatsapp_number_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`replies` integer DEFAULT 0 NOT NULL,
	`handoffs` integer DEFAULT 0 NOT NULL,
	`reply_ms` integer DEFAULT 0 NOT NULL,
	`initial_greeting` integer DEFAULT 0 NOT NULL,
	`faq_responses` integer DEFAULT 0 NOT NULL,
	`property_inquiry_response` integer DEFAULT 0 NOT NULL,
	`appointment_booking` integer DEFAULT 0 NOT NULL,
	`general_questions` integer DEFAULT 0 NOT NULL,
	`lang_ar` integer DEFAULT 0 NOT NULL,
	`lang_en` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`whatsapp_number_id`, `quarter`),
	FOREIGN KEY (`whatsapp_number_id`) REFERENCES `whatsapp_numbers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ai_stats_quarters_quarter` ON `ai_stats_quarters` (`quarter`);
