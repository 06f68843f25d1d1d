import type Database from 'better-sqlite3';
import type { AutomationTrigger } from '../../../../shared/automation/types';
import { customerWritesIn } from '../../../testing/two-numbers-office';
import type { startTestCore } from '../../../testing/test-core';
import type { JobToArm } from '../job-store';

type TestCore = ReturnType<typeof startTestCore>;

/**
 * For the engine's tests: an office with a number, a customer who wrote in, and rules written
 * straight into the table (the rules service is another part of issue 15), so the runner is
 * tested on its own. Jobs are armed with the real JobStore, as the triggers arm them.
 */
export async function automationOffice(t: TestCore) {
  const admin = await t.setupAdmin();
  const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const sqlite: Database.Database = t.core.database.sqlite;
  sqlite.prepare("update whatsapp_numbers set phone_number = '+966550000001' where id = ?").run(sales.id);
  const conversationId = customerWritesIn(t, sales.id, '966501110001', 'السلام عليكم', 'أبو خالد');
  const contactId = sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;

  function template(content: string, isActive = true): number {
    const variables = [...content.matchAll(/\{\{\s*([\p{L}\p{N}_]+)\s*\}\}/gu)].map((m) => m[1]!);
    return Number(
      sqlite
        .prepare('insert into message_templates (name, content, variables, is_active, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
        .run(`template ${content.slice(0, 20)}`, content, JSON.stringify([...new Set(variables)]), isActive ? 1 : 0, 0, 0).lastInsertRowid,
    );
  }

  function rule(input: { name?: string; trigger?: AutomationTrigger; templateId: number; delayMinutes?: number; officeHoursOnly?: boolean; isActive?: boolean; numberId?: number | null }): number {
    return Number(
      sqlite
        .prepare(
          `insert into automation_rules (name, trigger, delay_minutes, template_id, is_active, whatsapp_number_id, office_hours_only, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, 0, 0)`,
        )
        .run(input.name ?? 'ترحيب تلقائي', input.trigger ?? 'new_inquiry', input.delayMinutes ?? 1, input.templateId, input.isActive === false ? 0 : 1, input.numberId === undefined ? sales.id : input.numberId, input.officeHoursOnly ? 1 : 0)
        .lastInsertRowid,
    );
  }

  let armed = 0;
  /** Arms a job through the real store, due `inMs` from now unless `dueAt` is given. */
  function arm(ruleId: number, overrides: Partial<JobToArm> & { inMs?: number } = {}) {
    const { inMs = 0, ...rest } = overrides;
    const ruleRow = sqlite.prepare<[number], { name: string; trigger: AutomationTrigger }>('select name, trigger from automation_rules where id = ?').get(ruleId)!;
    armed++;
    return t.core.services.automation.store.arm({
      ruleId,
      ruleName: ruleRow.name,
      trigger: ruleRow.trigger,
      whatsappNumberId: sales.id,
      conversationId,
      contactId,
      key: `${ruleId}:${ruleRow.trigger}:c${conversationId}:test${armed}`,
      dueAt: t.core.clock.now() + inMs,
      ...rest,
    })!;
  }

  const automatedMessages = () =>
    sqlite.prepare<[], { id: number; content: string; sender: string; sender_name: string | null; client_id: string; status: string; conversation_id: number; template_id: number | null }>(
      "select id, content, sender, sender_name, client_id, status, conversation_id, template_id from messages where client_id like 'automation:%' order by id",
    ).all();
  const job = (id: number) => t.core.services.automation.store.get(id)!;

  return { admin, sales, conversationId, contactId, template, rule, arm, automatedMessages, job };
}
export type AutomationOffice = Awaited<ReturnType<typeof automationOffice>>;

/**
 * For the scoping tables: a pending job on another number's conversation (issue 13's Rentals),
 * armed a day ahead through the real store; its id.
 */
export function pendingJobOn(t: TestCore, conversationId: number): number {
  const sqlite: Database.Database = t.core.database.sqlite;
  const conversation = sqlite.prepare<[number], { contact_id: number; whatsapp_number_id: number }>('select contact_id, whatsapp_number_id from conversations where id = ?').get(conversationId)!;
  const templateId = Number(sqlite.prepare("insert into message_templates (name, content, variables, created_at, updated_at) values ('متابعة', 'نتابع معك {{customer_name}}', '[\"customer_name\"]', 0, 0)").run().lastInsertRowid);
  const ruleId = Number(
    sqlite
      .prepare("insert into automation_rules (name, trigger, delay_minutes, template_id, whatsapp_number_id, created_at, updated_at) values ('متابعة', 'follow_up', 1440, ?, ?, 0, 0)")
      .run(templateId, conversation.whatsapp_number_id).lastInsertRowid,
  );
  const job = t.core.services.automation.store.arm({
    ruleId,
    ruleName: 'متابعة',
    trigger: 'follow_up',
    whatsappNumberId: conversation.whatsapp_number_id,
    conversationId,
    contactId: conversation.contact_id,
    key: `${ruleId}:follow_up:c${conversationId}:scoping${Math.random()}`,
    dueAt: t.core.clock.now() + 24 * 60 * 60_000,
  });
  return job!.id;
}
