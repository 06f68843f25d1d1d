/**
 * Automation rules as the core words them outside the rules page: why a rule was refused (under
 * its field), why a template cannot be deleted, and the rules' entries in the activity log.
 */
export const automationRefusalsAr = {
  'fieldError.negative_delay': 'التأخير السالب (قبل الموعد) لتذكير الموعد فقط.',
  'fieldError.shorter_than_window': 'لا يقل التأخير في متابعة عدم الرد عن مدة انتظارها ({min} دقيقة).',
  'fieldError.template_missing': 'القالب غير موجود؛ ربما حُذف. اختر قالبًا آخر.',
  'fieldError.template_inactive': 'هذا القالب موقوف. فعّله من صفحة القوالب أو اختر قالبًا آخر.',
  'fieldError.variable_not_fillable': 'يستخدم القالب المتغير {{{name}}} ولا يمكن لهذا المشغّل تعبئته. اختر قالبًا آخر أو مشغّلًا آخر.',
  'fieldError.number_missing': 'رقم واتساب هذا غير موجود.',
  'fieldError.number_removed': 'حُذف رقم واتساب هذا. اختر رقمًا آخر أو «كل الأرقام».',
  'fieldError.used_by_rules': 'لا يمكن حذف القالب لأن قواعد الأتمتة تستخدمه: {rules}. غيّر قالبها أو احذفها أولًا.',

  'activity.group.automation_rule': 'قواعد الأتمتة',
  'activity.automation_rule.created': 'إضافة قاعدة أتمتة',
  'activity.automation_rule.updated': 'تعديل قاعدة أتمتة',
  'activity.automation_rule.enabled': 'تفعيل قاعدة أتمتة',
  'activity.automation_rule.disabled': 'إيقاف قاعدة أتمتة',
  'activity.automation_rule.deleted': 'حذف قاعدة أتمتة',
  'activity.say.automation_rule.created': '{user}: إضافة قاعدة الأتمتة {target}',
  'activity.say.automation_rule.updated': '{user}: تعديل قاعدة الأتمتة {target}',
  'activity.say.automation_rule.enabled': '{user}: تفعيل قاعدة الأتمتة {target}',
  'activity.say.automation_rule.disabled': '{user}: إيقاف قاعدة الأتمتة {target}',
  'activity.say.automation_rule.deleted': '{user}: حذف قاعدة الأتمتة {target}',
} as const;

export const automationRefusalsEn: Record<keyof typeof automationRefusalsAr, string> = {
  'fieldError.negative_delay': 'A negative delay (before the event) is for appointment reminders only.',
  'fieldError.shorter_than_window': 'A no-response follow-up cannot wait less than its window ({min} minutes).',
  'fieldError.template_missing': 'The template no longer exists; choose another.',
  'fieldError.template_inactive': 'This template is switched off. Turn it on on the Templates page, or choose another.',
  'fieldError.variable_not_fillable': 'The template uses {{{name}}}, which this trigger cannot fill. Choose another template or trigger.',
  'fieldError.number_missing': 'This WhatsApp number does not exist.',
  'fieldError.number_removed': 'This WhatsApp number was removed. Choose another, or “All numbers”.',
  'fieldError.used_by_rules': 'The template cannot be deleted: automation rules use it ({rules}). Change their template or delete them first.',

  'activity.group.automation_rule': 'Automation rules',
  'activity.automation_rule.created': 'Automation rule added',
  'activity.automation_rule.updated': 'Automation rule edited',
  'activity.automation_rule.enabled': 'Automation rule switched on',
  'activity.automation_rule.disabled': 'Automation rule switched off',
  'activity.automation_rule.deleted': 'Automation rule deleted',
  'activity.say.automation_rule.created': '{user} added the automation rule {target}',
  'activity.say.automation_rule.updated': '{user} edited the automation rule {target}',
  'activity.say.automation_rule.enabled': '{user} switched on the automation rule {target}',
  'activity.say.automation_rule.disabled': '{user} switched off the automation rule {target}',
  'activity.say.automation_rule.deleted': '{user} deleted the automation rule {target}',
};
