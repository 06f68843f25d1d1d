import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The database, in seed 003's fields (snake_case columns) and seed 000's auth fields.
 * Times are integer milliseconds since the epoch (UTC): compact, fast to sort, and turned
 * into ISO strings only at the edge. Ids are integers: rowid keys keep million-row tables small.
 */

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer('created_at').notNull().default(now);
const updatedAt = () => integer('updated_at').notNull().default(now);

/** The office's branches (issue 14): numbers, users and properties belong to one; in use, archived rather than deleted. */
export const branches = sqliteTable('branches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Arabic name. */
  name: text('name').notNull(),
  nameEn: text('name_en'),
  city: text('city'),
  address: text('address'),
  /** E.164. */
  phone: text('phone'),
  managerId: integer('manager_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
  archivedAt: integer('archived_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'supervisor', 'agent'] }).notNull(),
    status: text('status', { enum: ['ONLINE', 'OFFLINE'] }).notNull().default('OFFLINE'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    phone: text('phone'),
    language: text('language', { enum: ['ar', 'en'] }).notNull().default('ar'),
    branchId: integer('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    lastLoginAt: integer('last_login_at'),
    lastLogoutAt: integer('last_logout_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_branch').on(t.branchId).where(sql`branch_id is not null`)],
);

export const whatsappNumbers = sqliteTable(
  'whatsapp_numbers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** E.164; unknown until the phone is linked. */
    phoneNumber: text('phone_number'),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'inactive', 'pending'] }).notNull().default('pending'),
    provider: text('provider', { enum: ['webjs', 'cloud'] }).notNull().default('webjs'),
    employeeId: integer('employee_id').references(() => users.id, { onDelete: 'set null' }),
    branchId: integer('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    quotaUsed: integer('quota_used').notNull().default(0),
    /** Seed 003's rate limit: 1,000 messages a day per number. */
    quotaLimit: integer('quota_limit').notNull().default(1000),
    /** The office-time day (YYYY-MM-DD) that quota_used counts; a new day starts at zero. */
    quotaDay: text('quota_day'),
    /** Set when WhatsApp first reports ready; cleared by a logout. Linked numbers restart at launch without a QR. */
    linkedAt: integer('linked_at'),
    /** A removed number is hidden and its session gone; its conversations stay readable. */
    removedAt: integer('removed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('whatsapp_numbers_phone_unique').on(t.phoneNumber), index('whatsapp_numbers_branch').on(t.branchId).where(sql`branch_id is not null`)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** E.164 (Saudi default region when the number has no country code); null while only an @lid is known. */
    phone: text('phone'),
    name: text('name'),
    email: text('email'),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    followUpDate: integer('follow_up_date'),
    /** WhatsApp's `<digits>@lid` id when the customer appeared under it. */
    waLid: text('wa_lid'),
    /** Meta's business-scoped user id (Cloud API), the only key of a user who shows a username instead of a phone. */
    waUserId: text('wa_user_id'),
    /**
     * Who added the contact by hand (null for customers who wrote in, and imports): an agent
     * sees a contact they added until it has a conversation, then by its numbers (issue 13).
     */
    createdBy: integer('created_by').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    /** Issue 15: when the customer wrote an opt-out word; no automated message reaches them until an agent clears it. */
    automationOptedOutAt: integer('automation_opted_out_at'),
    /** Issue 15: what the customer looks for (property_match). Budget in halalas; JSON arrays; bedrooms a minimum; null = no preference. */
    prefBudgetMin: integer('pref_budget_min'),
    prefBudgetMax: integer('pref_budget_max'),
    prefCity: text('pref_city'),
    prefDistricts: text('pref_districts'),
    prefPropertyTypes: text('pref_property_types'),
    prefBedrooms: integer('pref_bedrooms'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contacts_phone_unique').on(t.phone),
    index('contacts_created_by').on(t.createdBy).where(sql`created_by is not null`),
    // Partial: most contacts have neither, and a new contact then touches no page of these.
    index('contacts_wa_lid').on(t.waLid).where(sql`wa_lid is not null`),
    uniqueIndex('contacts_wa_user_id').on(t.waUserId).where(sql`wa_user_id is not null`),
    index('contacts_name').on(t.name),
    index('contacts_follow_up').on(t.followUpDate).where(sql`follow_up_date is not null`),
    index('contacts_property_preferences')
      .on(t.prefCity)
      .where(
        sql`(pref_budget_min is not null or pref_budget_max is not null or pref_city is not null
  or pref_districts is not null or pref_property_types is not null or pref_bedrooms is not null)`,
      ),
  ],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    lastMessage: text('last_message'),
    lastMessageTime: integer('last_message_time'),
    unreadCount: integer('unread_count').notNull().default(0),
    status: text('status', { enum: ['active', 'pending', 'resolved'] }).notNull().default('active'),
    isStarred: integer('is_starred', { mode: 'boolean' }).notNull().default(false),
    isArchived: integer('is_archived', { mode: 'boolean' }).notNull().default(false),
    assignedAgentId: integer('assigned_agent_id').references(() => users.id, { onDelete: 'set null' }),
    /** The WhatsApp chat to answer in (`<digits>@c.us` or `<digits>@lid`), as the customer last wrote from. */
    waChatId: text('wa_chat_id'),
    /**
     * The "customer name" sort key, coalesce(contact name, phone, ''), kept here by triggers
     * (drizzle/0008_list_plans.sql) so that sort is read off an index of this table.
     */
    customerSortName: text('customer_sort_name').notNull().default(''),
    /**
     * unread_count > 0, kept by triggers (drizzle/0008_list_plans.sql) and changed only when
     * that flips, so the name index can hold it without being rewritten by every message.
     */
    hasUnread: integer('has_unread', { mode: 'boolean' }).notNull().default(false),
    /**
     * Issue 17: the conversation's last episode while no one has answered it (null: none open),
     * kept on this row because ingest writes it anyway; answered or followed by a later one, it
     * moves to dashboard_episodes (src/main/services/dashboard/open-episode.ts).
     */
    openStartedAt: integer('open_started_at'),
    openStartDay: text('open_start_day'),
    openPrevStartDay: text('open_prev_start_day'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => {
    const hasUnread = sql`(${t.unreadCount} > 0)`;
    // The list's access paths (src/main/services/inbox/list-plan.ts). Each index leads with
    // the columns a page is cut by, then its sort key, then the other filter columns, so a
    // filter is checked inside the index without reading the row. A new message moves its
    // conversation in every index that holds last_message_time or unread_count (even inside
    // an expression), so only the time and number ones (and unread, for its sort) do; the
    // assignee and name ones hold neither and a message never touches them.
    return [
      uniqueIndex('conversations_contact_number_unique').on(t.contactId, t.whatsappNumberId),
      // An agent's contacts, read from the numbers they work (contacts list, issue 13); no message touches it.
      index('conversations_number_contact').on(t.whatsappNumberId, t.contactId),
      index('conversations_list_time').on(t.isArchived, t.status, t.isStarred, hasUnread, t.lastMessageTime, t.whatsappNumberId, t.assignedAgentId, t.unreadCount),
      index('conversations_list_number').on(t.whatsappNumberId, t.isArchived, t.status, t.isStarred, hasUnread, t.lastMessageTime, t.assignedAgentId, t.unreadCount),
      index('conversations_list_unread')
        .on(t.isArchived, t.status, t.isStarred, t.unreadCount, t.lastMessageTime, t.whatsappNumberId, t.assignedAgentId)
        .where(sql`unread_count > 0`),
      index('conversations_list_assigned')
        .on(t.assignedAgentId, t.isArchived, t.status, t.isStarred, t.whatsappNumberId)
        .where(sql`assigned_agent_id is not null`),
      index('conversations_list_name').on(t.isArchived, t.status, t.isStarred, t.hasUnread, t.customerSortName, t.whatsappNumberId, t.assignedAgentId),
      // The dashboard's open episodes by start day (range figures) and all of them (waiting now, from the index alone);
      // dated at the staged counts' flush, so a customer's message writes no entry (migration 0046).
      index('conversations_open_episode')
        .on(t.openStartDay, t.whatsappNumberId, t.status, t.assignedAgentId, t.openStartedAt)
        .where(sql`open_start_day is not null`),
    ];
  },
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Kept on the message so (number, provider id) can be unique: a repeat is a no-op. */
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    content: text('content').notNull().default(''),
    type: text('type').notNull().default('text'),
    sender: text('sender', { enum: ['customer', 'agent', 'ai', 'system'] }).notNull(),
    senderName: text('sender_name'),
    senderId: integer('sender_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['queued', 'sent', 'delivered', 'read', 'failed'] }).notNull().default('sent'),
    whatsappMessageId: text('whatsapp_message_id'),
    templateId: integer('template_id'),
    error: text('error'),
    /** Why a send failed for good, as a code the renderer translates. */
    errorCode: text('error_code'),
    /** Outbox: sends tried so far, and when the next try is due. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    /**
     * Outbox: set just before the transport is asked to send, cleared when it answers. A
     * message still marked after a crash may have gone out; it is matched against the
     * chat's history before it is sent again, so a crash never sends it twice.
     */
    inFlightAt: integer('in_flight_at'),
    /**
     * A customer's photo, voice note or file: `pending` until it is downloaded through the
     * transport (retried when the number is next ready), `ready` once stored, `unavailable`
     * when WhatsApp no longer has it or it is over the size limit.
     */
    mediaStatus: text('media_status', { enum: ['pending', 'ready', 'unavailable'] }),
    /** JSON: what a kind other than text carries (a place, contact cards, a poll, a call, a notice…); see MessageMeta. */
    meta: text('meta'),
    /** The message this one quotes (a reply), once it is known here; `quoted_wa_id` is WhatsApp's id of it. */
    quotedMessageId: integer('quoted_message_id'),
    quotedWaId: text('quoted_wa_id'),
    /** JSON object: reacting person's WhatsApp id → emoji. */
    reactions: text('reactions'),
    /** Set by an edit (earlier texts in message_versions) and by a delete for everyone. */
    editedAt: integer('edited_at'),
    deletedAt: integer('deleted_at'),
    /** An unsupported kind's payload as WhatsApp gave it (JSON, size-capped, never a file's base64). */
    raw: text('raw'),
    /** Issue 19: a queued Cloud template send (name, language, components) as JSON. */
    cloudTemplate: text('cloud_template'),
    /** An answer's id from the browser that typed it: a resend after a dropped connection is the same message. */
    clientId: text('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_number_provider_id_unique').on(t.whatsappNumberId, t.whatsappMessageId),
    uniqueIndex('messages_conversation_client_id_unique').on(t.conversationId, t.clientId).where(sql`client_id is not null`),
    index('messages_conversation_time').on(t.conversationId, t.createdAt),
    // Only queued rows: inbound messages never touch it.
    index('messages_outbox').on(t.whatsappNumberId).where(sql`status = 'queued'`),
    // Only messages whose file is still to be fetched: ordinary messages never touch it.
    index('messages_media_pending').on(t.whatsappNumberId).where(sql`media_status = 'pending'`),
    // Our answers per number and day: the API's daily limit counts them over every path.
    index('messages_number_ours_time').on(t.whatsappNumberId, t.createdAt).where(sql`sender <> 'customer'`),
  ],
);

export const messageAttachments = sqliteTable(
  'message_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['image', 'video', 'audio', 'document'] }).notNull(),
    /** File name under the media folder beside the database: the content's SHA-256. */
    sha256: text('sha256').notNull(),
    name: text('name'),
    size: integer('size').notNull(),
    mimeType: text('mime_type').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('message_attachments_message').on(t.messageId)],
);

/** A message's earlier texts, oldest first, kept when the sender edits it. */
export const messageVersions = sqliteTable(
  'message_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    /** When this text was replaced by the next. */
    replacedAt: integer('replaced_at').notNull(),
  },
  (t) => [index('message_versions_message').on(t.messageId, t.id)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON. */
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

export const activityLog = sqliteTable(
  'activity_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: integer('entity_id'),
    /** JSON; never message bodies, tokens or passwords. */
    details: text('details'),
    createdAt: createdAt(),
    /** Who did it, frozen when written (user_id becomes null if the user is removed); the chain covers these. */
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    /** SHA-256 hex of the row's canonical fields and the previous row's hash (activity-chain.ts); triggers refuse updates and deletes. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('activity_log_created').on(t.createdAt),
    index('activity_log_user').on(t.userId),
    index('activity_log_action').on(t.action),
    index('activity_log_entity').on(t.entityType, t.entityId),
    // A conversation's resolves (issue 15: a customer message after one opens a new inquiry episode).
    index('activity_log_conversation_status').on(t.entityId, t.createdAt).where(sql`action = 'conversation.status_changed'`),
  ],
);

/** Seed 003's message_templates: `{{variables}}` in the content, counted when used. */
export const messageTemplates = sqliteTable(
  'message_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    content: text('content').notNull(),
    category: text('category'),
    /** JSON array of the variable names found in the content. */
    variables: text('variables').notNull().default('[]'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('message_templates_category').on(t.category), index('message_templates_active').on(t.isActive)],
);

/** Seed 000's contact notes: who wrote what, when. */
export const contactNotes = sqliteTable(
  'contact_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('contact_notes_contact').on(t.contactId, t.createdAt)],
);

/** Which agents may work a number's conversations (admins and supervisors see every number). */
export const numberAgents = sqliteTable(
  'number_agents',
  {
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('number_agents_pair').on(t.whatsappNumberId, t.userId), index('number_agents_user').on(t.userId)],
);

/** The office's small properties catalogue, for interests on conversations (seed 003). */
export const properties = sqliteTable('properties', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  type: text('type', { enum: ['apartment', 'villa', 'land', 'office', 'shop', 'building'] }).notNull(),
  location: text('location'),
  /** Integer halalas (riyals × 100); the rent per period when for rent. */
  price: integer('price'),
  bedrooms: integer('bedrooms'),
  /** Square metres. */
  area: integer('area'),
  status: text('status', { enum: ['available', 'reserved', 'sold', 'rented', 'off_market'] }).notNull().default('available'),
  /** JSON array of photo file names (content hashes) in the media folder. */
  photos: text('photos').notNull().default('[]'),
  branchId: integer('branch_id').references(() => branches.id, { onDelete: 'set null' }),
  listing: text('listing', { enum: ['sale', 'rent'] }).notNull().default('sale'),
  rentPeriod: text('rent_period', { enum: ['yearly', 'monthly'] }),
  city: text('city'),
  district: text('district'),
  ownerContactId: integer('owner_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  /** REGA advertising licence: its number and the last day (YYYY-MM-DD, office calendar) it is valid. */
  adLicenceNumber: text('ad_licence_number'),
  adLicenceExpiry: text('ad_licence_expiry'),
  descriptionAr: text('description_ar'),
  descriptionEn: text('description_en'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('properties_branch').on(t.branchId).where(sql`branch_id is not null`)]);

/** Every price change of a property, written in the change's transaction (feeds the `price_change` trigger). */
export const propertyPriceHistory = sqliteTable(
  'property_price_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    propertyId: integer('property_id')
      .notNull()
      .references(() => properties.id, { onDelete: 'cascade' }),
    oldPrice: integer('old_price'),
    newPrice: integer('new_price'),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: integer('changed_at').notNull(),
  },
  (t) => [index('property_price_history_property').on(t.propertyId, t.changedAt)],
);

export const conversationPropertyInterests = sqliteTable(
  'conversation_property_interests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    propertyId: integer('property_id')
      .notNull()
      .references(() => properties.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['interested', 'viewing_scheduled', 'offer_made', 'not_interested'] }).notNull().default('interested'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('property_interests_pair').on(t.conversationId, t.propertyId)],
);

/**
 * Failed sign-ins, per email (`email:<address>`) and per client (`client:<key>`), kept in the
 * database so a lock outlives a restart of the app (issue 13).
 */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: integer('first_failure_at').notNull(),
  /** 0 when not locked. */
  lockedUntil: integer('locked_until').notNull().default(0),
});

/** Issue 18: the REST API's keys; only the secret's SHA-256 is kept (shown once at creation). */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** The secret's first characters, to tell keys apart in the list. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** JSON array of 'read' | 'send' | 'manage'. */
    scopes: text('scopes').notNull(),
    /** JSON array of number ids, or null for every number the owner works. */
    numberIds: text('number_ids'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at'),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_unique').on(t.secretHash)],
);

