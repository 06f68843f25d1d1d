/**
 * The activity log's words for what people do to automation jobs (issue 15): cancelling a
 * scheduled automated message, and turning automation back on for a customer who opted out.
 * `{target}` is the customer.
 */
export const activityAutomationJobsAr = {
  'activity.automation.job_cancelled': 'إلغاء رسالة تلقائية',
  'activity.automation.contact_resumed': 'إعادة تفعيل الرسائل التلقائية',
  'activity.say.automation.job_cancelled': '{user}: إلغاء رسالة تلقائية مجدولة إلى {target}',
  'activity.say.automation.contact_resumed': '{user}: إعادة تفعيل الرسائل التلقائية إلى {target}',
} as const;

export const activityAutomationJobsEn: Record<keyof typeof activityAutomationJobsAr, string> = {
  'activity.automation.job_cancelled': 'Automated message cancelled',
  'activity.automation.contact_resumed': 'Automated messages resumed',
  'activity.say.automation.job_cancelled': '{user} cancelled a scheduled automated message to {target}',
  'activity.say.automation.contact_resumed': '{user} turned automated messages back on for {target}',
} as const;
