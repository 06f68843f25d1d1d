import type Database from 'better-sqlite3';
import type { BrowserContext } from '@playwright/test';
import type { Core } from '../src/main/core/create-core';
import { officeCalendarOf } from '../src/main/calendar/office-calendar-setting';
import { freshLoads, withSignedInHost } from './browser-host';
import { intBelow, seededRandom } from './fake-data';
import { benchAgentEmail, benchPassword } from './generate';
import { describe, distribution, heading, line, ms, target, thousands, type Distribution } from './report';

/** Issue 14's sizes: the catalogue and the viewings on the 100k/1M database. */
export const viewingSizes = { properties: 10_000, viewings: 50_000, weeksEitherSide: 52 } as const;

const dayMs = 86_400_000;
const statuses = ['tentative', 'confirmed', 'confirmed', 'done', 'done', 'no_show', 'cancelled'] as const;

/**
 * Adds the catalogue (when it is still small) and 50,000 viewings spread over two years around
 * now to the working copy: every agent's, on office hours of working days, on conversations of
 * the numbers they work. Written straight to SQLite in one transaction (a few seconds).
 */
export function seedViewings(sqlite: Database.Database, now: number): { seconds: number; added: number } {
  const have = (sqlite.prepare('select count(*) as n from viewings').get() as { n: number }).n;
  if (have >= viewingSizes.viewings) return { seconds: 0, added: 0 };
  const started = performance.now();
  const random = seededRandom(14);
  const calendar = officeCalendarOf(sqlite);
  sqlite.transaction(() => {
    const properties = (sqlite.prepare('select count(*) as n from properties').get() as { n: number }).n;
    const insertProperty = sqlite.prepare("insert into properties (name, type, location, price, status, photos, created_at, updated_at) values (?, 'apartment', ?, ?, 'available', '[]', ?, ?)");
    for (let p = properties; p < viewingSizes.properties; p++) insertProperty.run(`عقار رقم ${p + 1}`, `حي ${(p % 40) + 1}، الرياض`, 500_000 + (p % 97) * 10_000, now, now);
    const propertyIds = (sqlite.prepare('select id from properties').all() as { id: number }[]).map((r) => r.id);
    const agents = sqlite
      .prepare(
        `select u.id, json_group_array(c.id) as conversations from users u
         join (select employee_id as user_id, id as number_id from whatsapp_numbers union select user_id, whatsapp_number_id from number_agents) a on a.user_id = u.id
         join (select id, whatsapp_number_id from conversations where id % 50 = 0) c on c.whatsapp_number_id = a.number_id
         where u.role = 'agent' group by u.id`,
      )
      .all() as { id: number; conversations: string }[];
    if (agents.length === 0) throw new Error('the bench database has no agents working numbers');
    const conversation = sqlite.prepare<[number], { contact_id: number; whatsapp_number_id: number }>('select contact_id, whatsapp_number_id from conversations where id = ?');
    const insert = sqlite.prepare(
      `insert into viewings (contact_id, conversation_id, whatsapp_number_id, property_id, agent_id, start_at, end_at, duration_minutes, status, created_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const days = viewingSizes.weeksEitherSide * 14;
    const firstDay = calendar.officeDay(now - viewingSizes.weeksEitherSide * 7 * dayMs);
    const conversationsOf = agents.map((a) => JSON.parse(a.conversations) as number[]);
    for (let i = have; i < viewingSizes.viewings; i++) {
      const k = i % agents.length;
      let start: number;
      do {
        const day = calendar.dayStart(firstDay) + intBelow(random, days) * dayMs + 2 * 3_600_000;
        start = calendar.dayStart(calendar.officeDay(day)) + (9 * 60 + intBelow(random, 48) * 15) * 60_000;
      } while (!calendar.isOpen(start));
      const duration = 30 + 15 * intBelow(random, 3);
      const list = conversationsOf[k]!;
      const conversationId = list[intBelow(random, list.length)]!;
      const c = conversation.get(conversationId)!;
      insert.run(c.contact_id, conversationId, c.whatsapp_number_id, propertyIds[intBelow(random, propertyIds.length)]!, agents[k]!.id, start, start + duration * 60_000, duration, statuses[intBelow(random, statuses.length)]!, agents[k]!.id, now, now);
    }
  })();
  return { seconds: (performance.now() - started) / 1000, added: viewingSizes.viewings - have };
}

async function sample(run: (i: number) => unknown, count: number, warmUps = 20): Promise<Distribution> {
  const times: number[] = [];
  for (let i = 0; i < warmUps + count; i++) {
    const started = performance.now();
    await run(i);
    if (i >= warmUps) times.push(performance.now() - started);
  }
  return distribution(times);
}

/** The week calendar for all agents (admin) and one agent, through the router as a window calls it; and an agent's clash check. */
export async function benchViewings(core: Core, adminToken: string): Promise<void> {
  const { sqlite } = core.database;
  const now = Date.now();
  const seeded = seedViewings(sqlite, now);
  heading(`Viewings: ${thousands(viewingSizes.viewings)} over ${viewingSizes.weeksEitherSide * 2} weeks, ${thousands(viewingSizes.properties)} properties`);
  line('seeded into the working copy', seeded.added === 0 ? 'already there' : `${thousands(seeded.added)} viewings in ${seeded.seconds.toFixed(1)} s`);

  const calendar = officeCalendarOf(sqlite);
  const random = seededRandom(41);
  const anchors = Array.from({ length: 200 }, () => calendar.officeDay(now + (intBelow(random, viewingSizes.weeksEitherSide * 2) - viewingSizes.weeksEitherSide) * 7 * dayMs));
  const routed = async (channel: string, input: unknown, token: string) => {
    const { result } = await core.router.call(channel, input, { token, clientKey: 'bench' });
    if (!result.success) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data as { viewings: unknown[] };
  };
  let shown = 0;
  // On a shared machine wall time includes waiting for a core: the process's own CPU time per call says what the query costs.
  const cpuBefore = process.cpuUsage();
  const week = await sample(async (i) => (shown += (await routed('viewings.calendar', { span: 'week', anchor: anchors[i % anchors.length] }, adminToken)).viewings.length), 200);
  const cpu = process.cpuUsage(cpuBefore);
  target('week calendar, all agents, router', describe(week), week.median < 10, 'median < 10 ms');
  line('  CPU time per call (this process)', ms((cpu.user + cpu.system) / 1000 / 220));
  line('  viewings per week shown', String(Math.round(shown / 220)));

  const agentSignIn = await core.router.call('auth.signIn', { email: benchAgentEmail(1), password: benchPassword }, { clientKey: 'bench-agent' });
  if (!agentSignIn.result.success) throw new Error('the bench agent could not sign in');
  const agentToken = (agentSignIn.result.data as { token: string }).token;
  const agentWeek = await sample((i) => routed('viewings.calendar', { span: 'week', anchor: anchors[i % anchors.length] }, agentToken), 100);
  line('week calendar, an agent (their numbers), router', describe(agentWeek));
  const month = await sample((i) => routed('viewings.calendar', { span: 'month', anchor: anchors[i % anchors.length] }, adminToken), 50);
  line('month calendar, all agents, router', describe(month));

  const agents = (sqlite.prepare("select id from users where role = 'agent'").all() as { id: number }[]).map((r) => r.id);
  const viewings = core.services.viewings;
  const slots = Array.from({ length: 2_000 }, () => {
    const start = now + (intBelow(random, viewingSizes.weeksEitherSide * 14) - viewingSizes.weeksEitherSide * 7) * dayMs;
    return { agent: agents[intBelow(random, agents.length)]!, start: start - (start % 900_000), minutes: 60 };
  });
  let clashes = 0;
  const clash = await sample((i) => {
    const s = slots[i % slots.length]!;
    if (viewings.clashWith(s.agent, { start: s.start, end: s.start + s.minutes * 60_000 }, 0)) clashes++;
  }, 2_000, 100);
  target('agent clash check', describe(clash), clash.median < 1, 'median < 1 ms');
  line('  slots that clashed', `${clashes} of 2,100`);
}

/**
 * The calendar's week view in Chromium against the host: navigation → the first frame with a
 * viewing laid out, in a fresh browser context each time after one warm-up (the bench admin).
 */
export async function benchBrowserCalendar(root: string, dataDir: string, workDir: string): Promise<void> {
  const runs = 5;
  heading(`Calendar week view in Chromium against the host (${runs} fresh page loads after one warm-up)`);
  await withSignedInHost(root, dataDir, workDir, async (session) => {
    const loads = await freshLoads(session, runs, { width: 1440, height: 900 }, openCalendar);
    const d = distribution(loads.map((m) => m.at));
    target('navigation → first week shown with its viewings', describe(d), d.median < 1000, 'median < 1 s');
    line('  each load', loads.map((m) => ms(m.at)).join(', '));
    line('  viewings drawn in the week', String(loads.at(-1)?.chips ?? 0));
  });
}

async function openCalendar(context: BrowserContext, url: string): Promise<{ at: number; chips: number }> {
  const chip = '[data-testid^="calendar-viewing-"]';
  await context.addInitScript({
    content: `(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector(${JSON.stringify(chip)})) return;
        seen.disconnect();
        requestAnimationFrame(() => (window.__firstViewingAt = performance.now()));
      });
      seen.observe(document, { childList: true, subtree: true });
    })();`,
  });
  const page = await context.newPage();
  await page.goto(`${url}#/calendar`, { waitUntil: 'commit' });
  await page.locator(chip).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() => (globalThis as { __firstViewingAt?: number }).__firstViewingAt !== undefined);
  const at = (await page.evaluate('window.__firstViewingAt')) as number;
  const chips = await page.locator(chip).count();
  return { at, chips };
}