/** A send's first answer per (key, Idempotency-Key), kept 24 h so a repeat sends nothing. */
export const apiIdempotency = sqliteTable(
  'api_idempotency',
  {
    keyId: integer('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index('api_idempotency_created').on(t.createdAt)],
);

/**
 * Seed 000's bookings: a customer's viewing of a property with an agent. The number is the
 * conversation's, kept so an agent's calendar is scoped without a join; `end_at` is stored so
 * the clash check is one range scan on (agent, start).
 */
export const viewings = sqliteTable(
  'viewings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    conversationId: integer('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    whatsappNumberId: integer('whatsapp_number_id').references(() => whatsappNumbers.id, { onDelete: 'set null' }),
    propertyId: integer('property_id')
      .notNull()
      .references(() => properties.id, { onDelete: 'cascade' }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    branchId: integer('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place'),
    notes: text('notes'),
    status: text('status', { enum: ['tentative', 'confirmed', 'done', 'no_show', 'cancelled'] }).notNull().default('tentative'),
    outsideHoursReason: text('outside_hours_reason'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('viewings_agent_start').on(t.agentId, t.startAt),
    index('viewings_start').on(t.startAt),
    index('viewings_conversation').on(t.conversationId),
    index('viewings_contact').on(t.contactId),
    index('viewings_property').on(t.propertyId),
  ],
);
/**
 * Customers' offers on properties (seed 000 العروض), in integer halalas. One accepted offer per
 * property, held by a partial unique index so two acceptances at once cannot both land.
 */
export const offers = sqliteTable(
  'offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    propertyId: integer('property_id')
      .notNull()
      .references(() => properties.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['submitted', 'countered', 'accepted', 'rejected', 'withdrawn', 'expired'] }).notNull().default('submitted'),
    firstAmount: integer('first_amount').notNull(),
    amount: integer('amount').notNull(),
    terms: text('terms'),
    /** The last office day (YYYY-MM-DD) it stands. */
    validUntil: text('valid_until').notNull(),
    awaiting: text('awaiting', { enum: ['customer', 'office'] }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('offers_one_accepted').on(t.propertyId).where(sql`status = 'accepted'`),
    index('offers_open_valid_until').on(t.validUntil).where(sql`status in ('submitted', 'countered')`),
    index('offers_property').on(t.propertyId, t.id),
    index('offers_conversation').on(t.conversationId, t.id),
    index('offers_status').on(t.status, t.id),
    index('offers_created_by').on(t.createdBy, t.id),
  ],
);

/** Every step of an offer (made, countered by either side, answered, expired), oldest first. */
export const offerSteps = sqliteTable(
  'offer_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    offerId: integer('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    by: text('by', { enum: ['customer', 'office'] }).notNull(),
    amount: integer('amount').notNull(),
    terms: text('terms'),
    validUntil: text('valid_until').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('offer_steps_offer').on(t.offerId, t.id)],
);

/** The office's promotions: while valid (office days, both included) they fill the promotion template. */
export const promotions = sqliteTable(
  'promotions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    detailsAr: text('details_ar').notNull(),
    detailsEn: text('details_en'),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('promotions_valid').on(t.validUntil, t.validFrom)],
);

