import type Database from 'better-sqlite3';
import type { AutomationTrigger, JobReason, JobStatus } from '../../../shared/automation/types';
import type { Clock } from '../../base/clock';
import { pendingDueFloorSql } from './jobs/pending-floor';

/** A job as a trigger arms it: one per rule, subject and episode, named by `key`. */
export interface JobToArm {
  ruleId: number;
  ruleName: string;
  trigger: AutomationTrigger;
  whatsappNumberId: number;
  conversationId: number | null;
  contactId: number;
  viewingId?: number | null;
  propertyId?: number | null;
  /**
   * Unique for ever: `<rule id>:<trigger>:<subject>:<episode>` (e.g. `7:new_inquiry:c42:m1093`,
   * the conversation and the message that opened the episode). A repeated event arms nothing new.
   */
  key: string;
  dueAt: number;
  /** What the trigger knew (e.g. `{ price }`), read when the job is sent. */
  context?: Record<string, unknown> | null;
}

export interface JobRow {
  id: number;
  rule_id: number | null;
  rule_name: string;
  trigger: AutomationTrigger;
  whatsapp_number_id: number;
  conversation_id: number | null;
  contact_id: number;
  viewing_id: number | null;
  property_id: number | null;
  idempotency_key: string;
  due_at: number;
  status: JobStatus;
  reason: JobReason | null;
  error: string | null;
  context: string | null;
  message_id: number | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** Which pending jobs a cancel or re-time touches; every given field must match. */
export interface JobFilter {
  ruleId?: number;
  trigger?: AutomationTrigger | readonly AutomationTrigger[];
  conversationId?: number;
  contactId?: number;
  viewingId?: number;
  propertyId?: number;
  whatsappNumberId?: number;
  /** Only jobs whose key starts with this (e.g. one episode's). */
  keyPrefix?: string;
  /** A further condition on the job's columns, written by the caller (never from input): e.g. "key not this one". */
  where?: { sql: string; params: unknown[] };
}

/**
 * A query (never built from input) whose rows are jobs to arm, in this column order:
 * rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, viewing_id,
 * property_id, idempotency_key, due_at, context. Set-based arming: one statement for any number of jobs.
 */
export interface JobCandidates {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The one place automation jobs are written. Every call is a single statement or runs inside
 * the caller's transaction, so a trigger can arm a job in the same transaction as the change
 * that caused it. Only `pending` jobs are ever touched: an ended job is history.
 */
/** Jobs not yet written as rows (armings, armings/arming-store.ts): the runner writes them as they fall due. */
export interface LazyJobs {
  /** Writes the jobs due by `now` (at most `limit` sources read), inside the caller's transaction. */
  materialiseDue(store: JobStore, now: number, limit: number): boolean;
  /** The earliest instant a not-yet-written job may fall due, or null. */
  firstDue(): number | null;
}

export class JobStore {
  private readonly q;
  /** Set by the triggers: where the message-driven triggers' jobs wait before they are rows. */
  lazy: LazyJobs | null = null;
  /** Told after jobs were armed or re-timed, so the runner can wake earlier than its tick. */
  changed: (earliestDueAt: number | null) => void = () => {};
  /** While a trigger pass runs (`collect`), the ids of the jobs it armed, re-timed or ended, to announce after its commit. */
  private touched: number[] | null = null;
  /** Set-based statements, prepared once per text: the message path runs the same few again and again. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
  ) {
    this.q = {
      arm: sqlite.prepare<[number, string, string, number, number | null, number, number | null, number | null, string, number, string | null, number, number]>(
        `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, viewing_id, property_id, idempotency_key, due_at, context, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing`,
      ),
      armEnded: sqlite.prepare<[number, string, string, number, number | null, number, number | null, number | null, string, number, string | null, string, string, number, number, number]>(
        `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, viewing_id, property_id, idempotency_key, due_at, context, status, reason, finished_at, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing`,
      ),
      byId: sqlite.prepare<[number], JobRow>('select * from automation_jobs where id = ?'),
      byKey: sqlite.prepare<[string], JobRow>('select * from automation_jobs where idempotency_key = ?'),
    };
  }

  /** Arms a job unless its key was armed before (whatever became of it); the new row, or null. */
  arm(job: JobToArm): JobRow | null {
    const now = this.clock.now();
    const info = this.q.arm.run(
      job.ruleId, job.ruleName, job.trigger, job.whatsappNumberId, job.conversationId, job.contactId, job.viewingId ?? null, job.propertyId ?? null,
      job.key, job.dueAt, job.context ? JSON.stringify(job.context) : null, now, now,
    );
    if (info.changes === 0) return null;
    this.changed(job.dueAt);
    const row = this.q.byId.get(Number(info.lastInsertRowid))!;
    this.touched?.push(row.id);
    return row;
  }

