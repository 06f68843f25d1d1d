import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { dashboardQuery } from '../../../shared/dashboard/schemas';
import type { DashboardRange } from '../../../shared/dashboard/types';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import { dayName, dayNumber } from '../../calendar/zone-time';
import { AppError } from '../../rpc/app-error';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';

export type DashboardQuery = z.output<typeof dashboardQuery>;

/** What one dashboard read covers: office days, the numbers in view, and whose replies. */
export interface DashboardScope {
  range: DashboardRange;
  /** First instant of `from` and of the day after `to`, in the office's zone. */
  fromMs: number;
  toMs: number;
  /** JSON array of the number ids in view (`json_each`). */
  numbers: string;
  numberIds: number[];
  /** Replies (and outgoing messages) of this agent only; null for everyone's. */
  agentId: number | null;
}

const presetDays: Record<Exclude<DashboardQuery['preset'], 'custom'>, number> = { today: 1, '7d': 7, '30d': 30, '12m': 365 };

/** The range's office days: a preset ends today (the office's today, on the core's clock). */
export function resolveRange(query: DashboardQuery, calendar: OfficeCalendar, now: number): DashboardRange {
  const today = dayNumber(calendar.officeDay(now));
  const [from, to] = query.preset === 'custom' ? [dayNumber(query.from!), dayNumber(query.to!)] : [today - presetDays[query.preset] + 1, today];
  const days: string[] = [];
  for (let d = from; d <= to; d++) days.push(dayName(d));
  return { preset: query.preset, from: dayName(from), to: dayName(to), timeZone: calendar.timeZone, days };
}

/**
 * The numbers a read covers: the caller's (an agent's own, everyone's for managers), narrowed by
 * the number and branch filters. An agent asking for another number, or for another agent's
 * figures, is refused; their own figures are theirs to filter by.
 */
export function resolveScope(sqlite: Database.Database, access: NumberAccess, caller: Caller, query: DashboardQuery, calendar: OfficeCalendar, now: number): DashboardScope {
  if (query.numberId !== undefined) access.requireNumber(caller, query.numberId);
  if (caller.user.role === 'agent' && query.agentId !== undefined && query.agentId !== caller.user.id) {
    throw new AppError('FORBIDDEN', undefined, undefined, 'Agents see their own figures only');
  }
  const allowed = access.allowedNumbers(caller);
  let ids = sqlite
    .prepare<[number | null, number | null], { id: number }>(
      'select id from whatsapp_numbers where (? is null or branch_id = ?) order by id',
    )
    .all(query.branchId ?? null, query.branchId ?? null)
    .map((r) => r.id);
  if (allowed) ids = ids.filter((id) => allowed.includes(id));
  if (query.numberId !== undefined) ids = ids.filter((id) => id === query.numberId);
  const range = resolveRange(query, calendar, now);
  return {
    range,
    fromMs: calendar.dayStart(range.from),
    toMs: calendar.dayStart(dayName(dayNumber(range.to) + 1)),
    numbers: JSON.stringify(ids),
    numberIds: ids,
    agentId: query.agentId ?? null,
  };
}