/** Issue 18: CRM webhooks' endpoints; the secret is shown once and never sent to a window again. */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  /** JSON array of webhook event names. */
  events: text('events').notNull(),
  pausedAt: integer('paused_at'),
  /** 'admin' or 'failing'. */
  pausedReason: text('paused_reason'),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
});

/** Issue 18: the webhooks' persisted queue and delivery log, a row per endpoint per event. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    event: text('event').notNull(),
    payload: text('payload').notNull(),
    /** 'pending' | 'delivered' | 'failed' | 'cancelled'. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('webhook_deliveries_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`), index('webhook_deliveries_endpoint').on(t.endpointId, t.id)],
);

/**
 * Invoices, credit and debit notes (seed 000 الفواتير, ZATCA phase 1). A draft has no counter
 * value; issuing sets it from `invoice_counter`, the previous document's hash and its own
 * (SHA-256 over `canonical`). Triggers refuse any change to an issued document but its payment
 * state, and its deletion (drizzle-kit does not model triggers: they are in 0029_invoices.sql).
 */
export const invoiceDocuments = sqliteTable(
  'invoice_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uuid: text('uuid').notNull(),
    kind: text('kind', { enum: ['invoice', 'credit_note', 'debit_note'] }).notNull(),
    status: text('status', { enum: ['draft', 'issued'] }).notNull().default('draft'),
    /** tax / simplified / plain, fixed when issued. */
    invoiceType: text('invoice_type', { enum: ['tax', 'simplified', 'plain'] }),
    counterValue: integer('counter_value'),
    previousHash: text('previous_hash'),
    hash: text('hash'),
    /** The canonical JSON the hash is taken over. */
    canonical: text('canonical'),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    buyerName: text('buyer_name').notNull(),
    buyerVatNumber: text('buyer_vat_number'),
    offerId: integer('offer_id').references(() => offers.id, { onDelete: 'set null' }),
    originalId: integer('original_id').references((): AnySQLiteColumn => invoiceDocuments.id),
    reason: text('reason'),
    notes: text('notes'),
    /** The seller as printed (JSON), frozen when issued. */
    seller: text('seller'),
    /** The office day whose VAT rate applies. */
    supplyDate: text('supply_date'),
    netTotal: integer('net_total').notNull().default(0),
    vatTotal: integer('vat_total').notNull().default(0),
    total: integer('total').notNull().default(0),
    paidTotal: integer('paid_total').notNull().default(0),
    paymentStatus: text('payment_status', { enum: ['unpaid', 'partly_paid', 'paid'] }).notNull().default('unpaid'),
    issuedAt: integer('issued_at'),
    issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoice_documents_uuid').on(t.uuid),
    uniqueIndex('invoice_documents_counter').on(t.counterValue).where(sql`counter_value is not null`),
    index('invoice_documents_contact').on(t.contactId, t.id),
    index('invoice_documents_status').on(t.status, t.id),
    index('invoice_documents_issued_at').on(t.issuedAt),
    index('invoice_documents_original').on(t.originalId),
    index('invoice_documents_offer').on(t.offerId),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => invoiceDocuments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    descriptionAr: text('description_ar').notNull(),
    descriptionEn: text('description_en'),
    /** Thousandths of a unit. */
    quantityMilli: integer('quantity_milli').notNull(),
    unitPrice: integer('unit_price').notNull(),
    vatCategory: text('vat_category', { enum: ['standard', 'zero_rated', 'exempt', 'out_of_scope'] }).notNull(),
    exemptionReason: text('exemption_reason'),
    net: integer('net').notNull(),
  },
  (t) => [index('invoice_lines_document').on(t.documentId, t.position)],
);

