import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationTrigger, JobStatus } from '../../../../shared/automation/types';
import { manualClock, startTestCore } from '../../../testing/test-core';
import { customerWritesIn } from '../../../testing/two-numbers-office';

/**
 * Seed 003's `/automation/stats` on a hand-built set of ended jobs with known answers. The office
 * is in Riyadh (UTC+3) and the clock stands at Wednesday 25 November 2026, 12:00 there (09:00 UTC).
 * Run it with the process in UTC and in America/New_York (`TZ=America/New_York npx vitest run …`):
 * the answers, and so the day cuts, must be the same.
 */
const at = (iso: string) => Date.parse(iso);
const now = at('2026-11-25T09:00:00Z');

type Office = Awaited<ReturnType<typeof office>>;

async function office() {
  const clock = manualClock(now);
  const t = startTestCore({ clock });
  const admin = await t.setupAdmin();
  const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
  const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
  const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const rentals = await t.call('numbers.create', { name: 'Rentals' }, admin.token);
  await t.call('numbers.setAgents', { id: sales.id, agentIds: [agent.user.id] }, admin.token);
  const salesChat = customerWritesIn(t, sales.id, '966501110001', 'السلام عليكم', 'سارة');
  const rentalsChat = customerWritesIn(t, rentals.id, '966502220002', 'مرحبا', 'خالد');
  const sqlite = t.core.database.sqlite;
  const chats = new Map([
    [sales.id, { conversationId: salesChat, contactId: sqlite.prepare<[number], { c: number }>('select contact_id as c from conversations where id = ?').get(salesChat)!.c }],
    [rentals.id, { conversationId: rentalsChat, contactId: sqlite.prepare<[number], { c: number }>('select contact_id as c from conversations where id = ?').get(rentalsChat)!.c }],
  ]);

  const welcome = await t.call('templates.create', { name: 'ترحيب', content: 'أهلًا {{customer_name}}' }, admin.token);
  await t.call('automation.createRule', { name: 'ترحيب المبيعات', trigger: 'new_inquiry', templateId: welcome.id, whatsappNumberId: sales.id }, admin.token);
  await t.call('automation.createRule', { name: 'ترحيب عام', trigger: 'new_inquiry', templateId: welcome.id, isActive: false }, admin.token);
  await t.call('automation.createRule', { name: 'ترحيب الإيجارات', trigger: 'new_inquiry', templateId: welcome.id, whatsappNumberId: rentals.id }, admin.token);

  let seq = 0;
  /** An ended job as the engine leaves it: sent ones with their message (whose status WhatsApp moved on), failed ones when the outbox gave up. */
  function job(finishedAt: number, trigger: AutomationTrigger, status: JobStatus, messageStatus: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | null, numberId = sales.id): void {
    seq++;
    const chat = chats.get(numberId)!;
    let messageId: number | null = null;
    if (messageStatus !== null) {
      messageId = Number(
        sqlite
          .prepare("insert into messages (conversation_id, whatsapp_number_id, content, sender, sender_name, status, client_id, created_at) values (?, ?, 'رسالة آلية', 'system', 'ترحيب', ?, ?, ?)")
          .run(chat.conversationId, numberId, messageStatus, `automation:${seq}`, finishedAt).lastInsertRowid,
      );
    }
    sqlite
      .prepare(
        `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, idempotency_key, due_at, status, message_id, created_at, updated_at, finished_at)
         values (null, 'قاعدة', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(trigger, numberId, chat.conversationId, chat.contactId, `test:${seq}`, finishedAt, status, messageId, finishedAt, finishedAt, status === 'pending' ? null : finishedAt);
  }

  // Sales, inside the last 24 hours.
  job(at('2026-11-25T08:00:00Z'), 'new_inquiry', 'sent', 'read');
  job(at('2026-11-25T07:00:00Z'), 'new_inquiry', 'sent', 'delivered');
  job(at('2026-11-24T21:00:00Z'), 'no_response_24h', 'sent', 'sent'); // 00:00 on the 25th in Riyadh
  job(at('2026-11-24T20:59:59.999Z'), 'no_response_24h', 'failed', 'failed'); // 23:59:59.999 on the 24th in Riyadh
  job(at('2026-11-24T10:00:00Z'), 'appointment_reminder', 'failed', 'failed');
  // Sales, inside the last 7 days.
  job(at('2026-11-23T10:00:00Z'), 'new_inquiry', 'sent', 'queued'); // still on its way: neither success nor failure
  job(at('2026-11-20T10:00:00Z'), 'follow_up', 'skipped', null);
  job(at('2026-11-21T10:00:00Z'), 'follow_up', 'cancelled', null);
  job(at('2026-11-22T10:00:00Z'), 'price_change', 'expired', null);
  // Sales, inside the last 30 days only (the 18th at 11:00 in Riyadh is before the 7 days began at 12:00).
  job(at('2026-11-18T08:00:00Z'), 'new_inquiry', 'sent', 'read');
  job(at('2026-11-01T10:00:00Z'), 'new_inquiry', 'sent', 'read');
  // Sales, older than 30 days, and one still waiting.
  job(at('2026-10-20T10:00:00Z'), 'new_inquiry', 'sent', 'read');
  job(at('2026-11-25T10:00:00Z'), 'new_inquiry', 'pending', null);
  // Rentals, inside the last 24 hours.
  job(at('2026-11-25T08:30:00Z'), 'new_inquiry', 'sent', 'read', rentals.id);

  return { t, clock, admin, supervisor, agent, sales, rentals, job };
}

describe('automation stats', () => {
  let o: Office;
  beforeAll(async () => {
    o = await office();
  });
  afterAll(() => o.t.close());

  it('counts a number\'s rules and its period\'s sends, outcomes, triggers and office days as seed 003 has them', async () => {
    const stats = await o.t.call('automation.stats', { numberId: o.sales.id, period: '7d' }, o.admin.token);
    expect(stats).toEqual({
      // The Sales rule and the every-number one; not Rentals'.
      totalRules: 2,
      activeRules: 1,
      inactiveRules: 1,
      messagesSent: { last24h: 5, last7d: 6, last30d: 8 },
      successRate: 50,
      failureRate: 33.3,
      topTriggers: [
        { trigger: 'new_inquiry', count: 3, label: 'استفسار جديد' },
        { trigger: 'no_response_24h', count: 2, label: 'عدم رد 24 ساعة' },
        { trigger: 'appointment_reminder', count: 1, label: 'تذكير موعد' },
      ],
      dailyStats: [
        { date: '2026-11-18', sent: 0, success: 0, failed: 0 },
        { date: '2026-11-19', sent: 0, success: 0, failed: 0 },
        { date: '2026-11-20', sent: 0, success: 0, failed: 0 },
        { date: '2026-11-21', sent: 0, success: 0, failed: 0 },
        { date: '2026-11-22', sent: 0, success: 0, failed: 0 },
        { date: '2026-11-23', sent: 1, success: 0, failed: 0 },
        { date: '2026-11-24', sent: 2, success: 0, failed: 2 },
        { date: '2026-11-25', sent: 3, success: 3, failed: 0 },
      ],
      notSent: { skipped: 1, cancelled: 1, expired: 1 },
      timeZone: 'Asia/Riyadh',
    });
  });

  it('counts every number for a supervisor who names none, and the last 24 hours by default', async () => {
    const stats = await o.t.call('automation.stats', {}, o.supervisor.token);
    expect(stats).toMatchObject({
      totalRules: 3,
      activeRules: 2,
      inactiveRules: 1,
      messagesSent: { last24h: 6, last7d: 7, last30d: 9 },
      // Of the six sent in the last 24 hours: four reached WhatsApp, two failed.
      successRate: 66.7,
      failureRate: 33.3,
      topTriggers: [
        { trigger: 'new_inquiry', count: 3, label: 'استفسار جديد' },
        { trigger: 'no_response_24h', count: 2, label: 'عدم رد 24 ساعة' },
        { trigger: 'appointment_reminder', count: 1, label: 'تذكير موعد' },
      ],
      // The 24 hours began at noon on the 24th in Riyadh: two office days, the first one from then.
      dailyStats: [
        { date: '2026-11-24', sent: 2, success: 0, failed: 2 },
        { date: '2026-11-25', sent: 4, success: 4, failed: 0 },
      ],
      notSent: { skipped: 0, cancelled: 0, expired: 0 },
    });
  });

  it('gives thirty-one office days for 30 days, and nothing to an agent (the stats are the managers\')', async () => {
    const stats = await o.t.call('automation.stats', { numberId: o.sales.id, period: '30d' }, o.admin.token);
    expect(stats.dailyStats).toHaveLength(31);
    expect(stats.dailyStats[0]!.date).toBe('2026-10-26');
    expect(stats.dailyStats.at(-1)!.date).toBe('2026-11-25');
    expect(stats.dailyStats.find((d) => d.date === '2026-11-01')).toEqual({ date: '2026-11-01', sent: 1, success: 1, failed: 0 });
    expect(stats.dailyStats.reduce((n, d) => n + d.sent, 0)).toBe(stats.messagesSent.last30d);
    expect(await o.t.failure('automation.stats', {}, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('cuts days at the office\'s midnight in its own zone, summer time included', async () => {
    // The office moves to New York: 1 November 2026 is 25 hours long there (summer time ends).
    o.t.core.database.sqlite.prepare("insert into settings (key, value, updated_at) values ('office.timeZone', '\"America/New_York\"', 0) on conflict (key) do update set value = excluded.value").run();
    try {
      o.job(at('2026-11-01T04:30:00Z'), 'follow_up', 'sent', 'read'); // 00:30 EDT on the 1st
      o.job(at('2026-11-02T04:30:00Z'), 'follow_up', 'sent', 'read'); // 23:30 EST, still the 1st
      o.job(at('2026-11-02T05:30:00Z'), 'follow_up', 'sent', 'read'); // 00:30 EST on the 2nd
      const stats = await o.t.call('automation.stats', { numberId: o.sales.id, period: '30d' }, o.admin.token);
      expect(stats.timeZone).toBe('America/New_York');
      // 09:00 UTC is 04:00 in New York: the 30 days began at 05:00 on 26 October.
      const dates = stats.dailyStats.map((d) => d.date);
      expect(dates[0]).toBe('2026-10-26');
      expect(dates.at(-1)).toBe('2026-11-25');
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates).toHaveLength(31);
      // The 1st holds the job at 10:00 UTC (05:00 EST) and the two follow-ups either side of the clock change.
      expect(stats.dailyStats.find((d) => d.date === '2026-11-01')).toEqual({ date: '2026-11-01', sent: 3, success: 3, failed: 0 });
      expect(stats.dailyStats.find((d) => d.date === '2026-11-02')).toEqual({ date: '2026-11-02', sent: 1, success: 1, failed: 0 });
      // Riyadh's midnight is no longer a cut: both jobs around it are on New York's 24th.
      expect(stats.dailyStats.find((d) => d.date === '2026-11-24')).toMatchObject({ sent: 3, failed: 2 });
    } finally {
      o.t.core.database.sqlite.prepare("delete from settings where key = 'office.timeZone'").run();
    }
  });
});
