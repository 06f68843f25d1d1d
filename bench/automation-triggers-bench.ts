import type Database from 'better-sqlite3';
import { systemClock } from '../src/main/base/clock';
import { silentLogger } from '../src/main/base/logger';
import { officeCalendarOf } from '../src/main/calendar/office-calendar-setting';
import { EventBus } from '../src/main/events/event-bus';
import { Ingest } from '../src/main/ingest/ingest';
import { AutomationTriggers } from '../src/main/services/automation/automation-triggers';
import { JobStore } from '../src/main/services/automation/job-store';
import type { RuleSnapshot } from '../src/main/services/automation/rule-hooks';
import type { NumberAccess } from '../src/main/services/inbox/number-access';
import { automationTriggers, type AutomationTrigger } from '../src/shared/automation/types';
import { inboundMessages, loadExisting } from './ingest-bench';
import { messageTextPool, seededRandom } from './fake-data';
import { heading, line, perSecond, target, thousands } from './report';

const perRound = 1_000;
const rounds = 4;

/**
 * Issue 15's triggers on the 100k database: enabling a no-response rule over every
 * conversation (one set-based statement), and ingest followed by the triggers' pass over the
 * new messages with an office's rules (seed 003's six) beside the same without any, then with
 * 1,000 active rules (alternating rounds, same run).
 */