/** Payments on issued documents; never deleted (a trigger refuses it). */
export const invoicePayments = sqliteTable(
  'invoice_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => invoiceDocuments.id),
    paidOn: text('paid_on').notNull(),
    amount: integer('amount').notNull(),
    method: text('method', { enum: ['cash', 'bank_transfer', 'card', 'cheque'] }).notNull(),
    reference: text('reference'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('invoice_payments_document').on(t.documentId, t.id)],
);

/** The one never-reset, gap-free counter of invoices, credit and debit notes (a single row). */
export const invoiceCounter = sqliteTable('invoice_counter', {
  id: integer('id').primaryKey(),
  value: integer('value').notNull(),
});

/** Issue 15: seed 003 §5's automation rules; `whatsapp_number_id` null = every number. */
export const automationRules = sqliteTable(
  'automation_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description'),
    trigger: text('trigger').notNull(),
    delayMinutes: integer('delay_minutes').notNull().default(0),
    templateId: integer('template_id')
      .notNull()
      .references(() => messageTemplates.id, { onDelete: 'restrict' }),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    whatsappNumberId: integer('whatsapp_number_id').references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    officeHoursOnly: integer('office_hours_only', { mode: 'boolean' }).notNull().default(false),
    triggeredCount: integer('triggered_count').notNull().default(0),
    successCount: integer('success_count').notNull().default(0),
    lastTriggered: integer('last_triggered'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('automation_rules_trigger').on(t.trigger), index('automation_rules_active').on(t.isActive), index('automation_rules_number').on(t.whatsappNumberId)],
);

