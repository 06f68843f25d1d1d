/** Asking before a number is disconnected. */
export const numbersDisconnectAr = {
  'numbers.disconnectTitle': 'قطع اتصال الرقم',
  'numbers.confirmDisconnect': 'سيتوقف الرقم «{name}» عن استقبال الرسائل وإرسالها حتى تربطه من جديد. تبقى الرسائل المنتظرة في الطابور وتُرسل بعد الربط، والمحادثات محفوظة.',
} as const;

export const numbersDisconnectEn: Record<keyof typeof numbersDisconnectAr, string> = {
  'numbers.disconnectTitle': 'Disconnect the number',
  'numbers.confirmDisconnect': '“{name}” will stop receiving and sending messages until you link it again. Queued answers wait and are sent once it is linked; conversations are kept.',
};