export function benchAutomationTriggers(sqlite: Database.Database): void {
  heading('Automation triggers (an office\'s rules, then 1,000)');
  const store = new JobStore(sqlite, systemClock);
  const triggers = new AutomationTriggers({
    sqlite,
    bus: new EventBus(),
    clock: systemClock,
    logger: silentLogger,
    store,
    calendar: () => officeCalendarOf(sqlite),
    access: {} as NumberAccess,
  });
  const now = Date.now();
  const templateId = Number(
    sqlite.prepare("insert into message_templates (name, content, variables, created_at, updated_at) values ('bench', 'أهلًا {{customer_name}}', '[\"customer_name\"]', ?, ?)").run(now, now).lastInsertRowid,
  );
  const insertRule = sqlite.prepare(
    `insert into automation_rules (name, trigger, delay_minutes, template_id, is_active, whatsapp_number_id, office_hours_only, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const numbers = sqlite.prepare<[], { id: number }>('select id from whatsapp_numbers order by id').all().map((r) => r.id);

  // Enabling a no-response rule for every number: what is true now, in one statement.
  const rule: RuleSnapshot = { id: 0, name: 'bench no response', trigger: 'no_response_24h', delayMinutes: 1440, templateId, isActive: true, whatsappNumberId: null, officeHoursOnly: false };
  rule.id = Number(insertRule.run(rule.name, rule.trigger, rule.delayMinutes, templateId, 1, null, now, now).lastInsertRowid);
  const conversations = (sqlite.prepare('select count(*) as n from conversations').get() as { n: number }).n;
  const dry = performance.now();
  const preview = triggers.dryRun(rule, 20);
  line('dry run of that rule', `${thousands(preview.count)} would arm, in ${(performance.now() - dry).toFixed(0)} ms`);
  const t = performance.now();
  sqlite.transaction(() => triggers.saved(rule, null))();
  const enableMs = performance.now() - t;
  const armed = (sqlite.prepare('select count(*) as n from automation_jobs where rule_id = ?').get(rule.id) as { n: number }).n;
  target(`enable a no-response rule over ${thousands(conversations)} conversations`, `${enableMs.toFixed(0)} ms (${thousands(armed)} armed)`, enableMs < 2_000, '< 2 s');

  const random = seededRandom(15);
  const existing = loadExisting(sqlite);
  // An office's day: one message in ten from a new customer (ingest's own benchmark takes one in two, to stress new contacts).
  const newCustomers = 0.1;
  const inbound = inboundMessages(random, existing, messageTextPool(random, 2_000), perRound * rounds * 2 * 2 + 500, newCustomers);
  line('messages', `${thousands(perRound * rounds)} per side, ${newCustomers * 100} % from new customers, the rest in existing conversations (10 % typed on the phone)`);
  const ingest = new Ingest(sqlite, systemClock);
  let next = 0;
  const run = (count: number) => {
    for (let i = 0; i < count; i++) {
      const m = inbound[next++]!;
      ingest.ingest(m.numberId, m);
    }
    // What `message.new` wakes in the app: the pass over the new messages.
    triggers.readMessages();
  };
  /**
   * Ingest + the triggers' pass with `ids` switched on, beside the same with them off, in
   * alternating rounds. Wall time and the process's CPU time both: on a shared machine the wall
   * clock also counts waiting for a core, which the two sides do not get in equal measure.
   */
  const onVsOff = (ids: number[]): { on: number; off: number; onCpu: number; offCpu: number } => {
    const setActive = (on: boolean) => {
      sqlite.prepare(`update automation_rules set is_active = ? where id in (${ids.join(',')})`).run(on ? 1 : 0);
      // As the rules service does through the hooks: the in-memory active rules are read again.
      triggers.saved({ ...rule, isActive: false }, { ...rule, isActive: false });
    };
    const timed = (count: number): { wall: number; cpu: number } => {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      run(count);
      const used = process.cpuUsage(cpu);
      return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
    };
    setActive(false);
    run(250);
    const off = { wall: 0, cpu: 0 };
    const on = { wall: 0, cpu: 0 };
    for (let r = 0; r < rounds; r++) {
      setActive(false);
      const a = timed(perRound);
      off.wall += a.wall;
      off.cpu += a.cpu;
      setActive(true);
      const b = timed(perRound);
      on.wall += b.wall;
      on.cpu += b.cpu;
    }
    setActive(false);
    const n = perRound * rounds;
    return { on: perSecond(n, on.wall), off: perSecond(n, off.wall), onCpu: perSecond(n, on.cpu), offCpu: perSecond(n, off.cpu) };
  };
  sqlite.prepare('update automation_rules set is_active = 0 where id = ?').run(rule.id);

  // An office as seed 003 sets one up (rule-001…006): a welcome on every number, a 24 h follow-up on
  // the first number, a viewing reminder, a follow-up after viewings, a property match (off) and a
  // price change on the first number. Most of them never look at a message.
  const seedRules: [string, AutomationTrigger, number, number | null, number][] = [
    ['رد تلقائي للاستفسارات الجديدة', 'new_inquiry', 1, null, 1],
    ['متابعة عدم الرد - 24 ساعة', 'no_response_24h', 1440, numbers[0]!, 1],
    ['تذكير الموعد', 'appointment_reminder', -1440, null, 1],
    ['متابعة بعد المعاينة', 'follow_up', 1440, null, 1],
    ['إشعار عقار مطابق', 'property_match', 5, null, 0],
    ['إشعار تغيير السعر', 'price_change', 5, numbers[0]!, 1],
  ];
  const office = seedRules.filter(([, , , , active]) => active === 1).map(([name, trigger, delay, number]) => Number(insertRule.run(name, trigger, delay, templateId, 0, number, now, now).lastInsertRowid));
  const seeded = onVsOff(office);
  line('ingest + triggers, automation off', `${thousands(seeded.off)} msg/s (CPU: ${thousands(seeded.offCpu)} msg/s)`);
  line('ingest + triggers, seed 003\'s rules on', `${thousands(seeded.on)} msg/s (CPU: ${thousands(seeded.onCpu)} msg/s)`);
  line('  ratio by wall time', `${((seeded.on / seeded.off) * 100).toFixed(1)} %`);
  target('ingest with an office\'s rules ÷ without (CPU)', `${((seeded.onCpu / seeded.offCpu) * 100).toFixed(1)} %`, seeded.onCpu / seeded.offCpu >= 0.9, '≥ 90 %');

  // Issue 15's stress figure: 1,000 rules, every trigger on each number and on all numbers.
  const ids: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const trigger = automationTriggers[i % automationTriggers.length]!;
    const delay = trigger.startsWith('no_response') ? 4320 : trigger === 'appointment_reminder' ? -60 : 30;
    const number = i % 6 === 5 ? null : numbers[i % numbers.length]!;
    ids.push(Number(insertRule.run(`bench ${i}`, trigger, delay, templateId, 0, number, now, now).lastInsertRowid));
  }
  const thousand = onVsOff(ids);
  line('ingest + triggers, 1,000 active rules', `${thousands(thousand.on)} msg/s (without: ${thousands(thousand.off)} msg/s; CPU: ${thousands(thousand.onCpu)} vs ${thousands(thousand.offCpu)})`);
  line('  ratio by wall time', `${((thousand.on / thousand.off) * 100).toFixed(1)} %`);
  target('ingest with 1,000 active rules ÷ without (CPU)', `${((thousand.onCpu / thousand.offCpu) * 100).toFixed(1)} %`, thousand.onCpu / thousand.offCpu >= 0.9, '≥ 90 %');
  const jobs = (sqlite.prepare("select count(*) as n from automation_jobs where status = 'pending'").get() as { n: number }).n;
  line('pending jobs after the rounds', thousands(jobs));
}