/**
 * Issue 15: the jobs rules arm, one per rule, subject and episode (`idempotency_key`). Status
 * 'pending' | 'sent' | 'skipped' | 'cancelled' | 'expired' | 'failed', with a reason; a sent job
 * names its outbox message (whose client id is `automation:<job id>`).
 */
export const automationJobs = sqliteTable(
  'automation_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ruleId: integer('rule_id').references(() => automationRules.id, { onDelete: 'set null' }),
    ruleName: text('rule_name').notNull(),
    trigger: text('trigger').notNull(),
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    conversationId: integer('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    viewingId: integer('viewing_id').references(() => viewings.id, { onDelete: 'set null' }),
    propertyId: integer('property_id').references(() => properties.id, { onDelete: 'set null' }),
    idempotencyKey: text('idempotency_key').notNull(),
    dueAt: integer('due_at').notNull(),
    status: text('status').notNull().default('pending'),
    reason: text('reason'),
    error: text('error'),
    /** JSON: what the trigger knew when it armed the job (e.g. the property's price). */
    context: text('context'),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    uniqueIndex('automation_jobs_key_unique').on(t.idempotencyKey),
    index('automation_jobs_due').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    index('automation_jobs_rule_due').on(t.ruleId, t.dueAt),
    index('automation_jobs_conversation').on(t.conversationId, t.status),
    index('automation_jobs_contact_sent').on(t.contactId, t.finishedAt).where(sql`${t.status} = 'sent'`),
    index('automation_jobs_finished').on(t.finishedAt).where(sql`${t.finishedAt} IS NOT NULL`),
    index('automation_jobs_viewing').on(t.viewingId).where(sql`${t.viewingId} IS NOT NULL`),
    index('automation_jobs_message').on(t.messageId).where(sql`${t.messageId} IS NOT NULL`),
  ],
);

