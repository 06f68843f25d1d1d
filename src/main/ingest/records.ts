import type Database from 'better-sqlite3';
import type { ConversationView, MessageView, QuotedView, SendErrorCode } from '../../shared/inbox/types';
import { messageKinds, type MessageMeta } from '../../shared/inbox/message-meta';
import type { AttachmentType, ConversationStatus, MessageSender, MessageStatus } from '../../shared/domain';
import { toIso } from '../base/clock';

/** Rows as SQLite returns them, and their views for the contract. */

export interface ConversationRow {
  id: number;
  contact_id: number;
  whatsapp_number_id: number;
  last_message: string | null;
  last_message_time: number | null;
  unread_count: number;
  status: ConversationStatus;
  is_starred: number;
  is_archived: number;
  assigned_agent_id: number | null;
  wa_chat_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  number_name: string;
  assigned_agent_name: string | null;
}

export interface MessageRow {
  id: number;
  conversation_id: number;
  whatsapp_number_id: number;
  content: string;
  type: string;
  sender: MessageSender;
  sender_name: string | null;
  status: MessageStatus;
  whatsapp_message_id: string | null;
  error: string | null;
  error_code: string | null;
  attempts: number;
  next_attempt_at: number | null;
  in_flight_at: number | null;
  media_status: 'pending' | 'ready' | 'unavailable' | null;
  meta: string | null;
  quoted_message_id: number | null;
  quoted_wa_id: string | null;
  reactions: string | null;
  edited_at: number | null;
  deleted_at: number | null;
  raw: string | null;
  /** Issue 19: a queued Cloud template send (name, language, components) as JSON. */
  cloud_template: string | null;
  /** Only on answers sent with one (migration 0015). */
  client_id?: string | null;
  created_at: number;
}

/** What a reply shows of the message it quotes. */
interface QuotedRow {
  id: number;
  content: string;
  type: string;
  sender: MessageSender;
  deleted_at: number | null;
}

export interface AttachmentRow {
  id: number;
  message_id: number;
  type: AttachmentType;
  sha256: string;
  name: string | null;
  size: number;
  mime_type: string;
}

/** A conversation's columns, with its contact, number and assignee, as every view shows it. */
export const conversationColumns = `c.id, c.contact_id, c.whatsapp_number_id, c.last_message, c.last_message_time, c.unread_count,
         c.status, c.is_starred, c.is_archived, c.assigned_agent_id, c.wa_chat_id,
         ct.name as contact_name, ct.phone as contact_phone, n.name as number_name, au.name as assigned_agent_name`;

/**
 * CROSS JOIN keeps conversations the outer loop: SQLite never reorders it, so a page is read
 * straight off a conversations index instead of starting from the (few) numbers and sorting
 * every conversation. Both keys are NOT NULL and enforced, so the rows are the same.
 */
export const conversationJoins = `cross join contacts ct on ct.id = c.contact_id
  cross join whatsapp_numbers n on n.id = c.whatsapp_number_id
  left join users au on au.id = c.assigned_agent_id`;

export const conversationSelect = `
  select ${conversationColumns}
  from conversations c
  ${conversationJoins}`;

export function toConversationView(row: ConversationRow): ConversationView {
  return {
    id: row.id,
    contact: { id: row.contact_id, name: row.contact_name, phone: row.contact_phone },
    whatsappNumberId: row.whatsapp_number_id,
    numberName: row.number_name,
    lastMessage: row.last_message,
    lastMessageTime: row.last_message_time === null ? null : toIso(row.last_message_time),
    unreadCount: row.unread_count,
    status: row.status,
    isStarred: row.is_starred === 1,
    isArchived: row.is_archived === 1,
    assignedAgentId: row.assigned_agent_id,
    assignedAgentName: row.assigned_agent_name,
  };
}

