import type Database from 'better-sqlite3';
import type { JobRow } from '../job-store';

/** What a claim reads of a job's conversation: its chat, number and customer, and who it is assigned to. */
export interface SubjectConversation {
  id: number;
  whatsapp_number_id: number;
  wa_chat_id: string | null;
  removed_at: number | null;
  /** `cloud`: Meta's 24-hour window applies to the number's free text. */
  provider: string;
  opted_out_at: number | null;
  number_phone: string | null;
  agent_name: string | null;
}

/** A job's contact, as its template's variables name them. */
export interface SubjectContact {
  customer_name: string | null;
  customer_phone: string | null;
}

/**
 * The conversations, contacts and recent automated sends of one batch's jobs, read with one
 * query per kind inside the batch's transaction rather than a few per job (issue 15's 10,000
 * jobs falling due together). Nothing else writes while the transaction runs, and the batch's
 * own sends are counted as they happen, so what is read here stays true until its commit.
 */
export class BatchSubjects {
  private readonly q;
  private conversations = new Map<number, SubjectConversation>();
  private contacts = new Map<number, SubjectContact>();
  /** Automated messages sent to each contact within the cap's window, this batch's included. */
  private sends = new Map<number, number>();

  constructor(sqlite: Database.Database) {
    this.q = {
      conversations: sqlite.prepare<[string], SubjectConversation>(
        `select c.id, c.whatsapp_number_id, c.wa_chat_id, n.removed_at, n.provider, ct.automation_opted_out_at as opted_out_at, n.phone_number as number_phone, u.name as agent_name
         from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id join contacts ct on ct.id = c.contact_id
         left join users u on u.id = c.assigned_agent_id
         where c.id in (select value from json_each(?))`,
      ),
      contacts: sqlite.prepare<[string], SubjectContact & { id: number }>(
        'select id, name as customer_name, phone as customer_phone from contacts where id in (select value from json_each(?))',
      ),
      sends: sqlite.prepare<[number, string], { contact_id: number; n: number }>(
        `select contact_id, count(*) as n from automation_jobs
         where status = 'sent' and finished_at > ? and contact_id in (select value from json_each(?)) group by contact_id`,
      ),
    };
  }

  /** Reads what `jobs` need; sends counted since `since` (the cap's window). */
  read(jobs: readonly JobRow[], since: number): void {
    const conversationIds = [...new Set(jobs.flatMap((j) => (j.conversation_id === null ? [] : [j.conversation_id])))];
    const contactIds = JSON.stringify([...new Set(jobs.map((j) => j.contact_id))]);
    this.conversations = new Map(this.q.conversations.all(JSON.stringify(conversationIds)).map((c) => [c.id, c]));
    this.contacts = new Map(this.q.contacts.all(contactIds).map(({ id, ...c }) => [id, c]));
    this.sends = new Map(this.q.sends.all(since, contactIds).map((s) => [s.contact_id, s.n]));
  }

  conversation(id: number | null): SubjectConversation | undefined {
    return id === null ? undefined : this.conversations.get(id);
  }

  contact(id: number): SubjectContact | undefined {
    return this.contacts.get(id);
  }

  sentTo(contactId: number): number {
    return this.sends.get(contactId) ?? 0;
  }

  /** A message to this contact was written in the batch: the next job to them sees it. */
  sent(contactId: number): void {
    this.sends.set(contactId, this.sentTo(contactId) + 1);
  }
}