  /** Writes a job unless its key exists, without reading it back or announcing it (armings, written as they fall due); whether it was new. */
  armRow(job: JobToArm): boolean {
    const now = this.clock.now();
    return (
      this.q.arm.run(
        job.ruleId, job.ruleName, job.trigger, job.whatsappNumberId, job.conversationId, job.contactId, job.viewingId ?? null, job.propertyId ?? null,
        job.key, job.dueAt, job.context ? JSON.stringify(job.context) : null, now, now,
      ).changes > 0
    );
  }

  /** Writes a job already ended (an arming ended before it was written), unless its key exists; whether it was new. */
  armEnded(job: JobToArm, status: Exclude<JobStatus, 'pending' | 'sent'>, reason: JobReason, finishedAt: number): boolean {
    return (
      this.q.armEnded.run(
        job.ruleId, job.ruleName, job.trigger, job.whatsappNumberId, job.conversationId, job.contactId, job.viewingId ?? null, job.propertyId ?? null,
        job.key, job.dueAt, job.context ? JSON.stringify(job.context) : null, status, reason, finishedAt, finishedAt, finishedAt,
      ).changes > 0
    );
  }

  /**
   * Runs `run` noting every job it arms one by one, re-times or ends (set-based arming over a
   * whole office is not noted: whoever switched the rule on announces that). The caller
   * announces the notes once its transaction committed.
   */
  collect(run: () => void): number[] {
    const outer = this.touched;
    const notes: number[] = [];
    this.touched = notes;
    try {
      run();
    } finally {
      this.touched = outer;
    }
    if (outer) for (const id of notes) outer.push(id);
    return notes;
  }

  /** Arms every candidate whose key was never armed, in one statement; how many were armed. */
  armFrom(candidates: JobCandidates): number {
    const now = this.clock.now();
    const info = this.prepared(
      `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, viewing_id, property_id, idempotency_key, due_at, context, created_at, updated_at)
       select rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, viewing_id, property_id, idempotency_key, due_at, context, @armedAt, @armedAt
       from (${candidates.sql}) where true on conflict (idempotency_key) do nothing`,
    ).run({ ...candidates.params, armedAt: now });
    if (info.changes > 0) this.changed(null);
    return info.changes;
  }

  /**
   * Candidates read afresh after a batch of messages (its conversations'): each armed if its key
   * is new, or re-timed if it waits under that key with another due instant, in one statement
   * however many there are (an upsert: no read, insert and re-read per job). Returns how many changed.
   */
  armOrRetime(candidates: JobCandidates): number {
    const now = this.clock.now();
    const rows = this.prepared(
      `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, viewing_id, property_id, idempotency_key, due_at, context, created_at, updated_at)
       select rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, viewing_id, property_id, idempotency_key, due_at, context, @armedAt, @armedAt
       from (${candidates.sql}) where true
       on conflict (idempotency_key) do update set due_at = excluded.due_at, updated_at = excluded.updated_at
         where automation_jobs.status = 'pending' and automation_jobs.due_at <> excluded.due_at
       returning id, due_at`,
    ).all({ ...candidates.params, armedAt: now }) as { id: number; due_at: number }[];
    if (rows.length === 0) return 0;
    let earliest = rows[0]!.due_at;
    for (const r of rows) {
      if (r.due_at < earliest) earliest = r.due_at;
      this.touched?.push(r.id);
    }
    this.changed(earliest);
    return rows.length;
  }