export function toMessageView(row: MessageRow, attachments: readonly AttachmentRow[] = [], quotedRow?: QuotedRow): MessageView {
  const meta = parseJson<MessageMeta>(row.meta) ?? {};
  return {
    id: row.id,
    conversationId: row.conversation_id,
    content: row.content,
    type: row.type,
    sender: row.sender,
    senderName: row.sender_name,
    status: row.status,
    error: row.error,
    errorCode: (row.error_code as SendErrorCode | null) ?? null,
    mediaStatus: row.media_status ?? null,
    attachments: attachments.map((a) => ({ id: a.id, type: a.type, name: a.name, size: a.size, mimeType: a.mime_type })),
    createdAt: toIso(row.created_at),
    meta,
    quoted: quotedView(meta, quotedRow),
    reactions: reactionCounts(row.reactions),
    editedAt: row.edited_at === null ? null : toIso(row.edited_at),
    deletedAt: row.deleted_at === null ? null : toIso(row.deleted_at),
    ...(row.client_id ? { clientId: row.client_id } : {}),
  };
}

function quotedView(meta: MessageMeta, row: QuotedRow | undefined): QuotedView | null {
  if (row) return { id: row.id, content: row.content, type: row.type, fromMe: row.sender !== 'customer', deleted: row.deleted_at !== null };
  if (meta.quoted) return { id: null, content: meta.quoted.content, type: meta.quoted.type, fromMe: meta.quoted.fromMe, deleted: false };
  return null;
}

/** Emoji with their counts, most used first (ties in first-seen order). */
function reactionCounts(json: string | null): MessageView['reactions'] {
  const bySender = parseJson<Record<string, string>>(json);
  if (!bySender) return [];
  const counts = new Map<string, number>();
  for (const emoji of Object.values(bySender)) if (emoji) counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
  return [...counts].map(([emoji, count]) => ({ emoji, count })).sort((a, b) => b.count - a.count);
}

function parseJson<T>(json: string | null): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** Messages as views with their attachments, read in one query for a whole page. */
export function messageViewReader(sqlite: Database.Database) {
  const forIds = sqlite.prepare<[string], AttachmentRow>(
    'select * from message_attachments where message_id in (select value from json_each(?)) order by id',
  );
  const quotedForIds = sqlite.prepare<[string], QuotedRow>(
    'select id, content, type, sender, deleted_at from messages where id in (select value from json_each(?))',
  );
  return (rows: readonly MessageRow[]): MessageView[] => {
    // Only messages that have (or await) a file: a page of plain text costs no second query.
    const withMedia = rows.filter((r) => r.media_status !== null).map((r) => r.id);
    const attachments = withMedia.length > 0 ? forIds.all(JSON.stringify(withMedia)) : [];
    const byMessage = new Map<number, AttachmentRow[]>();
    for (const a of attachments) byMessage.set(a.message_id, [...(byMessage.get(a.message_id) ?? []), a]);
    // Likewise replies: only a page that has some reads the messages they quote.
    const quotedIds = [...new Set(rows.map((r) => r.quoted_message_id).filter((id): id is number => id !== null))];
    const quoted = new Map(quotedIds.length > 0 ? quotedForIds.all(JSON.stringify(quotedIds)).map((q) => [q.id, q] as const) : []);
    return rows.map((row) => toMessageView(row, byMessage.get(row.id), row.quoted_message_id === null ? undefined : quoted.get(row.quoted_message_id)));
  };
}

/** Reads a conversation with its contact and number, as every event and channel shows it. */
export function conversationReader(sqlite: Database.Database) {
  const byId = sqlite.prepare<[number], ConversationRow>(`${conversationSelect} where c.id = ?`);
  return (id: number): ConversationView | null => {
    const row = byId.get(id);
    return row ? toConversationView(row) : null;
  };
}

/** What a message list shows for a message in its preview line. */
export function previewOf(content: string, type: string): string {
  const text = content.trim();
  const short = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  // The kinds beyond text and files say what they are (the renderer words it): `[location] Name`.
  if ((messageKinds as readonly string[]).includes(type)) return short ? `[${type}] ${short}` : `[${type}]`;
  if (text) return short;
  return `[${type}]`;
}
