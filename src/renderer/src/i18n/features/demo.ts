/** Demo mode's "the customer sends…" menu in the thread. */
export const demoAr = {
  'demo.customerSends': 'العميل يرسل…',
  'demo.kind.location': 'موقعًا',
  'demo.kind.contact': 'جهة اتصال',
  'demo.kind.reply': 'ردًا على رسالته الأولى',
  'demo.kind.replyToAgent': 'ردًا على رسالتنا الأخيرة',
  'demo.kind.edit': 'تعديلًا لرسالته',
  'demo.kind.revoke': 'حذفًا لرسالة',
  'demo.kind.reaction': 'تفاعلًا مع رسالتنا',
  'demo.kind.call': 'مكالمة فائتة',
  'demo.newCustomer': 'عميل جديد يكتب',
  'demo.newCustomerWrote': 'كتب «{name}» من {phone}',
  'reason.demo_nothing_to_act': 'لا يوجد ما يتصرف فيه العميل التجريبي الآن (لا رسالة مناسبة، أو الرقم غير متصل).',
} as const;

export const demoEn: Record<keyof typeof demoAr, string> = {
  'demo.customerSends': 'The customer sends…',
  'demo.kind.location': 'A location',
  'demo.kind.contact': 'A contact card',
  'demo.kind.reply': 'A reply to their first message',
  'demo.kind.replyToAgent': 'A reply to our last message',
  'demo.kind.edit': 'An edit of their message',
  'demo.kind.revoke': 'A deletion of a message',
  'demo.kind.reaction': 'A reaction to our message',
  'demo.kind.call': 'A missed call',
  'demo.newCustomer': 'A new customer writes',
  'demo.newCustomerWrote': '“{name}” wrote from {phone}',
  'reason.demo_nothing_to_act': 'The demo customer has nothing to act on right now (no suitable message, or the number is not connected).',
};