/**
 * Issue 15: one arming per conversation, message-driven trigger family ('new_inquiry' |
 * 'no_response') and episode (the message that opened it); its per-rule jobs are written into
 * `automation_jobs` only when they fall due (`next_due_at`, a lower bound) or a person acts on them.
 */
export const automationArmings = sqliteTable(
  'automation_armings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    family: text('family').notNull(),
    episode: integer('episode').notNull(),
    anchorAt: integer('anchor_at').notNull(),
    nextDueAt: integer('next_due_at'),
    endedReason: text('ended_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('automation_armings_episode').on(t.conversationId, t.family, t.episode),
    index('automation_armings_due').on(t.nextDueAt).where(sql`${t.nextDueAt} IS NOT NULL`),
    index('automation_armings_number_open').on(t.whatsappNumberId).where(sql`${t.endedReason} IS NULL`),
    index('automation_armings_contact_open').on(t.contactId).where(sql`${t.endedReason} IS NULL`),
  ],
);

/** Issue 16: seed 003 §6's AI responder config, one per number (plus the hours mode and the out-of-hours message). */
export const aiResponderConfigs = sqliteTable(
  'ai_responder_configs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
    businessHoursOnly: integer('business_hours_only', { mode: 'boolean' }).notNull().default(false),
    businessHoursStart: text('business_hours_start'),
    businessHoursEnd: text('business_hours_end'),
    timezone: text('timezone').notNull().default('Asia/Riyadh'),
    /** JSON: the five scenarios' switches. */
    scenarios: text('scenarios')
      .notNull()
      .default('{"initialGreeting":false,"faqResponses":false,"propertyInquiryResponse":false,"appointmentBooking":false,"generalQuestions":false}'),
    tone: text('tone').notNull().default('friendly'),
    language: text('language').notNull().default('ar'),
    customInstructions: text('custom_instructions'),
    fallbackToHuman: integer('fallback_to_human', { mode: 'boolean' }).notNull().default(true),
    fallbackDelay: integer('fallback_delay').notNull().default(5),
    hoursMode: text('hours_mode').notNull().default('always'),
    outOfHoursMessage: text('out_of_hours_message'),
    /** The newest message id when the AI was last switched on: only later customer messages are answered. */
    enabledFromMessageId: integer('enabled_from_message_id').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('ai_responder_configs_number_unique').on(t.whatsappNumberId)],
);

/** Issue 16: the office's one OpenAI-compatible provider (id 1); the key AES-GCM encrypted (src/main/base/secret-box.ts). */
export const aiProvider = sqliteTable('ai_provider', {
  id: integer('id').primaryKey(),
  baseUrl: text('base_url').notNull(),
  model: text('model').notNull(),
  apiKeyEncrypted: text('api_key_encrypted'),
  timeoutMs: integer('timeout_ms').notNull().default(20000),
  maxTokens: integer('max_tokens').notNull().default(400),
  /** Halalas per office day; 0 = no limit. */
  dailyBudget: integer('daily_budget').notNull().default(0),
  promptPricePerMillion: integer('prompt_price_per_million').notNull().default(0),
  completionPricePerMillion: integer('completion_price_per_million').notNull().default(0),
  mayQuotePrices: integer('may_quote_prices', { mode: 'boolean' }).notNull().default(false),
  /** 'ok' | 'failing'; a failing provider raised one notification for its outage. */
  state: text('state').notNull().default('ok'),
  lastError: text('last_error'),
  lastErrorAt: integer('last_error_at'),
  updatedAt: integer('updated_at').notNull(),
});

