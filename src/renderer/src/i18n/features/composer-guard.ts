/** The composer's warning before writing in a conversation assigned to a colleague. */
export const composerGuardAr = {
  'composer.othersConversation': 'هذه المحادثة مُسندة إلى {name}. هل ترسل رغم ذلك؟',
  'composer.sendAnyway': 'إرسال على أي حال',
  'composer.dontSend': 'إلغاء',
} as const;

export const composerGuardEn: Record<keyof typeof composerGuardAr, string> = {
  'composer.othersConversation': "This conversation is {name}'s. Send anyway?",
  'composer.sendAnyway': 'Send anyway',
  'composer.dontSend': 'Cancel',
};
