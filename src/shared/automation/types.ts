/**
 * Seed 003 §5's automation rules: the eight triggers with their Arabic labels, and the jobs a
 * rule arms (one per rule, subject and episode), each ending in one of the job statuses.
 */
export const automationTriggers = [
  'new_inquiry',
  'no_response_24h',
  'no_response_48h',
  'no_response_72h',
  'follow_up',
  'appointment_reminder',
  'property_match',
  'price_change',
] as const;
export type AutomationTrigger = (typeof automationTriggers)[number];

/** The seed's reference table: what the stats' `topTriggers[].label` carries. */
export const triggerLabels: Record<AutomationTrigger, { ar: string; en: string }> = {
  new_inquiry: { ar: 'استفسار جديد', en: 'New inquiry' },
  no_response_24h: { ar: 'عدم رد 24 ساعة', en: 'No response 24h' },
  no_response_48h: { ar: 'عدم رد 48 ساعة', en: 'No response 48h' },
  no_response_72h: { ar: 'عدم رد 72 ساعة', en: 'No response 72h' },
  follow_up: { ar: 'متابعة', en: 'Follow-up' },
  appointment_reminder: { ar: 'تذكير موعد', en: 'Appointment reminder' },
  property_match: { ar: 'عقار مطابق', en: 'Property match' },
  price_change: { ar: 'تغيير السعر', en: 'Price change' },
};

/** A no-response tier's window: its delay may not be shorter (rule-002's 1440 fires at 24 h). */
export const noResponseWindowMinutes: Partial<Record<AutomationTrigger, number>> = {
  no_response_24h: 24 * 60,
  no_response_48h: 48 * 60,
  no_response_72h: 72 * 60,
};

/** Delays: up to 30 days either way; only `appointment_reminder` may be negative (before the viewing). */
export const delayLimitMinutes = 30 * 24 * 60;

/** How late a job due while the app was closed may still go out (reminders: never after the viewing starts). */
export const latenessLimitMs: Record<AutomationTrigger, number> = {
  new_inquiry: 2 * 60 * 60_000,
  no_response_24h: 24 * 60 * 60_000,
  no_response_48h: 24 * 60 * 60_000,
  no_response_72h: 24 * 60 * 60_000,
  follow_up: 24 * 60 * 60_000,
  appointment_reminder: 24 * 60 * 60_000,
  property_match: 24 * 60 * 60_000,
  price_change: 24 * 60 * 60_000,
};

/** At most this many automated messages reach one contact in any 24 hours. */
export const perContactDailyCap = 3;

/** Words that, as a customer's whole message, end automation to them until an agent re-enables it. */
export const optOutWords = ['إلغاء', 'الغاء', 'توقف', 'stop', 'unsubscribe'] as const;

/** Why "follow up in …" was refused (UNPROCESSABLE_ENTITY's reason; number_removed as elsewhere). */
export const automationErrorReasons = {
  /** No active follow-up rule covers the conversation's number. */
  noFollowUpRule: 'no_follow_up_rule',
  /** The customer wrote an opt-out word; an agent turns automation back on first. */
  optedOut: 'opted_out',
} as const;

