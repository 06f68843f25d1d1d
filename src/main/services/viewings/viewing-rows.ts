import type Database from 'better-sqlite3';
import { toIso } from '../../base/clock';
import { ZoneTime } from '../../calendar/zone-time';
import type { ViewingStatus, ViewingView } from '../../../shared/viewings/types';

/** A viewing with the names the calendar shows, as one query reads it. */
export interface ViewingRow {
  id: number;
  status: string;
  start_at: number;
  end_at: number;
  duration_minutes: number;
  contact_id: number;
  contact_name: string | null;
  contact_phone: string | null;
  conversation_id: number | null;
  whatsapp_number_id: number | null;
  property_id: number;
  property_name: string;
  agent_id: number;
  agent_name: string;
  branch_id: number | null;
  place: string | null;
  notes: string | null;
  outside_hours_reason: string | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}

/** Every viewing query selects these, so one row type serves them all. */
export const viewingSelect = `select v.id, v.status, v.start_at, v.end_at, v.duration_minutes, v.contact_id, ct.name as contact_name, ct.phone as contact_phone,
  v.conversation_id, v.whatsapp_number_id, v.property_id, p.name as property_name, v.agent_id, u.name as agent_name, v.branch_id,
  v.place, v.notes, v.outside_hours_reason, v.created_by, v.created_at, v.updated_at
  from viewings v join contacts ct on ct.id = v.contact_id join properties p on p.id = v.property_id join users u on u.id = v.agent_id`;

/**
 * The scope of an agent's reads: the numbers they work (a JSON array, null for every number)
 * or their own viewings. Appended to a `where`.
 */
export const viewingScopeSql = `(@allowed is null or v.agent_id = @me or v.whatsapp_number_id in (select value from json_each(@allowed)))`;

export function prepareRows<P extends unknown[] | Record<string, unknown>>(sqlite: Database.Database, where: string): Database.Statement<P, ViewingRow> {
  return sqlite.prepare<P, ViewingRow>(`${viewingSelect} ${where}`);
}

// A calendar formats hundreds of starts at a time: day names and clock times are made once.
const dayNames = new Map<number, string>();
const clockTimes = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

const wallText = (zone: ZoneTime, ms: number) => {
  const { day, minute } = zone.wall(ms);
  let date = dayNames.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dayNames.size > 20_000) dayNames.clear();
    dayNames.set(day, date);
  }
  return { date, time: clockTimes[minute]! };
};

/** The office wall clock of an instant (YYYY-MM-DD, HH:MM). */
export function officeWall(timeZone: string, ms: number): { date: string; time: string } {
  return wallText(zoneFor(timeZone), ms);
}

const zones = new Map<string, ZoneTime>();
export function zoneFor(timeZone: string): ZoneTime {
  let zone = zones.get(timeZone);
  if (!zone) zones.set(timeZone, (zone = new ZoneTime(timeZone)));
  return zone;
}

export function toViewingView(row: ViewingRow, timeZone: string): ViewingView {
  const wall = officeWall(timeZone, row.start_at);
  return {
    id: row.id,
    status: row.status as ViewingStatus,
    start: toIso(row.start_at),
    end: toIso(row.end_at),
    durationMinutes: row.duration_minutes,
    officeDate: wall.date,
    officeTime: wall.time,
    contact: { id: row.contact_id, name: row.contact_name, phone: row.contact_phone },
    conversationId: row.conversation_id,
    numberId: row.whatsapp_number_id,
    property: { id: row.property_id, name: row.property_name },
    agent: { id: row.agent_id, name: row.agent_name },
    branchId: row.branch_id,
    place: row.place,
    notes: row.notes,
    outsideHoursReason: row.outside_hours_reason,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A viewing's own columns, before its names are looked up. */
export type BareViewingRow = Omit<ViewingRow, 'contact_name' | 'contact_phone' | 'property_name' | 'agent_name'>;

/**
 * Names for a calendar's worth of viewings in three lookups by distinct id: a week of a busy
 * office is hundreds of viewings but far fewer customers, properties and agents, and joining
 * each row to the large contacts table costs more than looking each customer up once.
 */
export class ViewingNames {
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      contacts: sqlite.prepare<[string], { id: number; name: string | null; phone: string | null }>('select id, name, phone from contacts where id in (select value from json_each(?))'),
      properties: sqlite.prepare<[string], { id: number; name: string }>('select id, name from properties where id in (select value from json_each(?))'),
      users: sqlite.prepare<[string], { id: number; name: string }>('select id, name from users where id in (select value from json_each(?))'),
    };
  }

  attach(rows: BareViewingRow[]): ViewingRow[] {
    const ids = (pick: (row: BareViewingRow) => number) => JSON.stringify([...new Set(rows.map(pick))]);
    const contacts = new Map(this.q.contacts.all(ids((r) => r.contact_id)).map((c) => [c.id, c]));
    const properties = new Map(this.q.properties.all(ids((r) => r.property_id)).map((p) => [p.id, p.name]));
    const users = new Map(this.q.users.all(ids((r) => r.agent_id)).map((u) => [u.id, u.name]));
    return rows.map((row) => {
      const contact = contacts.get(row.contact_id);
      return { ...row, contact_name: contact?.name ?? null, contact_phone: contact?.phone ?? null, property_name: properties.get(row.property_id) ?? '', agent_name: users.get(row.agent_id) ?? '' };
    });
  }
}
