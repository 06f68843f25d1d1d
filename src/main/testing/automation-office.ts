import type BetterSqlite3 from 'better-sqlite3';
import type { AutomationTrigger } from '../../shared/automation/types';
import type { JobRow } from '../services/automation/job-store';
import type { RuleSnapshot } from '../services/automation/rule-hooks';
import { manualClock, startTestCore, type ManualClock } from './test-core';

type TestCore = ReturnType<typeof startTestCore>;
/** Named here so the helpers' return type can be written out (declaration emit). */
export type Sqlite = BetterSqlite3.Database;
type AutomationSlice = TestCore['core']['services']['automation'];

/**
 * Issue 15's triggers on a real core and a manual clock: an admin, one number, a template, and
 * helpers for what happens in a conversation. Rules are written as the rules service writes
 * them (a row, then the `saved` hook in the same transaction) so the triggers are tested alone.
 */
export async function automationOffice(options: { clock?: ManualClock; dataDir?: string } = {}) {
  const clock = options.clock ?? manualClock();
  const t = startTestCore({ clock, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  return officeOn(t, clock);
}

export async function officeOn(t: TestCore, clock: ManualClock) {
  const existing = t.core.database.sqlite.prepare<[], { id: number }>("select id from users where role = 'admin' limit 1").get();
  const admin = existing
    ? await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })
    : await t.setupAdmin();
  const number = existing
    ? t.core.database.sqlite.prepare<[], { id: number }>('select id from whatsapp_numbers order by id limit 1').get()!
    : await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const template = existing
    ? t.core.database.sqlite.prepare<[], { id: number }>('select id from message_templates order by id limit 1').get()!
    : await t.call('templates.create', { name: 'ترحيب', content: 'أهلًا {{customer_name}}' }, admin.token);
  const sqlite: BetterSqlite3.Database = t.core.database.sqlite;
  const automation = () => t.core.services.automation;
  let seq = sqlite.prepare<[], { n: number }>('select count(*) as n from messages').get()!.n;

  /** A customer's message through the real ingest, published as the pipeline does. */
  function customerWrites(phoneDigits: string, body: string, name = 'عميل'): { conversationId: number; messageId: number } {
    return inbound(phoneDigits, body, false, name);
  }

  /** An agent types an answer on the phone itself: ingest stores it as `agent` with no user. */
  function typedOnPhone(phoneDigits: string, body: string): { conversationId: number; messageId: number } {
    return inbound(phoneDigits, body, true, null);
  }

  function inbound(phoneDigits: string, body: string, fromMe: boolean, name: string | null, publish = true) {
    seq++;
    const result = t.core.whatsapp.ingest.ingest(number.id, {
      providerId: `${fromMe}_${phoneDigits}@c.us_T${seq}`,
      chatId: `${phoneDigits}@c.us`,
      fromMe,
      chatKind: 'user',
      customerPhone: phoneDigits,
      customerLid: null,
      profileName: name,
      body,
      type: 'chat',
      hasMedia: false,
      timestamp: clock.now(),
    });
    if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
    if (publish) t.core.whatsapp.pipeline.publishNew(sqlite.prepare('select * from messages where id = ?').get(result.messageId) as never);
    return { conversationId: result.conversationId, messageId: result.messageId };
  }

  /** Stored but not published: as if the app stopped right after the commit. */
  function customerWritesUnheard(phoneDigits: string, body: string) {
    return inbound(phoneDigits, body, false, 'عميل', false);
  }

  async function agentAnswers(conversationId: number, content = 'أهلًا بك، كيف أخدمك؟'): Promise<number> {
    return (await t.call('messages.send', { conversationId, content }, admin.token)).id;
  }

  function enqueue(conversationId: number, sender: 'ai' | 'system', clientId?: string): number {
    const row = t.core.whatsapp.outbox.enqueue({ conversationId, content: 'رسالة', sender, senderId: null, senderName: sender === 'ai' ? 'AI' : 'قاعدة', ...(clientId ? { clientId } : {}) });
    t.core.whatsapp.pipeline.publishNew(row);
    return row.id;
  }

  const aiAnswers = (conversationId: number) => enqueue(conversationId, 'ai');
  /** What the runner writes for a job: sender `system`, client id `automation:<job id>`. */
  const automatedMessage = (conversationId: number, jobId: number) => enqueue(conversationId, 'system', `automation:${jobId}`);

  function addRule(input: { trigger: AutomationTrigger; delayMinutes?: number; whatsappNumberId?: number | null; isActive?: boolean; name?: string }): RuleSnapshot {
    const now = clock.now();
    return sqlite.transaction(() => {
      const id = Number(
        sqlite
          .prepare(
            `insert into automation_rules (name, trigger, delay_minutes, template_id, is_active, whatsapp_number_id, office_hours_only, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
          )
          .run(input.name ?? `rule ${input.trigger}`, input.trigger, input.delayMinutes ?? 0, template.id, input.isActive === false ? 0 : 1, input.whatsappNumberId ?? null, now, now)
          .lastInsertRowid,
      );
      const rule: RuleSnapshot = {
        id,
        name: input.name ?? `rule ${input.trigger}`,
        trigger: input.trigger,
        delayMinutes: input.delayMinutes ?? 0,
        templateId: template.id,
        isActive: input.isActive !== false,
        whatsappNumberId: input.whatsappNumberId ?? null,
        officeHoursOnly: false,
      };
      automation().triggers.saved(rule, null);
      return rule;
    })();
  }

  function changeRule(previous: RuleSnapshot, changes: Partial<Pick<RuleSnapshot, 'delayMinutes' | 'isActive' | 'whatsappNumberId'>>): RuleSnapshot {
    const rule = { ...previous, ...changes };
    sqlite.transaction(() => {
      sqlite
        .prepare('update automation_rules set delay_minutes = ?, is_active = ?, whatsapp_number_id = ?, updated_at = ? where id = ?')
        .run(rule.delayMinutes, rule.isActive ? 1 : 0, rule.whatsappNumberId, clock.now(), rule.id);
      automation().triggers.saved(rule, previous);
    })();
    return rule;
  }

  function deleteRule(rule: RuleSnapshot): void {
    sqlite.transaction(() => {
      automation().triggers.deleted(rule);
      sqlite.prepare('delete from automation_rules where id = ?').run(rule.id);
    })();
  }

  /**
   * Every job, oldest first, as the conversations' side panels list them: the jobs still waiting in
   * armings are written first, as opening a panel does (a job ended while it still waited is not a row).
   */
  const jobs = (): JobRow[] => {
    const conversations = sqlite.prepare<[], { id: number }>('select distinct conversation_id as id from automation_armings where ended_reason is null').all();
    sqlite.transaction(() => {
      for (const c of conversations) automation().triggers.armings.materialiseAll(automation().store, c.id);
    })();
    return sqlite.prepare<[], JobRow>('select * from automation_jobs order by id').all();
  };
  const pending = (): JobRow[] => jobs().filter((j) => j.status === 'pending');
  /** Reads whatever the triggers have not read yet, now (what start does). */
  const settle = () => automation().triggers.catchUp();
  /** The runner's side of a job, for tests of "fires once": the job went out. */
  const markSent = (jobId: number) => sqlite.prepare("update automation_jobs set status = 'sent', finished_at = ? where id = ?").run(clock.now(), jobId);
  const minutes = (n: number) => n * 60_000;
  /** A fresh admin session (moving the clock a day on ends the first one). */
  const signIn = async () => (await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })).token;

  return { t, clock, sqlite: sqlite as unknown as Sqlite, admin, number, template, automation: automation as () => AutomationSlice, customerWrites, customerWritesUnheard, typedOnPhone, agentAnswers, aiAnswers, automatedMessage, addRule, changeRule, deleteRule, jobs, pending, settle, markSent, minutes, signIn };
}
export type AutomationOffice = Awaited<ReturnType<typeof automationOffice>>;