export const jobStatuses = ['pending', 'sent', 'skipped', 'cancelled', 'expired', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * Why a job did not (or did not yet) send: shown beside the job in both languages
 * (i18n `automation.reasons.*`). `sent` jobs have none; `failed` carries the outbox's error.
 */
export const jobReasons = [
  // cancelled
  'answered', // a person or the AI answered first (new inquiry)
  'customer_replied', // the customer wrote (no response)
  'resolved',
  'archived',
  'rule_off',
  'rule_deleted',
  'template_deleted',
  'template_inactive',
  'number_removed',
  'viewing_cancelled',
  'viewing_moved', // re-timed to a new start: the old job is replaced
  'cancelled_by_user',
  'not_interested',
  // skipped
  'contact_cap',
  'opted_out',
  'variable_missing',
  'not_individual', // a group or a broadcast list
  'conversation_gone',
  'quota_exhausted',
  'window_closed', // issue 19: free text to a Cloud API customer silent for 24 hours
  // expired
  'too_late',
  'viewing_started',
  // failed
  'send_failed',
] as const;
export type JobReason = (typeof jobReasons)[number];

export interface RuleTemplate {
  id: number;
  name: string;
  content: string;
  variables: string[];
  isActive: boolean;
}

/** Seed 003's rule, plus `officeHoursOnly` (postponed to the office's next opening) and the rule's pending jobs. */
export interface AutomationRuleView {
  id: number;
  name: string;
  description: string | null;
  trigger: AutomationTrigger;
  delayMinutes: number;
  templateId: number;
  template: RuleTemplate | null;
  isActive: boolean;
  /** null: every number. */
  whatsappNumberId: number | null;
  officeHoursOnly: boolean;
  triggeredCount: number;
  successCount: number;
  lastTriggered: string | null;
  pendingJobs: number;
  createdAt: string;
  updatedAt: string;
}

export interface AutomationRuleList {
  data: AutomationRuleView[];
  meta: { total: number; activeCount: number; inactiveCount: number };
}

export const statsPeriods = ['24h', '7d', '30d'] as const;
export type StatsPeriod = (typeof statsPeriods)[number];

/** Seed 003's `/automation/stats`; skipped, cancelled and expired are reported apart from failures. */
export interface AutomationStats {
  totalRules: number;
  activeRules: number;
  inactiveRules: number;
  messagesSent: { last24h: number; last7d: number; last30d: number };
  /** Percent of the period's sent messages that reached sent/delivered/read, one decimal. */
  successRate: number;
  failureRate: number;
  topTriggers: { trigger: AutomationTrigger; count: number; label: string }[];
  /** One row per office day of the period (the office's zone), oldest first. */
  dailyStats: { date: string; sent: number; success: number; failed: number }[];
  /** The period's jobs that ended without a message. */
  notSent: { skipped: number; cancelled: number; expired: number };
  timeZone: string;
}

export interface AutomationJobView {
  id: number;
  ruleId: number | null;
  ruleName: string;
  trigger: AutomationTrigger;
  whatsappNumberId: number;
  conversationId: number | null;
  contactId: number;
  contactName: string | null;
  contactPhone: string | null;
  /** The viewing or property the job is about, when it is about one. */
  viewingId: number | null;
  propertyId: number | null;
  dueAt: string;
  status: JobStatus;
  reason: JobReason | null;
  /** The outbox's error text for a failed send. */
  error: string | null;
  messageId: number | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface AutomationJobPage {
  jobs: AutomationJobView[];
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: number | null;
}

/** What a rule would do if enabled now: the subjects it would arm a job for, the first ones listed. */
export interface AutomationDryRun {
  count: number;
  sample: { conversationId: number | null; contactId: number; contactName: string | null; contactPhone: string | null; dueAt: string }[];
}

export interface TemplatePreview {
  text: string;
  /** Variables this trigger cannot fill, or the sample conversation lacks. */
  missing: string[];
  conversationId: number | null;
}

/** A contact's automation state, shown in the contact panel. */
export interface ContactAutomationState {
  contactId: number;
  optedOut: boolean;
  optedOutAt: string | null;
  sentLast24h: number;
}

/** Filled for every trigger: the customer, their assigned agent (if any) and the office. */
const everyTrigger = ['customer_name', 'contact_number', 'agent_name', 'office_phone'] as const;
const property = ['property_name', 'location', 'price'] as const;
const viewing = ['appointment_date', 'appointment_time'] as const;

/**
 * The variables a trigger can fill; a template using any other is refused on the rule
 * (`appointment_date` on `new_inquiry`). `follow_up` can fill the viewing's when it comes from a
 * viewing marked done; from a plain "follow up in …" the job is skipped with `variable_missing`.
 */
export const triggerVariables: Record<AutomationTrigger, readonly string[]> = {
  new_inquiry: everyTrigger,
  no_response_24h: everyTrigger,
  no_response_48h: everyTrigger,
  no_response_72h: everyTrigger,
  follow_up: [...everyTrigger, ...property, ...viewing],
  appointment_reminder: [...everyTrigger, ...property, ...viewing],
  property_match: [...everyTrigger, ...property],
  price_change: [...everyTrigger, ...property],
};
