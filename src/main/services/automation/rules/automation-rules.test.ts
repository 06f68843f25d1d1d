import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../../../shared/errors';
import { manualClock, startTestCore } from '../../../testing/test-core';
import { twoNumbersOffice, type TwoNumbersOffice } from '../../../testing/two-numbers-office';

type TestCore = ReturnType<typeof startTestCore>;

/** Every row of every table, hashed: any change a refusal made would show. */
function databaseState(t: TestCore): string {
  const db = t.core.database.sqlite;
  // The search index catches up in the background; what it writes is not the refusal's doing.
  while (t.core.searchIndex.flush() > 0);
  const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((r) => r.name);
  const h = createHash('sha256');
  for (const table of tables) h.update(table).update(JSON.stringify(db.prepare(`select * from "${table}"`).raw().all()));
  return h.digest('hex');
}

const start = Date.UTC(2026, 10, 25, 9, 0, 0);

describe('automation rules, as the admin keeps them', () => {
  let t: TestCore;
  let w: TwoNumbersOffice;
  let supervisor: { token: string };
  let templates: { welcome: number; reminder: number; off: number };
  beforeAll(async () => {
    t = startTestCore({ clock: manualClock(start) });
    w = await twoNumbersOffice(t);
    t.core.searchIndex.stop();
    supervisor = await t.createUser(w.admin.token, 'supervisor', 'supervisor@office.test');
    const welcome = await t.call('templates.create', { name: 'ترحيب العميل الجديد', content: 'أهلاً وسهلاً {{customer_name}}! كيف يمكننا مساعدتك اليوم؟' }, w.admin.token);
    const reminder = await t.call('templates.create', { name: 'تأكيد الموعد', content: 'مرحباً {{customer_name}}، نذكرك بموعدك يوم {{appointment_date}} الساعة {{appointment_time}}' }, w.admin.token);
    const off = await t.call('templates.create', { name: 'قالب موقوف', content: 'مرحباً {{customer_name}}', isActive: false }, w.admin.token);
    templates = { welcome: welcome.id, reminder: reminder.id, off: off.id };
  });
  afterAll(() => t.close());
  const pendingJobsOf = (ruleId: number) =>
    t.core.database.sqlite.prepare<[number], { n: number }>("select count(*) as n from automation_jobs where rule_id = ? and status = 'pending'").get(ruleId)!.n;

  it('creates seed 003\'s rules with their template, and lists them by number, state and trigger with the counts', async () => {
    const welcome = await t.call('automation.createRule', { name: 'رد تلقائي للاستفسارات الجديدة', description: 'رسالة ترحيب', trigger: 'new_inquiry', delayMinutes: 1, templateId: templates.welcome }, w.admin.token);
    expect(welcome).toEqual({
      id: welcome.id,
      name: 'رد تلقائي للاستفسارات الجديدة',
      description: 'رسالة ترحيب',
      trigger: 'new_inquiry',
      delayMinutes: 1,
      templateId: templates.welcome,
      template: { id: templates.welcome, name: 'ترحيب العميل الجديد', content: 'أهلاً وسهلاً {{customer_name}}! كيف يمكننا مساعدتك اليوم؟', variables: ['customer_name'], isActive: true },
      isActive: true,
      whatsappNumberId: null,
      officeHoursOnly: false,
      triggeredCount: 0,
      successCount: 0,
      lastTriggered: null,
      // What the triggers armed when it was switched on (the conversations waiting for a welcome now).
      pendingJobs: pendingJobsOf(welcome.id),
      createdAt: new Date(start).toISOString(),
      updatedAt: new Date(start).toISOString(),
    });
    const noResponse = await t.call('automation.createRule', { name: 'متابعة عدم الرد - 24 ساعة', trigger: 'no_response_24h', delayMinutes: 1440, templateId: templates.welcome, whatsappNumberId: w.sales.id }, w.admin.token);
    const reminder = await t.call('automation.createRule', { name: 'تذكير الموعد', trigger: 'appointment_reminder', delayMinutes: -1440, templateId: templates.reminder }, w.admin.token);
    const match = await t.call('automation.createRule', { name: 'إشعار عقار مطابق', trigger: 'property_match', delayMinutes: 5, templateId: templates.welcome, isActive: false }, w.admin.token);

    const all = await t.call('automation.listRules', {}, w.admin.token);
    expect(all.data.map((r) => r.id)).toEqual([w.theirRule.id, welcome.id, noResponse.id, reminder.id, match.id]);
    expect(all.meta).toEqual({ total: 5, activeCount: 3, inactiveCount: 2 });
    const everyNumber = await t.call('automation.listRules', { numberId: null }, w.admin.token);
    expect(everyNumber.data.map((r) => r.id)).toEqual([welcome.id, reminder.id, match.id]);
    expect(everyNumber.meta).toEqual({ total: 3, activeCount: 2, inactiveCount: 1 });
    expect((await t.call('automation.listRules', { numberId: w.sales.id }, w.admin.token)).data.map((r) => r.id)).toEqual([noResponse.id]);
    expect((await t.call('automation.listRules', { isActive: false }, w.admin.token)).data.map((r) => r.id)).toEqual([w.theirRule.id, match.id]);
    expect((await t.call('automation.listRules', { trigger: 'appointment_reminder', isActive: true }, w.admin.token)).data.map((r) => r.id)).toEqual([reminder.id]);
    expect(await t.call('automation.getRule', { id: reminder.id }, w.admin.token)).toMatchObject({ delayMinutes: -1440, template: { variables: ['customer_name', 'appointment_date', 'appointment_time'] } });
  });

  it('refuses each wrong rule with VALIDATION_ERROR naming its field, and saves nothing', async () => {
    const removed = await t.call('numbers.create', { name: 'رقم قديم' }, w.admin.token);
    await t.call('numbers.remove', { id: removed.id }, w.admin.token);
    const rule = (await t.call('automation.listRules', { trigger: 'new_inquiry' }, w.admin.token)).data[0]!;
    const match = (await t.call('automation.listRules', { trigger: 'property_match' }, w.admin.token)).data[0]!;
    const base = { name: 'قاعدة', trigger: 'new_inquiry', delayMinutes: 5, templateId: templates.welcome };
    const refusals: [channel: string, input: Record<string, unknown>, expected: Partial<ApiError>][] = [
      ['automation.createRule', { ...base, delayMinutes: -5 }, { details: [{ field: 'delayMinutes', code: 'negative_delay', message: expect.any(String), params: { min: 0 } }] }],
      ['automation.createRule', { ...base, trigger: 'follow_up', delayMinutes: -60 }, { details: [expect.objectContaining({ field: 'delayMinutes', code: 'negative_delay' })] }],
      ['automation.createRule', { ...base, trigger: 'no_response_48h', delayMinutes: 1440 }, { details: [expect.objectContaining({ field: 'delayMinutes', code: 'shorter_than_window', params: { min: 2880 } })] }],
      ['automation.createRule', { ...base, templateId: 999_999 }, { details: [expect.objectContaining({ field: 'templateId', code: 'template_missing' })] }],
      ['automation.createRule', { ...base, templateId: templates.off }, { details: [expect.objectContaining({ field: 'templateId', code: 'template_inactive' })] }],
      ['automation.createRule', { ...base, templateId: templates.reminder }, {
        details: [
          expect.objectContaining({ field: 'templateId', code: 'variable_not_fillable', params: { name: 'appointment_date', trigger: 'new_inquiry' } }),
          expect.objectContaining({ field: 'templateId', code: 'variable_not_fillable', params: { name: 'appointment_time', trigger: 'new_inquiry' } }),
        ],
      }],
      ['automation.createRule', { ...base, whatsappNumberId: removed.id }, { details: [expect.objectContaining({ field: 'whatsappNumberId', code: 'number_removed' })] }],
      ['automation.createRule', { ...base, whatsappNumberId: 999_999 }, { details: [expect.objectContaining({ field: 'whatsappNumberId', code: 'number_missing' })] }],
      ['automation.createRule', { ...base, trigger: 'birthday' }, { details: [expect.objectContaining({ field: 'trigger' })] }],
      ['automation.updateRule', { id: rule.id, delayMinutes: -1 }, { details: [expect.objectContaining({ field: 'delayMinutes', code: 'negative_delay' })] }],
      ['automation.updateRule', { id: rule.id, trigger: 'no_response_72h' }, { details: [expect.objectContaining({ field: 'delayMinutes', code: 'shorter_than_window', params: { min: 4320 } })] }],
      ['automation.updateRule', { id: rule.id, templateId: templates.reminder }, { details: [expect.objectContaining({ code: 'variable_not_fillable' }), expect.objectContaining({ code: 'variable_not_fillable' })] }],
      ['automation.updateRule', { id: rule.id, whatsappNumberId: removed.id }, { details: [expect.objectContaining({ field: 'whatsappNumberId', code: 'number_removed' })] }],
    ];
    for (const [channel, input, expected] of refusals) {
      const before = databaseState(t);
      const error = await t.failure(channel, input, w.admin.token);
      expect({ channel, input, error }).toMatchObject({ channel, input, error: { code: 'VALIDATION_ERROR', ...expected } });
      expect(databaseState(t), `${channel} ${JSON.stringify(input)}`).toBe(before);
    }

    // A rule whose template was switched off since cannot be switched on; switching it off stays possible.
    const extra = await t.call('templates.create', { name: 'عقار جديد مطابق', content: 'مرحباً {{customer_name}}! لدينا {{property_name}}' }, w.admin.token);
    await t.call('automation.updateRule', { id: match.id, templateId: extra.id }, w.admin.token);
    await t.call('templates.update', { id: extra.id, isActive: false }, w.admin.token);
    const before = databaseState(t);
    expect(await t.failure('automation.toggleRule', { id: match.id }, w.admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'templateId', code: 'template_inactive' }] });
    expect(databaseState(t)).toBe(before);
    await t.call('templates.update', { id: extra.id, isActive: true }, w.admin.token);
  });

  it('saves, switches and deletes in one transaction with its activity entry and the triggers told, then tells everyone signed in', async () => {
    const triggers = t.core.services.automation.triggers;
    const saved = vi.spyOn(triggers, 'saved');
    const deleted = vi.spyOn(triggers, 'deleted');
    try {
      t.events.length = 0;
      const rule = await t.call('automation.createRule', { name: 'متابعة بعد المعاينة', trigger: 'follow_up', delayMinutes: 1440, templateId: templates.reminder, whatsappNumberId: w.sales.id }, w.admin.token);
      const snapshot = { id: rule.id, name: 'متابعة بعد المعاينة', trigger: 'follow_up', delayMinutes: 1440, templateId: templates.reminder, isActive: true, whatsappNumberId: w.sales.id, officeHoursOnly: false };
      expect(saved).toHaveBeenLastCalledWith(snapshot, null);

      const changed = await t.call('automation.updateRule', { id: rule.id, delayMinutes: 2880, officeHoursOnly: true }, w.admin.token);
      expect(changed).toMatchObject({ delayMinutes: 2880, officeHoursOnly: true });
      expect(saved).toHaveBeenLastCalledWith({ ...snapshot, delayMinutes: 2880, officeHoursOnly: true }, snapshot);

      // Nothing changed: nothing written, nobody told.
      const calls = saved.mock.calls.length;
      await t.call('automation.updateRule', { id: rule.id, delayMinutes: 2880 }, w.admin.token);
      expect(saved.mock.calls.length).toBe(calls);

      const off = await t.call('automation.toggleRule', { id: rule.id }, w.admin.token);
      expect(off.isActive).toBe(false);
      expect(saved).toHaveBeenLastCalledWith({ ...snapshot, delayMinutes: 2880, officeHoursOnly: true, isActive: false }, { ...snapshot, delayMinutes: 2880, officeHoursOnly: true });
      expect((await t.call('automation.toggleRule', { id: rule.id }, w.admin.token)).isActive).toBe(true);

      expect(await t.call('automation.deleteRule', { id: rule.id }, w.admin.token)).toEqual({ id: rule.id });
      expect(deleted).toHaveBeenLastCalledWith({ ...snapshot, delayMinutes: 2880, officeHoursOnly: true });
      expect(await t.failure('automation.getRule', { id: rule.id }, w.admin.token)).toMatchObject({ code: 'NOT_FOUND' });

      const told = t.events.filter((e) => e.event === 'automation.rules.changed');
      expect(told.map((e) => e.data)).toEqual([
        { ruleId: rule.id, whatsappNumberId: w.sales.id, deleted: false },
        { ruleId: rule.id, whatsappNumberId: w.sales.id, deleted: false },
        { ruleId: rule.id, whatsappNumberId: w.sales.id, deleted: false },
        { ruleId: rule.id, whatsappNumberId: w.sales.id, deleted: false },
        { ruleId: rule.id, whatsappNumberId: w.sales.id, deleted: true },
      ]);
      expect(told.every((e) => e.audience.kind === 'all')).toBe(true);

      const log = await t.call('activity.list', { action: 'automation_rule' }, w.admin.token);
      const mine = log.filter((e) => e.entityId === rule.id).reverse();
      expect(mine.map((e) => e.action)).toEqual(['automation_rule.created', 'automation_rule.updated', 'automation_rule.disabled', 'automation_rule.enabled', 'automation_rule.deleted']);
      // Deleted, the rule is still named by the name it had.
      expect(mine.every((e) => e.entityName === 'متابعة بعد المعاينة' && e.userId === w.admin.user.id)).toBe(true);
      expect(mine[1]!.details).toMatchObject({ fields: ['delayMinutes', 'officeHoursOnly'] });
    } finally {
      saved.mockRestore();
      deleted.mockRestore();
    }
  });

  it('keeps nothing of a save the triggers could not follow (one transaction)', async () => {
    const triggers = t.core.services.automation.triggers;
    const saved = vi.spyOn(triggers, 'saved').mockImplementation(() => {
      throw new Error('the triggers failed');
    });
    const deleted = vi.spyOn(triggers, 'deleted').mockImplementation(() => {
      throw new Error('the triggers failed');
    });
    try {
      const rule = (await t.call('automation.listRules', { trigger: 'new_inquiry' }, w.admin.token)).data[0]!;
      t.events.length = 0;
      const before = databaseState(t);
      expect((await t.failure('automation.createRule', { name: 'x', trigger: 'new_inquiry', templateId: templates.welcome }, w.admin.token)).code).toBe('INTERNAL_ERROR');
      expect((await t.failure('automation.updateRule', { id: rule.id, delayMinutes: 30 }, w.admin.token)).code).toBe('INTERNAL_ERROR');
      expect((await t.failure('automation.toggleRule', { id: rule.id }, w.admin.token)).code).toBe('INTERNAL_ERROR');
      expect((await t.failure('automation.deleteRule', { id: rule.id }, w.admin.token)).code).toBe('INTERNAL_ERROR');
      expect(databaseState(t)).toBe(before);
      expect(t.events.filter((e) => e.event === 'automation.rules.changed')).toEqual([]);
    } finally {
      saved.mockRestore();
      deleted.mockRestore();
    }
  });

  it('lets supervisors read every rule and agents the every-number rules and their numbers\', and only admins change them', async () => {
    const all = await t.call('automation.listRules', {}, w.admin.token);
    expect((await t.call('automation.listRules', {}, supervisor.token)).data).toEqual(all.data);
    expect(await t.call('automation.getRule', { id: w.theirRule.id }, supervisor.token)).toMatchObject({ id: w.theirRule.id });

    const forAgent = await t.call('automation.listRules', {}, w.agent.token);
    const expected = all.data.filter((r) => r.whatsappNumberId === null || r.whatsappNumberId === w.sales.id);
    expect(forAgent.data).toEqual(expected);
    expect(forAgent.data.some((r) => r.whatsappNumberId === w.sales.id)).toBe(true);
    expect(forAgent.meta.total).toBe(expected.length);
    expect(await t.failure('automation.getRule', { id: w.theirRule.id }, w.agent.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.failure('automation.listRules', { numberId: w.rentals.id }, w.agent.token)).toMatchObject({ code: 'FORBIDDEN', details: 'number_not_allowed' });
    expect((await t.call('automation.listRules', {}, w.rentalsAgent.token)).data.map((r) => r.id)).toContain(w.theirRule.id);

    const before = databaseState(t);
    for (const token of [supervisor.token, w.agent.token]) {
      expect(await t.failure('automation.createRule', { name: 'x', trigger: 'new_inquiry', templateId: templates.welcome }, token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failure('automation.updateRule', { id: w.theirRule.id, name: 'x' }, token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failure('automation.toggleRule', { id: w.theirRule.id }, token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failure('automation.deleteRule', { id: w.theirRule.id }, token)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(databaseState(t)).toBe(before);
  });

  it('refuses to delete a template that rules send, naming them, and deletes it once they are gone', async () => {
    const template = await t.call('templates.create', { name: 'قالب للقواعد', content: 'مرحباً {{customer_name}}' }, w.admin.token);
    const a = await t.call('automation.createRule', { name: 'قاعدة أ', trigger: 'new_inquiry', templateId: template.id }, w.admin.token);
    const b = await t.call('automation.createRule', { name: 'قاعدة ب', trigger: 'follow_up', templateId: template.id, isActive: false }, w.admin.token);
    const before = databaseState(t);
    expect(await t.failure('templates.delete', { id: template.id }, w.admin.token)).toMatchObject({
      code: 'CONFLICT',
      details: [{ field: 'id', code: 'used_by_rules', params: { rules: 'قاعدة أ، قاعدة ب', count: 2 } }],
    });
    expect(databaseState(t)).toBe(before);
    await t.call('automation.deleteRule', { id: a.id }, w.admin.token);
    expect(await t.failure('templates.delete', { id: template.id }, w.admin.token)).toMatchObject({ code: 'CONFLICT', details: [{ params: { rules: 'قاعدة ب', count: 1 } }] });
    await t.call('automation.deleteRule', { id: b.id }, w.admin.token);
    expect(await t.call('templates.delete', { id: template.id }, w.admin.token)).toEqual({ ok: true });
  });

  it('previews the template with a real conversation\'s values, as the send would fill it', async () => {
    // Rentals' customer has a viewing: a reminder fills its day and time in the office's zone.
    const reminder = await t.call('automation.preview', { templateId: templates.reminder, trigger: 'appointment_reminder', conversationId: w.theirs.id }, w.admin.token);
    expect(reminder.conversationId).toBe(w.theirs.id);
    expect(reminder.missing).toEqual([]);
    expect(reminder.text).toMatch(/^مرحباً عميل الإيجارات، نذكرك بموعدك يوم .+ الساعة .+$/);
    expect(reminder.text).not.toContain('{{');

    // A new inquiry cannot fill a viewing's day: shown as written, and listed.
    const inquiry = await t.call('automation.preview', { templateId: templates.reminder, trigger: 'new_inquiry', conversationId: w.mine.id }, w.admin.token);
    expect(inquiry).toEqual({ text: 'مرحباً عميل المبيعات، نذكرك بموعدك يوم {{appointment_date}} الساعة {{appointment_time}}', missing: ['appointment_date', 'appointment_time'], conversationId: w.mine.id });

    // Without a conversation: the newest one the rule could touch, on its number.
    const onSales = await t.call('automation.preview', { templateId: templates.welcome, trigger: 'new_inquiry', whatsappNumberId: w.sales.id }, w.admin.token);
    expect(onSales).toEqual({ text: 'أهلاً وسهلاً عميل المبيعات! كيف يمكننا مساعدتك اليوم؟', missing: [], conversationId: w.mine.id });
    // A reminder with no conversation named picks one with a viewing.
    expect((await t.call('automation.preview', { templateId: templates.reminder, trigger: 'appointment_reminder' }, w.admin.token)).conversationId).toBe(w.theirs.id);

    expect(await t.failure('automation.preview', { templateId: 999_999, trigger: 'new_inquiry' }, w.admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'templateId', code: 'template_missing' }] });
    expect(await t.failure('automation.preview', { templateId: templates.welcome, trigger: 'new_inquiry', conversationId: 999_999 }, w.admin.token)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('asks the triggers what a rule would do now, for the first twenty, without writing anything', async () => {
    const dryRun = vi.spyOn(t.core.services.automation.triggers, 'dryRun').mockReturnValue({ count: 37, sample: [] });
    try {
      const before = databaseState(t);
      expect(await t.call('automation.dryRun', { trigger: 'no_response_24h', delayMinutes: 1440, whatsappNumberId: w.sales.id }, w.admin.token)).toEqual({ count: 37, sample: [] });
      expect(dryRun).toHaveBeenLastCalledWith({ trigger: 'no_response_24h', delayMinutes: 1440, whatsappNumberId: w.sales.id }, 20);
      expect(databaseState(t)).toBe(before);
      expect(await t.failure('automation.dryRun', { trigger: 'new_inquiry' }, supervisor.token)).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      dryRun.mockRestore();
    }
  });
});