  /** What a candidate query would arm, without writing: how many, and the soonest `limit` with their contact. */
  preview(candidates: JobCandidates, limit: number): { count: number; sample: { conversation_id: number | null; contact_id: number; contact_name: string | null; contact_phone: string | null; due_at: number }[] } {
    const count = this.prepared(`select count(*) as n from (${candidates.sql})`).get(candidates.params) as { n: number };
    const sample = this.prepared(
      `select c.conversation_id, c.contact_id, ct.name as contact_name, ct.phone as contact_phone, c.due_at
       from (${candidates.sql}) c join contacts ct on ct.id = c.contact_id order by c.due_at, c.contact_id limit @sampleLimit`,
    ).all({ ...candidates.params, sampleLimit: limit }) as { conversation_id: number | null; contact_id: number; contact_name: string | null; contact_phone: string | null; due_at: number }[];
    return { count: count.n, sample };
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Replaces a pending job's context (a later price within the same collapse window). */
  setContext(id: number, context: Record<string, unknown>): boolean {
    return this.sqlite.prepare(`update automation_jobs set context = ?, updated_at = ? where id = ? and status = 'pending'`).run(JSON.stringify(context), this.clock.now(), id).changes > 0;
  }

  get(id: number): JobRow | undefined {
    return this.q.byId.get(id);
  }

  byKey(key: string): JobRow | undefined {
    return this.q.byKey.get(key);
  }

  /** Ends the matching pending jobs with `status` and `reason`; the rows it ended. */
  end(filter: JobFilter, status: Exclude<JobStatus, 'pending' | 'sent'>, reason: JobReason, error: string | null = null): JobRow[] {
    const { where, params } = whereOf(filter);
    const now = this.clock.now();
    const rows = this.prepared(
      `update automation_jobs set status = ?, reason = ?, error = ?, finished_at = ?, updated_at = ? where status = 'pending' and ${where} returning *`,
    ).all(status, reason, error, now, now, ...params) as JobRow[];
    if (this.touched) for (const row of rows) this.touched.push(row.id);
    return rows;
  }

  /** Moves the matching pending jobs' due instant by `deltaMs` (a rule's delay changed). */
  shift(filter: JobFilter, deltaMs: number): number {
    const { where, params } = whereOf(filter);
    const info = this.prepared(`update automation_jobs set due_at = due_at + ?, updated_at = ? where status = 'pending' and ${where}`).run(deltaMs, this.clock.now(), ...params);
    if (info.changes > 0) this.changed(null);
    return info.changes;
  }

  /** Sets one pending job's due instant (a silence moved on, a viewing moved). */
  retime(id: number, dueAt: number): boolean {
    const info = this.sqlite.prepare(`update automation_jobs set due_at = ?, updated_at = ? where id = ? and status = 'pending'`).run(dueAt, this.clock.now(), id);
    if (info.changes > 0) {
      this.changed(dueAt);
      this.touched?.push(id);
    }
    return info.changes > 0;
  }

  /** The earliest pending due instant (rows, or jobs still waiting in armings), or null when nothing waits. */
  nextDue(): number | null {
    const rows = this.sqlite.prepare<[], { at: number | null }>(`select min(due_at) as at from automation_jobs where status = 'pending'`).get()?.at ?? null;
    const lazy = this.lazy?.firstDue() ?? null;
    return rows === null ? lazy : lazy === null ? rows : Math.min(rows, lazy);
  }

  /** Writes the waiting jobs that fell due by `now` as rows, so the claim finds them (inside the batch's transaction); whether more are due. */
  materialiseDue(now: number, limit: number): boolean {
    return this.lazy?.materialiseDue(this, now, limit) ?? false;
  }
}

function whereOf(filter: JobFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, value: unknown) => {
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  if (filter.ruleId !== undefined) {
    eq('rule_id', filter.ruleId);
    // Only pending jobs are asked for (end, shift): the rule's past is skipped on its index.
    clauses.push(`due_at >= ${pendingDueFloorSql}`);
  }
  if (filter.conversationId !== undefined) eq('conversation_id', filter.conversationId);
  if (filter.contactId !== undefined) eq('contact_id', filter.contactId);
  if (filter.viewingId !== undefined) eq('viewing_id', filter.viewingId);
  if (filter.propertyId !== undefined) eq('property_id', filter.propertyId);
  if (filter.whatsappNumberId !== undefined) eq('whatsapp_number_id', filter.whatsappNumberId);
  if (filter.trigger !== undefined) {
    const triggers = typeof filter.trigger === 'string' ? [filter.trigger] : filter.trigger;
    clauses.push(`trigger in (${triggers.map(() => '?').join(', ')})`);
    params.push(...triggers);
  }
  if (filter.keyPrefix !== undefined) {
    // A range, not LIKE: keys hold ':' and digits only, and the range uses the unique index.
    clauses.push('idempotency_key >= ? and idempotency_key < ?');
    params.push(filter.keyPrefix, filter.keyPrefix + '\uffff');
  }
  if (filter.where !== undefined) {
    clauses.push(`(${filter.where.sql})`);
    params.push(...filter.where.params);
  }
  // An empty filter would end every job: refuse it rather than guess.
  if (clauses.length === 0) throw new Error('a job filter needs at least one field');
  return { where: clauses.join(' and '), params };
}
