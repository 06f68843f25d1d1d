/** Who may see what (issue 13): the core's refusals, and a conversation taken from you. */
export const accessAr = {
  'reason.number_not_allowed': 'لا تملك صلاحية العمل على رقم واتساب هذا. اطلب من مدير المكتب إضافتك إلى موظفي الرقم.',
  'reason.contact_not_allowed': 'هذا العميل ليس من عملاء الأرقام التي تعمل عليها، فلا يمكنك الاطلاع عليه أو تعديله.',
  'reason.not_note_author': 'يمكنك حذف ملاحظاتك فقط. يحذف المشرف أو المدير ملاحظات غيرك.',

  'access.transferredNotice': 'نقل «{by}» محادثتك مع {customer} إلى {to}',
  'access.unassignedNotice': 'ألغى «{by}» إسناد محادثتك مع {customer}',
  'access.transferredNotifyTitle': 'نُقلت محادثة كانت مسندة إليك',
} as const;

export const accessEn: Record<keyof typeof accessAr, string> = {
  'reason.number_not_allowed': 'You don’t have access to this WhatsApp number. Ask the office admin to add you to its agents.',
  'reason.contact_not_allowed': 'This customer is not on a number you work, so you can’t see or change them.',
  'reason.not_note_author': 'You can delete only your own notes. A supervisor or admin removes others’ notes.',

  'access.transferredNotice': '“{by}” moved your conversation with {customer} to {to}',
  'access.unassignedNotice': '“{by}” unassigned your conversation with {customer}',
  'access.transferredNotifyTitle': 'A conversation assigned to you was moved',
};
