/** The inbox's contact side panel: the open conversation's contact, notes and other conversations. */
export const inboxContactAr = {
  'contactPanel.label': 'بيانات العميل',
  'contactPanel.show': 'إظهار بيانات العميل',
  'contactPanel.hide': 'إخفاء بيانات العميل',
  'contactPanel.otherConversations': 'محادثات أخرى',
  'contactPanel.noOtherConversations': 'لا توجد محادثات أخرى مع هذا العميل على الأرقام المتاحة لك.',
} as const;

export const inboxContactEn: Record<keyof typeof inboxContactAr, string> = {
  'contactPanel.label': 'Customer details',
  'contactPanel.show': 'Show customer details',
  'contactPanel.hide': 'Hide customer details',
  'contactPanel.otherConversations': 'Other conversations',
  'contactPanel.noOtherConversations': 'No other conversations with this customer on the numbers you can access.',
};
