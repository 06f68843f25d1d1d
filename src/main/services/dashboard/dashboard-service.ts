import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { drillDownInput } from '../../../shared/dashboard/schemas';
import type { AgentResponse, DashboardSummary, DrillDown, DrillDownRow, WaitingEpisode } from '../../../shared/dashboard/types';
import type { NumberView } from '../../../shared/numbers/types';
import type { Clock } from '../../base/clock';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';
import { defaultResponseTargetMinutes, officeKeys } from '../office/office-settings-store';
import { resolveScope, type DashboardQuery, type DashboardScope } from './dashboard-scope';
import { episodeInScope, episodeSources, figureFilter, openEpisodes, waitingConversations, waitingNow } from './episode-sql';
import { RangeFigures, type RangeParams, type Reply } from './range-figures';
import { responseFigures } from './response-figures';
import { flushStagedCounts } from './staged-counts';
import { rebuildDashboardStats } from './stats-rebuild';
import { statsRecomputing, type StatsRecompute } from './stats-recompute';

const dayMs = 86_400_000;

/**
 * Issue 17's dashboard, read from the kept figures (dashboard_episodes, dashboard_daily,
 * dashboard_contact_days, dashboard_contact_last; the range's reads in range-figures.ts) and a
 * few indexed lookups: never a scan of the range's messages.
 */