/** Issue 16: the office's FAQ; `search_text` is the Arabic-normalised question and answer. */
export const aiFaq = sqliteTable('ai_faq', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  question: text('question').notNull(),
  answer: text('answer').notNull(),
  language: text('language').notNull(),
  searchText: text('search_text').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Issue 16: a conversation's AI episode (reset when it is resolved and reopened): who holds it,
 * the replies so far, and its two persisted timers — the debounce (`due_at`, for the customer
 * message `due_message_id`) and the fallback to a person (`fallback_at`).
 */
export const aiConversationState = sqliteTable(
  'ai_conversation_state',
  {
    conversationId: integer('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    episodeStartedAt: integer('episode_started_at').notNull(),
    holder: text('holder').notNull().default('none'),
    paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
    repliesCount: integer('replies_count').notNull().default(0),
    aiStartedAt: integer('ai_started_at'),
    handedOffAt: integer('handed_off_at'),
    reason: text('reason'),
    outOfHoursSentAt: integer('out_of_hours_sent_at'),
    dueAt: integer('due_at'),
    dueMessageId: integer('due_message_id'),
    /** The highest customer message id a decision covered: a message is never answered twice. */
    answeredMessageId: integer('answered_message_id').notNull().default(0),
    fallbackAt: integer('fallback_at'),
    /** appointmentBooking: the slots offered (JSON `ViewingOffer`), and the viewing once one was picked. */
    viewingOffer: text('viewing_offer'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('ai_conversation_state_due').on(t.dueAt).where(sql`${t.dueAt} IS NOT NULL`),
    index('ai_conversation_state_fallback').on(t.fallbackAt).where(sql`${t.fallbackAt} IS NOT NULL`),
  ],
);

/** Issue 16: seed 003 §6's log, a row per decision, plus outcome, reason, tokens and cost (thousandths of a halala). */
export const aiResponseLogs = sqliteTable(
  'ai_response_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
    replyMessageId: integer('reply_message_id').references(() => messages.id, { onDelete: 'set null' }),
    scenario: text('scenario'),
    responseTimeMs: integer('response_time_ms').notNull().default(0),
    handedOff: integer('handed_off', { mode: 'boolean' }).notNull().default(false),
    language: text('language'),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    errorCode: text('error_code'),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    costMillihalalas: integer('cost_millihalalas').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('ai_response_logs_number').on(t.whatsappNumberId, t.createdAt),
    index('ai_response_logs_created_at').on(t.createdAt),
    uniqueIndex('ai_response_logs_reply_unique').on(t.replyMessageId).where(sql`${t.replyMessageId} IS NOT NULL`),
  ],
);

/** Issue 16: agents' 👍/👎 on AI messages, one per user and message. */
export const aiMessageRatings = sqliteTable(
  'ai_message_ratings',
  {
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: text('rating').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);

/** Issue 16: the AI stats' rollup per number and UTC quarter hour, written with each decision's log row. */
export const aiStatsQuarters = sqliteTable(
  'ai_stats_quarters',
  {
    whatsappNumberId: integer('whatsapp_number_id')
      .notNull()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    /** created_at / 900,000. */
    quarter: integer('quarter').notNull(),
    replies: integer('replies').notNull().default(0),
    handoffs: integer('handoffs').notNull().default(0),
    replyMs: integer('reply_ms').notNull().default(0),
    initialGreeting: integer('initial_greeting').notNull().default(0),
    faqResponses: integer('faq_responses').notNull().default(0),
    propertyInquiryResponse: integer('property_inquiry_response').notNull().default(0),
    appointmentBooking: integer('appointment_booking').notNull().default(0),
    generalQuestions: integer('general_questions').notNull().default(0),
    langAr: integer('lang_ar').notNull().default(0),
    langEn: integer('lang_en').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.whatsappNumberId, t.quarter] }), index('ai_stats_quarters_quarter').on(t.quarter)],
);
/**
 * Migration 0033: ended jobs counted per office day (`automation_rollup_state.time_zone`'s),
 * rule (0: deleted), number and trigger, by their status. SQLite triggers on automation_jobs
 * keep it in the same transaction as every job's end; the stats read it (rule-stats.ts).
 */
export const automationRollup = sqliteTable(
  'automation_rollup',
  {
    day: text('day').notNull(),
    ruleId: integer('rule_id').notNull(),
    whatsappNumberId: integer('whatsapp_number_id').notNull(),
    trigger: text('trigger').notNull(),
    sent: integer('sent').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    expired: integer('expired').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.whatsappNumberId, t.ruleId, t.trigger] })],
);

/** One row: the zone the rollup's days were counted in. */
export const automationRollupState = sqliteTable('automation_rollup_state', {
  id: integer('id').primaryKey(),
  timeZone: text('time_zone').notNull(),
});
/**
 * Issue 17: one row per episode (a conversation's first customer message, or the first after it
 * was resolved) with its first reply by a person — except a conversation's last episode while
 * unanswered, which is on the conversation's row (conversations.open_*); kept by the ingest and outbox transactions
 * (src/main/services/dashboard/stats-keeper.ts), rebuilt from raw rows by stats-rebuild.ts.
 */
