/** Every action the core records, by feature: each has a sentence in both languages. */
export const activityActionGroups = {
  auth: ['auth.signed_in', 'auth.signed_out', 'auth.sign_in_failed'],
  user: ['user.created', 'user.updated', 'user.activated', 'user.deactivated', 'profile.updated', 'profile.password_changed'],
  number: ['number.created', 'number.updated', 'number.connected', 'number.relinked', 'number.disconnected', 'number.removed', 'number.pairing_code', 'number.agents_changed'],
  conversation: [
    'conversation.starred',
    'conversation.unstarred',
    'conversation.archived',
    'conversation.unarchived',
    'conversation.status_changed',
    'conversation.marked_unread',
    'conversation.assigned',
    'conversation.unassigned',
    'conversation.transferred',
    'property_interest.added',
    'property_interest.updated',
    'property_interest.removed',
    // Issue 15: a scheduled automated message cancelled from the conversation's panel.
    'automation.job_cancelled',
  ],
  contact: ['contact.created', 'contact.updated', 'contact.note_added', 'contact.note_deleted', 'contact.imported', 'automation.contact_resumed'],
  template: ['template.created', 'template.updated', 'template.deleted', 'template.used'],
  office: ['office.updated', 'office.tax_updated'],
  desktop: ['desktop.updated'],
  property: ['property.created', 'property.updated', 'property.deleted', 'property.photo_added', 'property.photo_removed', 'property.card_sent'],
  branch: ['branch.created', 'branch.updated', 'branch.archived', 'branch.restored', 'branch.deleted'],
  viewing: ['viewing.booked', 'viewing.rescheduled', 'viewing.updated', 'viewing.status'],
  offer: [
    'offer.created',
    'offer.countered',
    'offer.accepted',
    'offer.rejected',
    'offer.withdrawn',
    'offer.expired',
    'offer.acceptance_undone',
    'promotion.created',
    'promotion.updated',
    'promotion.deleted',
  ],
  invoice: ['invoice.drafted', 'invoice.updated', 'invoice.deleted', 'invoice.issued', 'invoice.payment_added', 'invoice.sent', 'invoice.archive_exported'],
  // Issue 16: the AI responder's settings (a number's config, the office's provider, the FAQ).
  ai: ['ai.config_updated', 'ai.provider_updated', 'ai.faq_saved', 'ai.faq_deleted'],
  automation_rule: ['automation_rule.created', 'automation_rule.updated', 'automation_rule.enabled', 'automation_rule.disabled', 'automation_rule.deleted'],
} as const;

export type ActivityGroup = keyof typeof activityActionGroups;
export type ActivityAction = (typeof activityActionGroups)[ActivityGroup][number];
export const activityGroups = Object.keys(activityActionGroups) as ActivityGroup[];
export const activityActions = Object.values(activityActionGroups).flat() as ActivityAction[];

export interface ActivityEntry {
  id: number;
  action: string;
  entityType: string | null;
  entityId: number | null;
  /**
   * The target's name, whatever its kind: a user's, a number's, a contact's (or its phone), the
   * customer's of a conversation or a message, a template's or a property's; the name it had when
   * it was removed; null when there is no target.
   */
  entityName: string | null;
  userId: number | null;
  userName: string | null;
  details: Record<string, unknown> | null;
  /** Names for the ids in details: the agents a conversation moved between, the conversation a template went to. */
  related: ActivityRelated;
  createdAt: string;
}

export interface ActivityRelated {
  fromUserName?: string | null;
  toUserName?: string | null;
  conversationName?: string | null;
}

/** The kinds of record the log names (`entity_type`), for the viewer's "record" filter. */
export const activityEntityTypes = [
  'user',
  'whatsapp_number',
  'conversation',
  'message',
  'contact',
  'message_template',
  'property',
  'branch',
  'viewing',
  'offer',
  'promotion',
  'office',
  'desktop',
  'settings',
  'api_key',
  'webhook',
] as const;

/**
 * Where the chain first breaks. `changed`: the row's fields no longer give its hash. `missing`:
 * `count` rows from `id` on are gone (`nextId` is the row after them, null at the end; `createdAt`
 * is that row's time). `order`: row `id` does not link to the one before it though none is
 * missing (the one before was rewritten with a new hash, or rows were moved).
 */
export type ActivityBreak =
  | { problem: 'changed' | 'order'; id: number; createdAt: string }
  | { problem: 'missing'; id: number; count: number; nextId: number | null; createdAt: string | null };

export interface ActivityVerifyResult {
  ok: boolean;
  /** Rows found intact, from the first, before the break if any. */
  checked: number;
  /** The last row when the walk started (rows written meanwhile are for the next walk). */
  lastId: number | null;
  broken: ActivityBreak | null;
}

/** A page of the CSV export: rows only (the header comes with the first page), newest first. */
export interface ActivityCsvPage {
  csv: string;
  rows: number;
  /** The next page's `beforeId`, null after the last page. */
  nextBeforeId: number | null;
  /** How many rows the filters match in all, on the first page only (for the progress). */
  total: number | null;
}
