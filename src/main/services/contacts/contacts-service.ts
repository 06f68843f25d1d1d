import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ContactConversation, ContactDetails, ContactNoteView, ContactPage, ContactView, TagCount } from '../../../shared/contacts/types';
import type { addNoteInput, contactListInput, createContactInput, exportInput, importInput, importPreviewInput, updateContactInput } from '../../../shared/contacts/schemas';
import { toIso, type Clock } from '../../base/clock';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { EventBus } from '../../events/event-bus';
import { normalizePhone } from '../../base/phone';
import type { SearchIndex } from '../../search/search-index';
import { errorReasons } from '../../../shared/errors';
import { AppError, fieldError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { ContactAccess } from './contact-access';
import { contactFilterSql } from './contact-filter';
import { contactColumns, dayToMs, decodeCursor, encodeCursor, preferenceColumns, preferenceValues, toContactView, type ContactCursor, type ContactRow } from './contact-records';
import { ContactsTransfer } from './contacts-transfer';

export interface ContactsDeps {
  sqlite: Database.Database;
  searchIndex: SearchIndex;
  activity: ActivityLog;
  bus: EventBus;
  clock: Clock;
  /** The WhatsApp numbers the caller may work; null for all of them. */
  allowedNumbers(caller: Caller): number[] | null;
  /** Tells open inboxes a conversation changed (its contact's name did). */
  publishConversation(conversationId: number): void;
  /** The bytes of a finished upload of this user (a CSV to import); a field error on `uploadId` otherwise. */
  readUpload(ownerId: number, uploadId: string): { bytes: Buffer; mimeType: string };
  /** An imported file's upload is done with (its bytes go with the media store's daily sweep). */
  forgetUpload(uploadId: string): void;
}

interface NoteRow {
  id: number;
  contact_id: number;
  content: string;
  created_by: number | null;
  author_name: string | null;
  created_at: number;
}

interface ConversationRow {
  id: number;
  whatsapp_number_id: number;
  number_name: string;
  number_status: ContactConversation['numberStatus'];
  removed_at: number | null;
  status: ContactConversation['status'];
  last_message: string | null;
  last_message_time: number | null;
  unread_count: number;
}

const phoneTaken = () => fieldError('phone', 'phone_taken', 'A contact with this phone already exists', 'CONFLICT');
const isUniqueViolation = (error: unknown) => error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Seed 000's contacts and contact notes: the office's customers, their tags, follow-ups and notes. */
export class ContactsService {
  private readonly transfer: ContactsTransfer;
  /** Agents see and touch only the customers of the numbers they work (issue 13). */
  readonly access: ContactAccess;
  private readonly q;

  constructor(private readonly deps: ContactsDeps) {
    const { sqlite } = deps;
    this.transfer = new ContactsTransfer(deps);
    this.access = new ContactAccess(sqlite, deps.allowedNumbers);
    this.q = {
      byId: sqlite.prepare<[number], ContactRow>(`select ${contactColumns} from contacts c where c.id = ?`),
      idByPhone: sqlite.prepare<[string], { id: number }>('select id from contacts where phone = ?'),
      insert: sqlite.prepare<[string, string, string | null, string, number | null, number, number, number]>(
        'insert into contacts (phone, name, email, tags, follow_up_date, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      reindex: sqlite.prepare<[number]>("insert into search_queue (kind, row_id) values ('c', ?)"),
      setPreferences: sqlite.prepare<[...(string | number | null)[], number]>(`update contacts set ${preferenceColumns.map((c) => `${c} = ?`).join(', ')} where id = ?`),
      notes: sqlite.prepare<[number], NoteRow>(
        `select n.id, n.contact_id, n.content, n.created_by, u.name as author_name, n.created_at
         from contact_notes n left join users u on u.id = n.created_by
         where n.contact_id = ? order by n.created_at desc, n.id desc limit 500`,
      ),
      note: sqlite.prepare<[number], NoteRow>(
        `select n.id, n.contact_id, n.content, n.created_by, u.name as author_name, n.created_at
         from contact_notes n left join users u on u.id = n.created_by where n.id = ?`,
      ),
      insertNote: sqlite.prepare<[number, string, number, number]>('insert into contact_notes (contact_id, content, created_by, created_at) values (?, ?, ?, ?)'),
      deleteNote: sqlite.prepare<[number]>('delete from contact_notes where id = ?'),
      conversations: sqlite.prepare<[number], ConversationRow>(
        `select c.id, c.whatsapp_number_id, n.name as number_name, n.status as number_status, n.removed_at,
                c.status, c.last_message, c.last_message_time, c.unread_count
         from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id
         where c.contact_id = ? order by c.last_message_time desc nulls last, c.id desc`,
      ),
      conversationIds: sqlite.prepare<[number], { id: number }>('select id from conversations where contact_id = ?'),
    };
  }

  /** Today in the office's calendar, as follow-up days are stored. */
  today(): number {
    return dayToMs(officeCalendarOf(this.deps.sqlite).officeDay(this.deps.clock.now()));
  }

  /** Named contacts by name, then those known only by phone, newest first; `cursor` continues. */
  list(caller: Caller, input: z.output<typeof contactListInput>): ContactPage {
    this.flushSearch(input.search);
    const cursor = input.cursor === undefined ? null : decodeCursor(input.cursor);
    if (input.cursor !== undefined && !cursor) throw fieldError('cursor', 'invalid', 'Unknown cursor');
    const scope = this.access.scope(caller);
    const { where, params } = contactFilterSql(input, this.today(), scope);
    const filtered = (extra: string[]) => [...where, ...extra].join(' and ') || '1';
    const page = (extra: string[], order: string, limit: number, more: Record<string, string | number>) =>
      this.deps.sqlite
        .prepare<[Record<string, string | number>], ContactRow>(`select ${contactColumns} from contacts c where ${filtered(extra)} order by ${order} limit @limit`)
        .all({ ...params, ...more, limit });

    let rows: ContactRow[] = [];
    if (!cursor || cursor.name !== null) {
      const after = cursor ? ['(c.name > @cname or (c.name = @cname and c.id > @cid))'] : [];
      rows = page(['c.name is not null', ...after], 'c.name, c.id', input.limit + 1, cursor ? { cname: cursor.name!, cid: cursor.id } : {});
    }
    if (rows.length <= input.limit) {
      const after = cursor && cursor.name === null ? ['c.id < @cid'] : [];
      rows = rows.concat(page(['c.name is null', ...after], 'c.id desc', input.limit + 1 - rows.length, cursor && cursor.name === null ? { cid: cursor.id } : {}));
    }
    const more = rows.length > input.limit;
    const shown = more ? rows.slice(0, input.limit) : rows;
    const last = shown[shown.length - 1];
    const next: ContactCursor | null = more && last ? { name: last.name, id: last.id } : null;
    const counted = contactFilterSql(input, this.today(), scope, 'set');
    const total = this.deps.sqlite
      .prepare<[Record<string, string | number>], { n: number }>(`select count(*) as n from contacts c where ${counted.where.join(' and ') || '1'}`)
      .get(counted.params)!.n;
    return { data: shown.map(toContactView), meta: { limit: input.limit, next: next ? encodeCursor(next) : null, total } };
  }

  get(caller: Caller, id: number): ContactDetails {
    const contact = this.view(id);
    this.access.require(caller, id);
    const allowed = this.deps.allowedNumbers(caller);
    const conversations = this.q.conversations
      .all(id)
      .filter((row) => allowed === null || allowed.includes(row.whatsapp_number_id))
      .map(
        (row): ContactConversation => ({
          id: row.id,
          whatsappNumberId: row.whatsapp_number_id,
          numberName: row.number_name,
          numberStatus: row.number_status,
          numberRemoved: row.removed_at !== null,
          status: row.status,
          lastMessage: row.last_message,
          lastMessageTime: toIso(row.last_message_time),
          unreadCount: row.unread_count,
        }),
      );
    return { contact, notes: this.q.notes.all(id).map(toNoteView), conversations };
  }

  create(caller: Caller, input: z.output<typeof createContactInput>): ContactView {
    const phone = this.validPhone(input.phone);
    if (this.q.idByPhone.get(phone)) throw phoneTaken();
    const now = this.deps.clock.now();
    let id: number;
    try {
      id = this.deps.sqlite.transaction(() => {
        const info = this.q.insert.run(phone, input.name, input.email ?? null, JSON.stringify(input.tags), input.followUpDate ? dayToMs(input.followUpDate) : null, caller.user.id, now, now);
        const created = Number(info.lastInsertRowid);
        if (input.preferences) this.q.setPreferences.run(...preferenceValues(input.preferences), created);
        return created;
      })();
    } catch (error) {
      if (isUniqueViolation(error)) throw phoneTaken();
      throw error;
    }
    this.deps.activity.record({ userId: caller.user.id, action: 'contact.created', entityType: 'contact', entityId: id });
    this.publishChanged(id);
    return this.view(id);
  }

  update(caller: Caller, input: z.output<typeof updateContactInput>): ContactView {
    const before = this.row(input.id);
    this.access.require(caller, input.id);
    const sets: string[] = [];
    const values: (string | number | null)[] = [];
    const changed: string[] = [];
    const set = (field: string, column: string, value: string | number | null, old: string | number | null) => {
      if (value === old) return;
      sets.push(`${column} = ?`);
      values.push(value);
      changed.push(field);
    };
    if (input.name !== undefined) set('name', 'name', input.name, before.name);
    if (input.phone !== undefined) {
      const phone = this.validPhone(input.phone);
      const owner = this.q.idByPhone.get(phone);
      if (owner && owner.id !== input.id) throw phoneTaken();
      set('phone', 'phone', phone, before.phone);
    }
    if (input.email !== undefined) set('email', 'email', input.email, before.email);
    if (input.tags !== undefined) set('tags', 'tags', JSON.stringify(input.tags), before.tags);
    if (input.followUpDate !== undefined) set('followUpDate', 'follow_up_date', input.followUpDate ? dayToMs(input.followUpDate) : null, before.follow_up_date);
    if (input.preferences !== undefined) {
      const next = preferenceValues(input.preferences);
      preferenceColumns.forEach((column, i) => {
        if (next[i] === before[column]) return;
        sets.push(`${column} = ?`);
        values.push(next[i] ?? null);
        if (!changed.includes('preferences')) changed.push('preferences');
      });
    }
    if (sets.length === 0) return toContactView(before);

    try {
      this.deps.sqlite.transaction(() => {
        this.deps.sqlite.prepare(`update contacts set ${sets.join(', ')}, updated_at = ? where id = ?`).run(...values, this.deps.clock.now(), input.id);
        // The index's trigger follows name changes only; an email is searchable too.
        if (changed.includes('email')) this.q.reindex.run(input.id);
      })();
    } catch (error) {
      if (isUniqueViolation(error)) throw phoneTaken();
      throw error;
    }
    this.deps.activity.record({ userId: caller.user.id, action: 'contact.updated', entityType: 'contact', entityId: input.id, details: { fields: changed } });
    this.publishChanged(input.id);
    // Inbox lists show the contact's name and phone: their rows change with it.
    if (changed.includes('name') || changed.includes('phone')) for (const { id } of this.q.conversationIds.all(input.id)) this.deps.publishConversation(id);
    return this.view(input.id);
  }

  /** The tags on the contacts the caller may see, most used first. */
  tags(caller: Caller): TagCount[] {
    const scope = this.access.scope(caller);
    return this.deps.sqlite
      .prepare<[Record<string, string | number>], TagCount>(
        `select t.value as tag, count(*) as count from contacts c, json_each(c.tags) t where ${scope?.whereSet ?? '1'} group by t.value order by count desc, t.value`,
      )
      .all(scope?.params ?? {});
  }

  /** Notes go with their contact: whoever may see the customer reads every note on them. */
  addNote(caller: Caller, input: z.output<typeof addNoteInput>): ContactNoteView {
    this.row(input.contactId);
    this.access.require(caller, input.contactId);
    const info = this.q.insertNote.run(input.contactId, input.content, caller.user.id, this.deps.clock.now());
    const id = Number(info.lastInsertRowid);
    this.deps.activity.record({ userId: caller.user.id, action: 'contact.note_added', entityType: 'contact', entityId: input.contactId });
    this.publishChanged(input.contactId);
    return toNoteView(this.q.note.get(id)!);
  }

  /** The author may take back their note; admins and supervisors may remove any. */
  deleteNote(caller: Caller, id: number): { ok: true } {
    const note = this.q.note.get(id);
    if (!note) throw new AppError('NOT_FOUND');
    this.access.require(caller, note.contact_id);
    if (note.created_by !== caller.user.id && caller.user.role === 'agent') throw new AppError('FORBIDDEN', errorReasons.notNoteAuthor);
    this.q.deleteNote.run(id);
    this.deps.activity.record({ userId: caller.user.id, action: 'contact.note_deleted', entityType: 'contact', entityId: note.contact_id });
    this.publishChanged(note.contact_id);
    return { ok: true };
  }

  importPreview(caller: Caller, input: z.output<typeof importPreviewInput>) {
    return this.transfer.preview(caller, input);
  }

  import(caller: Caller, input: z.output<typeof importInput>) {
    return this.transfer.import(caller, input);
  }

  export(caller: Caller, input: z.output<typeof exportInput>) {
    this.flushSearch(input.search);
    return this.transfer.export(caller, input, this.today(), this.access.scope(caller));
  }

  /** Tells the windows of those who may see the contact that it changed. */
  private publishChanged(contactId: number): void {
    this.deps.bus.publish('contact.changed', { contactId }, this.access.audience(contactId));
  }

  private flushSearch(search: string | undefined): void {
    // Every queued change is indexed before a search reads the index (an import queues thousands).
    if (search?.trim()) while (this.deps.searchIndex.flush(5_000) > 0);
  }

  private validPhone(input: string): string {
    const phone = normalizePhone(input);
    if (!phone) throw fieldError('phone', 'invalid_phone', 'Not a valid phone number');
    return phone;
  }

  private row(id: number): ContactRow {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  private view(id: number): ContactView {
    return toContactView(this.row(id));
  }
}

function toNoteView(row: NoteRow): ContactNoteView {
  return {
    id: row.id,
    contactId: row.contact_id,
    content: row.content,
    author: row.created_by !== null && row.author_name !== null ? { id: row.created_by, name: row.author_name } : null,
    createdAt: toIso(row.created_at),
  };
}
