-- Issue 16, appointmentBooking: the viewing slots the AI offered in a conversation (JSON: the
-- property, the agent, the slots, and the viewing once the customer picked one), kept with the
-- episode so a restart neither loses the offer nor books twice.
ALTER TABLE `ai_conversation_state` ADD `viewing_offer` text;