export class DashboardService {
  private readonly figures: RangeFigures;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly access: NumberAccess,
    private readonly clock: Clock,
    private readonly liveNumbers: (caller: Caller) => NumberView[],
    /** Rebuilds the figures after the office's zone or week changed. */
    readonly recompute: StatsRecompute,
  ) {
    this.figures = new RangeFigures(sqlite);
  }

  summary(caller: Caller, query: DashboardQuery): DashboardSummary {
    // Counts staged by the ingests before this one: a user never sees a figure lag.
    flushStagedCounts(this.sqlite);
    const now = this.clock.now();
    const scope = resolveScope(this.sqlite, this.access, caller, query, officeCalendarOf(this.sqlite), now);
    const target = this.targetMinutes();
    const p = this.params(scope, target);
    // One read transaction: every part sees the same database, so cards, charts and tables agree.
    return this.sqlite.transaction(() => {
      const replies = this.figures.replies(p);
      const counts = this.figures.counts(p);
      const funnel = counts.funnel;

      const daily = this.sqlite
        .prepare<[Params], { day: string; direction: 'in' | 'out'; type: string; n: number }>(
          `select day, direction, type, sum(messages) as n from dashboard_daily
           where day between @from and @to and whatsapp_number_id in (select value from json_each(@numbers))
             and (@agent is null or direction = 'in' or agent_id = @agent)
           group by day, direction, type`,
        )
        .all(p);
      const byDay = new Map(scope.range.days.map((day) => [day, { day, incoming: 0, outgoing: 0 }]));
      const byType = new Map<string, number>();
      for (const row of daily) {
        if (row.n === 0) continue;
        const bucket = byDay.get(row.day)!;
        if (row.direction === 'in') bucket.incoming += row.n;
        else bucket.outgoing += row.n;
        byType.set(row.type, (byType.get(row.type) ?? 0) + row.n);
      }
      const messagesByDay = [...byDay.values()];
      const incoming = messagesByDay.reduce((sum, d) => sum + d.incoming, 0);
      const outgoing = messagesByDay.reduce((sum, d) => sum + d.outgoing, 0);
      const activeContacts = this.figures.activeContacts(p);

      const total = responseFigures(replies);
      const byAgent = this.byAgent(caller, replies);
      let within = 0;
      for (const [, , officeMs] of replies) if (officeMs <= p.target) within++;
      const responseRate = counts.episodes === 0 ? null : Math.round((within / counts.episodes) * 1000) / 10;

      return {
        range: scope.range,
        recomputing: statsRecomputing(this.sqlite),
        targetMinutes: target,
        stats: {
          totalMessages: incoming + outgoing,
          incoming,
          outgoing,
          totalConversations: counts.conversations,
          episodes: counts.episodes,
          activeContacts,
          avgResponseTime: total.avgResponseTime,
          answeredWithinTarget: within,
          responseRate,
        },
        firstResponse: { total, byAgent },
        waiting: this.waiting(p),
        charts: { messagesByDay, messageTypes: [...byType].map(([type, value]) => ({ type, value })).sort((a, b) => b.value - a.value) },
        whatsappAccounts: this.accounts(caller, scope),
        teamPerformance: [{ name: 'responseRate' as const, current: within, target: counts.episodes, percentage: responseRate ?? 0 }],
        recentConversations: this.recent(p),
        funnel,
        viewings: this.viewings(caller, query, scope, now),
        invoices: this.invoices(caller, query, scope),
      };
    })();
  }

  drillDown(caller: Caller, input: z.output<typeof drillDownInput>): DrillDown {
    flushStagedCounts(this.sqlite);
    const scope = resolveScope(this.sqlite, this.access, caller, input.query, officeCalendarOf(this.sqlite), this.clock.now());
    const p = { ...this.params(scope, this.targetMinutes()), repliedBy: input.repliedBy ?? null, limit: input.limit };
    const where = `${input.figure === 'waiting' ? waitingNow : `${episodeInScope} and ${figureFilter[input.figure]}`} and (@repliedBy is null or e.first_reply_by = @repliedBy)`;
    // Waiting episodes are open ones; the others are in both sources (episode-sql.ts). An open episode's id is its conversation's, negated.
    const sources = input.figure === 'waiting' ? [openEpisodes] : episodeSources;
    const from = (source: string) => `from ${source} e join conversations c on c.id = e.conversation_id
      join contacts ct on ct.id = c.contact_id join whatsapp_numbers n on n.id = e.whatsapp_number_id left join users u on u.id = e.first_reply_by`;
    return this.sqlite.transaction(() => {
      let total = 0;
      for (const source of sources) total += this.sqlite.prepare<[typeof p], { n: number }>(`select count(*) as n ${from(source)} where ${where}`).get(p)!.n;
      const select = (source: string) => `select e.id as episodeId, e.conversation_id as conversationId, coalesce(ct.name, ct.phone, '') as customer, n.name as numberName,
             e.started_at as startedAt, e.first_reply_at as firstReplyAt, e.response_ms as responseMs, u.name as repliedBy
           ${from(source)} where ${where}`;
      const rows = this.sqlite
        .prepare<[typeof p], { episodeId: number; conversationId: number; customer: string; numberName: string; startedAt: number; firstReplyAt: number | null; responseMs: number | null; repliedBy: string | null }>(
          `${sources.map(select).join(' union all ')}
           order by ${input.figure === 'waiting' ? 'startedAt asc' : 'startedAt desc'}, episodeId desc limit @limit`,
        )
        .all(p);
      return { figure: input.figure, total, rows: rows.map((r): DrillDownRow => ({ ...r, onPhone: r.firstReplyAt !== null && r.repliedBy === null })) };
    })();
  }

  rebuild(): { episodes: number } {
    return rebuildDashboardStats(this.sqlite, this.clock.now());
  }

  private params(scope: DashboardScope, targetMinutes: number): Params {
    return { from: scope.range.from, to: scope.range.to, numbers: scope.numbers, agent: scope.agentId, target: targetMinutes * 60_000 };
  }

  private targetMinutes(): number {
    const raw = this.sqlite.prepare<[string], { value: string }>('select value from settings where key = ?').get(officeKeys.responseTarget)?.value;
    const parsed = raw === undefined ? NaN : Number(JSON.parse(raw));
    return Number.isInteger(parsed) && parsed > 0 ? parsed : defaultResponseTargetMinutes;
  }

  /** Per replying agent (null: typed on the phone); an agent sees their own row only. */
  private byAgent(caller: Caller, replies: Reply[]): AgentResponse[] {
    const names = new Map(this.sqlite.prepare<[], { id: number; name: string }>('select id, name from users').all().map((u) => [u.id, u.name]));
    const groups = new Map<number | null, Reply[]>();
    for (const reply of replies) {
      const by = reply[0];
      if (caller.user.role === 'agent' && by !== caller.user.id) continue;
      const group = groups.get(by);
      if (group) group.push(reply);
      else groups.set(by, [reply]);
    }
    return [...groups]
      .map(([agentId, rows]) => ({ agentId, name: agentId === null ? null : (names.get(agentId) ?? null), ...responseFigures(rows) }))
      .sort((a, b) => b.answered - a.answered);
  }

  private waiting(p: Params): DashboardSummary['waiting'] {
    const count = this.figures.waitingCount(p);
    // The ten from the open episodes' index, then their names.
    const longest = this.sqlite
      .prepare<[Params], WaitingEpisode>(
        `select -w.id as episodeId, w.id as conversationId, coalesce(ct.name, ct.phone, '') as customer, n.name as numberName, w.open_started_at as startedAt
         from (select c.id, c.open_started_at from ${waitingConversations} order by c.open_started_at, -c.id limit 10) w
         join conversations c on c.id = w.id join contacts ct on ct.id = c.contact_id join whatsapp_numbers n on n.id = c.whatsapp_number_id
         order by w.open_started_at, -w.id`,
      )
      .all(p);
    return { count, longest };
  }

  private accounts(caller: Caller, scope: DashboardScope): DashboardSummary['whatsappAccounts'] {
    const branches = new Map(this.sqlite.prepare<[], { id: number; name: string }>('select id, name from branches').all().map((b) => [b.id, b.name]));
    return this.liveNumbers(caller)
      .filter((n) => scope.numberIds.includes(n.id))
      .map((n) => ({
        id: n.id,
        name: n.name,
        phone: n.phoneNumber,
        status: n.connection.state,
        branch: n.branchId === null ? null : (branches.get(n.branchId) ?? null),
        quotaUsed: n.quotaUsed,
        quotaLimit: n.quotaLimit,
      }));
  }

  /** The conversations of the latest 500 messages (rowid order), newest first: never a sort of every conversation. */
  private recent(p: Params): DashboardSummary['recentConversations'] {
    return this.sqlite
      .prepare<[Params], DashboardSummary['recentConversations'][number]>(
        `select c.id, coalesce(ct.name, ct.phone, '') as customer, n.name as numberName, c.last_message as lastMessage, c.last_message_time as lastMessageTime, c.status
         from conversations c join contacts ct on ct.id = c.contact_id join whatsapp_numbers n on n.id = c.whatsapp_number_id
         where c.id in (select conversation_id from messages order by id desc limit 500)
           and c.whatsapp_number_id in (select value from json_each(@numbers)) and (@agent is null or c.assigned_agent_id = @agent)
           and c.last_message_time is not null
         order by c.last_message_time desc limit 10`,
      )
      .all(p);
  }

  /** Viewings held in the range (no-show rate) and the next seven days'; those on no number count for managers viewing every number. */
  private viewings(caller: Caller, query: DashboardQuery, scope: DashboardScope, now: number): DashboardSummary['viewings'] {
    const v = { ...this.viewingScope(caller, query, scope), fromMs: scope.fromMs, toMs: scope.toMs, now, week: now + 7 * dayMs };
    const where = `(v.whatsapp_number_id in (select value from json_each(@numbers)) or (v.whatsapp_number_id is null and @everyNumber = 1))
      and (@agent is null or v.agent_id = @agent)`;
    const held = this.sqlite
      .prepare<[typeof v], { done: number | null; noShow: number | null }>(
        `select sum(v.status = 'done') as done, sum(v.status = 'no_show') as noShow from viewings v where v.start_at >= @fromMs and v.start_at < @toMs and ${where}`,
      )
      .get(v)!;
    const done = held.done ?? 0;
    const noShow = held.noShow ?? 0;
    const next7Days = this.sqlite
      .prepare<[typeof v], DashboardSummary['viewings']['next7Days'][number]>(
        `select v.id, v.start_at as startAt, p.name as property, coalesce(ct.name, ct.phone, '') as customer, u.name as agent, v.status
         from viewings v join properties p on p.id = v.property_id join contacts ct on ct.id = v.contact_id join users u on u.id = v.agent_id
         where v.start_at >= @now and v.start_at < @week and v.status in ('tentative', 'confirmed') and ${where}
         order by v.start_at, v.id limit 50`,
      )
      .all(v);
    return { done, noShow, noShowRate: done + noShow === 0 ? null : Math.round((noShow / (done + noShow)) * 1000) / 10, next7Days };
  }

  /** Issued in the range; an agent's (or a filtered view's) are those of customers on the numbers in view. */
  private invoices(caller: Caller, query: DashboardQuery, scope: DashboardScope): DashboardSummary['invoices'] {
    const d = { ...this.viewingScope(caller, query, scope), fromMs: scope.fromMs, toMs: scope.toMs };
    const row = this.sqlite
      .prepare<[typeof d], { count: number; net: number | null; vat: number | null; total: number | null; credited: number | null; unpaid: number | null; unpaidCount: number | null }>(
        `select sum(d.kind = 'invoice') as count,
           sum(case d.kind when 'credit_note' then -d.net_total else d.net_total end) as net,
           sum(case d.kind when 'credit_note' then -d.vat_total else d.vat_total end) as vat,
           sum(case d.kind when 'credit_note' then -d.total else d.total end) as total,
           sum(case d.kind when 'credit_note' then d.total else 0 end) as credited,
           sum(case when d.kind <> 'credit_note' and d.payment_status <> 'paid' then d.total - d.paid_total else 0 end) as unpaid,
           sum(d.kind <> 'credit_note' and d.payment_status <> 'paid') as unpaidCount
         from invoice_documents d
         where d.status = 'issued' and d.issued_at >= @fromMs and d.issued_at < @toMs
           and (@everyNumber = 1 or d.contact_id in (select contact_id from conversations where whatsapp_number_id in (select value from json_each(@numbers))))
           and (@agent is null or d.created_by = @agent)`,
      )
      .get(d)!;
    return {
      count: row.count ?? 0,
      net: row.net ?? 0,
      vat: row.vat ?? 0,
      total: row.total ?? 0,
      credited: row.credited ?? 0,
      unpaid: row.unpaid ?? 0,
      unpaidCount: row.unpaidCount ?? 0,
    };
  }

  private viewingScope(caller: Caller, query: DashboardQuery, scope: DashboardScope) {
    const everyNumber = caller.user.role !== 'agent' && !caller.numberLimit && query.numberId === undefined && query.branchId === undefined ? 1 : 0;
    return { numbers: scope.numbers, agent: scope.agentId, everyNumber };
  }
}

type Params = RangeParams;
