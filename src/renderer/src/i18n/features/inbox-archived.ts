/** The inbox search's hint that archived conversations match too. */
export const inboxArchivedAr = {
  'find.archivedMatches.zero': 'لا محادثات مؤرشفة تطابق البحث',
  'find.archivedMatches.one': 'محادثة مؤرشفة واحدة تطابق البحث أيضًا',
  'find.archivedMatches.two': 'محادثتان مؤرشفتان تطابقان البحث أيضًا',
  'find.archivedMatches.few': '{count} محادثات مؤرشفة تطابق البحث أيضًا',
  'find.archivedMatches.many': '{count} محادثة مؤرشفة تطابق البحث أيضًا',
  'find.archivedMatches.other': '{count} محادثة مؤرشفة تطابق البحث أيضًا',
  'find.showArchived.zero': 'اعرضها',
  'find.showArchived.one': 'اعرضها',
  'find.showArchived.two': 'اعرضهما',
  'find.showArchived.few': 'اعرضها',
  'find.showArchived.many': 'اعرضها',
  'find.showArchived.other': 'اعرضها',
} as const;

export const inboxArchivedEn: Record<keyof typeof inboxArchivedAr, string> = {
  'find.archivedMatches.zero': 'No archived conversations match',
  'find.archivedMatches.one': '1 archived conversation matches too',
  'find.archivedMatches.two': '{count} archived conversations match too',
  'find.archivedMatches.few': '{count} archived conversations match too',
  'find.archivedMatches.many': '{count} archived conversations match too',
  'find.archivedMatches.other': '{count} archived conversations match too',
  'find.showArchived.zero': 'Show them',
  'find.showArchived.one': 'Show it',
  'find.showArchived.two': 'Show them',
  'find.showArchived.few': 'Show them',
  'find.showArchived.many': 'Show them',
  'find.showArchived.other': 'Show them',
};
