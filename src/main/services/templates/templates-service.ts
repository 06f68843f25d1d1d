import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons, type FieldError } from '../../../shared/errors';
import type { MessageView } from '../../../shared/inbox/types';
import type { createTemplateInput, sendTemplateInput, templateListInput, updateTemplateInput } from '../../../shared/templates/schemas';
import { normalizeSearchText, searchTerms } from '../../../shared/search-text';
import { fillTemplate, missingVariables, parseTemplate } from '../../../shared/templates/template-text';
import { templateCategories, type TemplateCategory, type TemplateView } from '../../../shared/templates/types';
import { toIso, type Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import { toMessageView } from '../../ingest/records';
import type { Outbox } from '../../outbox/outbox';
import { AppError, fieldError } from '../../rpc/app-error';
import { requireOpenWindow } from '../cloud/service-window';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';

interface TemplateRow {
  id: number;
  name: string;
  content: string;
  category: string | null;
  variables: string;
  is_active: number;
  usage_count: number;
  created_at: number;
  updated_at: number;
}

/** Refuses a conversation the caller may not answer (unknown, or on a number that is not theirs). */
export interface ConversationGate {
  requireConversation(caller: Caller, conversationId: number): unknown;
}

/** WhatsApp's cap on one text message. */
const maxMessageLength = 65_536;

/** Seed 003's message templates, and sending one into a conversation. */
export class TemplatesService {
  private readonly q;
  /**
   * Values the office knows for variables the agent left empty, in the message's language (a
   * valid promotion's `offer_details` and `expiry_date`); set by the core.
   */
  defaultValues: (variables: readonly string[], language: 'ar' | 'en') => Record<string, string> = () => ({});

  constructor(
    private readonly sqlite: Database.Database,
    private readonly outbox: Outbox,
    private readonly pipeline: MessagePipeline,
    private readonly gate: ConversationGate,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    /** Values the office's settings give (`office_phone`), used where the agent left a variable blank. */
    private readonly officeValues: () => Record<string, string> = () => ({}),
  ) {
    this.q = {
      all: sqlite.prepare<[], TemplateRow>('select * from message_templates order by usage_count desc, name, id'),
      byId: sqlite.prepare<[number], TemplateRow>('select * from message_templates where id = ?'),
      names: sqlite.prepare<[], { id: number; name: string }>('select id, name from message_templates'),
      insert: sqlite.prepare<[string, string, string, string, number, number, number]>(
        'insert into message_templates (name, content, category, variables, is_active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      remove: sqlite.prepare<[number]>('delete from message_templates where id = ?'),
      usedByRules: sqlite.prepare<[number], { id: number; name: string }>('select id, name from automation_rules where template_id = ? order by id'),
      countUse: sqlite.prepare<[number]>('update message_templates set usage_count = usage_count + 1 where id = ? and is_active = 1'),
      conversationNumber: sqlite.prepare<[number], { removed_at: number | null }>(
        'select n.removed_at from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?',
      ),
    };
  }

  /**
   * Most used first. Templates are an office's few dozen texts, so the search runs here over
   * their normalised name and content: tashkeel, tatweel and hamza forms do not matter.
   */
  list(input: z.output<typeof templateListInput>): TemplateView[] {
    const terms = input.search ? searchTerms(input.search) : [];
    return this.q.all
      .all()
      .map(toTemplateView)
      .filter((t) => input.category === undefined || t.category === input.category)
      .filter((t) => input.isActive === undefined || t.isActive === input.isActive)
      .filter((t) => {
        if (terms.length === 0) return true;
        const text = normalizeSearchText(`${t.name}\n${t.content}`);
        return terms.every((term) => text.includes(term));
      });
  }

  get(id: number): TemplateView {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `Template with ID '${id}' not found`);
    return toTemplateView(row);
  }

  create(caller: Caller, input: z.output<typeof createTemplateInput>): TemplateView {
    const variables = this.checked(input.content, input.variables);
    this.requireFreeName(input.name);
    const now = this.clock.now();
    const id = Number(
      this.q.insert.run(input.name, input.content, input.category, JSON.stringify(variables), input.isActive ? 1 : 0, now, now).lastInsertRowid,
    );
    this.changed(caller, 'template.created', id, { name: input.name });
    return this.get(id);
  }

  update(caller: Caller, input: z.output<typeof updateTemplateInput>): TemplateView {
    const before = this.get(input.id);
    const content = input.content ?? before.content;
    const variables = this.checked(content, input.variables);
    if (input.name !== undefined && input.name !== before.name) this.requireFreeName(input.name, input.id);
    const sets: string[] = [];
    const values: (string | number)[] = [];
    if (input.name !== undefined) (sets.push('name = ?'), values.push(input.name));
    if (input.content !== undefined) (sets.push('content = ?', 'variables = ?'), values.push(input.content, JSON.stringify(variables)));
    if (input.category !== undefined) (sets.push('category = ?'), values.push(input.category));
    if (input.isActive !== undefined) (sets.push('is_active = ?'), values.push(input.isActive ? 1 : 0));
    if (sets.length === 0) return before;
    this.sqlite.prepare(`update message_templates set ${sets.join(', ')}, updated_at = ? where id = ?`).run(...values, this.clock.now(), input.id);
    const fields = Object.keys(input).filter((k) => k !== 'id' && k !== 'variables');
    this.changed(caller, 'template.updated', input.id, { name: input.name ?? before.name, fields });
    return this.get(input.id);
  }

  /**
   * Messages sent with it keep their text; they only lose the link back to it. Automation rules
   * that send it hold on to it (the foreign key restricts): CONFLICT naming them, so the admin
   * changes their template or deletes them first. Checked and deleted in one transaction.
   */
  delete(caller: Caller, id: number): { ok: true } {
    const template = this.get(id);
    this.sqlite.transaction(() => {
      const rules = this.q.usedByRules.all(id);
      if (rules.length > 0) {
        const names = rules.map((r) => r.name).join('، ');
        throw new AppError(
          'CONFLICT',
          [{ field: 'id', code: 'used_by_rules', message: `Template is used by automation rules: ${rules.map((r) => r.name).join(', ')}`, params: { rules: names, count: rules.length } }],
          undefined,
          'Template is used by automation rules',
        );
      }
      this.q.remove.run(id);
    })();
    this.changed(caller, 'template.deleted', id, { name: template.name });
    return { ok: true };
  }

  /**
   * Seed 003's send with a template: every variable must have a value, or nothing is stored.
   * The filled text is queued through the outbox like a typed answer, and the use is counted
   * in the same transaction.
   */
  send(caller: Caller, input: z.output<typeof sendTemplateInput>): MessageView {
    this.gate.requireConversation(caller, input.conversationId);
    const repeat = this.outbox.sentBefore(input.conversationId, input.clientId);
    if (repeat) return toMessageView(repeat);
    const template = this.get(input.templateId);
    if (!template.isActive) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.templateInactive, undefined, 'Template is not active');
    const language = /\p{Script=Arabic}/u.test(template.content) ? 'ar' : 'en';
    const given = Object.fromEntries(Object.entries(input.variables).filter(([, value]) => value.trim() !== ''));
    // What the agent typed wins over the office's details and a valid promotion.
    const variables = { ...this.officeValues(), ...this.defaultValues(template.variables, language), ...given };
    const missing = missingVariables(template.variables, variables);
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION_ERROR',
        missing.map((name): FieldError => ({ field: `variables.${name}`, code: 'required', message: `Variable '${name}' is required`, params: { name } })),
      );
    }
    const values = Object.fromEntries(template.variables.map((name) => [name, variables[name]!.trim()]));
    const content = fillTemplate(template.content, values);
    if (content.length > maxMessageLength) throw new AppError('VALIDATION_ERROR', [{ field: 'variables', code: 'too_long', message: 'The filled template is too long', params: { max: maxMessageLength } }]);
    const number = this.q.conversationNumber.get(input.conversationId);
    if (!number) throw new AppError('NOT_FOUND');
    if (number.removed_at !== null) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberRemoved);
    // The office's own templates are free text to Meta: on a Cloud number only within the 24-hour window.
    requireOpenWindow(this.sqlite, this.clock, input.conversationId);

    const row = this.sqlite.transaction(() => {
      if (this.q.countUse.run(template.id).changes === 0) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.templateInactive);
      this.activity.record({ userId: caller.user.id, action: 'template.used', entityType: 'message_template', entityId: template.id, details: { name: template.name, conversationId: input.conversationId } });
      // Last: the outbox wakes the number's sender as it returns, so nothing here may fail after it.
      return this.outbox.enqueue({ conversationId: input.conversationId, content, sender: 'agent', senderId: caller.user.id, senderName: caller.user.name, templateId: template.id, ...(input.clientId ? { clientId: input.clientId } : {}) });
    })();
    this.pipeline.publishNew(row);
    this.bus.publish('templates.changed', { templateId: template.id }, { kind: 'all' });
    return toMessageView(row);
  }

  /** The variables the content uses, once the braces are sound and any list the caller gave matches. */
  private checked(content: string, listed: string[] | undefined): string[] {
    const { variables, problems } = parseTemplate(content);
    const details: FieldError[] = problems.map((problem) =>
      problem.code === 'unbalanced_braces'
        ? { field: 'content', code: 'unbalanced_braces', message: 'Every {{ needs a matching }}' }
        : { field: 'content', code: 'invalid_variable', message: `'{{${problem.name}}}' is not a valid variable name`, params: { name: problem.name } },
    );
    for (const name of listed ?? []) {
      if (!variables.includes(name.trim())) details.push({ field: 'variables', code: 'unknown_variable', message: `Variable '${name}' is not used in the content`, params: { name } });
    }
    if (details.length > 0) throw new AppError('VALIDATION_ERROR', details);
    return variables;
  }

  /** Names compare as a search would: the same words with or without tashkeel, or another hamza form, are the same name. */
  private requireFreeName(name: string, exceptId?: number): void {
    const wanted = normalizeSearchText(name.trim());
    const taken = this.q.names.all().some((t) => t.id !== exceptId && normalizeSearchText(t.name.trim()) === wanted);
    if (taken) throw fieldError('name', 'name_taken', 'A template with this name already exists', 'CONFLICT');
  }

  private changed(caller: Caller, action: string, id: number, details: Record<string, unknown>): void {
    this.activity.record({ userId: caller.user.id, action, entityType: 'message_template', entityId: id, details });
    this.bus.publish('templates.changed', { templateId: id }, { kind: 'all' });
  }
}

function toTemplateView(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    content: row.content,
    category: (templateCategories as readonly string[]).includes(row.category ?? '') ? (row.category as TemplateCategory) : 'other',
    variables: JSON.parse(row.variables) as string[],
    isActive: row.is_active === 1,
    usageCount: row.usage_count,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