export const dashboardEpisodes = sqliteTable(
  'dashboard_episodes',
  {
    // No AUTOINCREMENT: a new episode then writes no sqlite_sequence row inside ingest's transaction.
    id: integer('id').primaryKey(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    whatsappNumberId: integer('whatsapp_number_id').notNull(),
    startedAt: integer('started_at').notNull(),
    /** The office day (YYYY-MM-DD, office zone) the episode started on. */
    startDay: text('start_day').notNull(),
    firstReplyAt: integer('first_reply_at'),
    firstReplyMessageId: integer('first_reply_message_id'),
    /** The user who replied in the app; null when it was typed on the phone (or no reply yet). */
    firstReplyBy: integer('first_reply_by'),
    responseMs: integer('response_ms'),
    /** The same wait counted only while the office was open (the office calendar). */
    officeResponseMs: integer('office_response_ms'),
    /** The start day of the conversation's previous episode: distinct conversations over a range without a distinct count. */
    prevStartDay: text('prev_start_day'),
  },
  (t) => [
    index('dashboard_episodes_day').on(t.startDay, t.whatsappNumberId),
    index('dashboard_episodes_conversation').on(t.conversationId, t.startedAt),
    index('dashboard_episodes_replies')
      .on(t.startDay, t.whatsappNumberId, t.firstReplyBy, t.responseMs, t.officeResponseMs)
      .where(sql`first_reply_at is not null`),
    index('dashboard_episodes_repeat').on(t.startDay, t.whatsappNumberId, t.prevStartDay).where(sql`prev_start_day is not null`),
  ],
);

/** Messages per office day, number, agent (0: none), direction and type: the dashboard's charts. */
export const dashboardDaily = sqliteTable(
  'dashboard_daily',
  {
    day: text('day').notNull(),
    whatsappNumberId: integer('whatsapp_number_id').notNull(),
    agentId: integer('agent_id').notNull().default(0),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    type: text('type').notNull(),
    messages: integer('messages').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.whatsappNumberId, t.agentId, t.direction, t.type] })],
);

/** The customers who wrote on an office day, per number: "active contacts" over any range. */
export const dashboardContactDays = sqliteTable(
  'dashboard_contact_days',
  {
    day: text('day').notNull(),
    whatsappNumberId: integer('whatsapp_number_id').notNull(),
    contactId: integer('contact_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.whatsappNumberId, t.contactId] })],
);

/** Issue 19: a Cloud API number's ids and sealed secrets (whatsapp_numbers.provider = 'cloud'). */
export const cloudNumbers = sqliteTable(
  'cloud_numbers',
  {
    whatsappNumberId: integer('whatsapp_number_id')
      .primaryKey()
      .references(() => whatsappNumbers.id, { onDelete: 'cascade' }),
    phoneNumberId: text('phone_number_id').notNull(),
    wabaId: text('waba_id').notNull(),
    /** SecretBox-sealed; opened only in the core, never sent to a window or a log. */
    accessTokenSealed: text('access_token_sealed').notNull(),
    appSecretSealed: text('app_secret_sealed').notNull(),
    verifyTokenSealed: text('verify_token_sealed').notNull(),
    /** Random, url-safe: the number's callback path, so the receiver picks the app secret before parsing. */
    pathKey: text('path_key').notNull(),
    displayPhoneNumber: text('display_phone_number'),
    verifiedName: text('verified_name'),
    qualityRating: text('quality_rating'),
    checkedAt: integer('checked_at'),
    /** Meta refused the token (190): the number waits for a new one. */
    tokenExpiredAt: integer('token_expired_at'),
    lastWebhookAt: integer('last_webhook_at'),
    /** The public URL last registered with Meta as the callback (override_callback_uri). */
    publicUrl: text('public_url'),
    registeredAt: integer('registered_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('cloud_numbers_phone_number_id_unique').on(t.phoneNumberId), uniqueIndex('cloud_numbers_path_key_unique').on(t.pathKey)],
);

/** Issue 19: message templates synced from a WABA, one per name and language. */
export const cloudTemplates = sqliteTable(
  'cloud_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wabaId: text('waba_id').notNull(),
    metaId: text('meta_id'),
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category'),
    status: text('status').notNull(),
    headerText: text('header_text'),
    bodyText: text('body_text').notNull(),
    footerText: text('footer_text'),
    /** Meta's components as JSON. */
    components: text('components').notNull(),
    /** TemplateParameters as JSON. */
    parameters: text('parameters').notNull(),
    syncedAt: integer('synced_at').notNull(),
  },
  (t) => [uniqueIndex('cloud_templates_waba_name_language_unique').on(t.wabaId, t.name, t.language)],
);

/** The last office day each customer wrote on, per number: active customers of a range that ends today, by index. */
export const dashboardContactLast = sqliteTable(
  'dashboard_contact_last',
  {
    contactId: integer('contact_id').notNull(),
    whatsappNumberId: integer('whatsapp_number_id').notNull(),
    lastDay: text('last_day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.whatsappNumberId] })],
);
