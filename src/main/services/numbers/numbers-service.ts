import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons } from '../../../shared/errors';
import type { NumberView } from '../../../shared/numbers/types';
import type { createNumberInput, DemoPhoneEvent, updateNumberInput } from '../../../shared/numbers/schemas';
import { toIso, type Clock } from '../../base/clock';
import { officeDay, officeTimeZoneOf } from '../../base/office-day';
import type { Audience, EventBus } from '../../events/event-bus';
import { normalizePhone } from '../../base/phone';
import { requireAssignableBranch } from '../branches/branch-ref';
import { AppError, fieldError } from '../../rpc/app-error';
import type { SessionManager } from '../../whatsapp/session-manager';
import { TransportError } from '../../whatsapp/webjs/start-errors';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { unassignLostAccess } from './lost-access';

/** Demo mode's simulated phone: scans the QR, and makes WhatsApp events happen. */
export interface DemoControls {
  scan(numberId: number): boolean;
  /** False when the number has no running demo session. */
  simulate(numberId: number, event: DemoPhoneEvent): boolean;
}

interface NumberRow {
  id: number;
  phone_number: string | null;
  name: string;
  status: NumberView['status'];
  provider: NumberView['provider'];
  employee_id: number | null;
  employee_name: string | null;
  employee_email: string | null;
  branch_id: number | null;
  quota_used: number;
  quota_limit: number;
  quota_day: string | null;
  linked_at: number | null;
  created_at: number;
  updated_at: number;
}

const selectNumbers = `
  select n.id, n.phone_number, n.name, n.status, n.provider, n.employee_id, u.name as employee_name, u.email as employee_email, n.branch_id,
         n.quota_used, n.quota_limit, n.quota_day, n.linked_at, n.created_at, n.updated_at
  from whatsapp_numbers n left join users u on u.id = n.employee_id
  where n.removed_at is null`;

/** Seed 003's numbers: stored fields plus the live connection from the session manager. */
export class NumbersService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly sessions: SessionManager,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly demo: DemoControls | null,
  ) {}

  /** Which numbers a caller may see (null: all); set by the core. */
  allowedFor: (caller: Caller) => number[] | null = () => null;
  /** Who may hear about a number (its owner, its agents, admins and supervisors); set by the core. */
  audienceFor: (numberId: number) => Audience = () => ({ kind: 'users', userIds: [] });
  /** Tells open inboxes a conversation changed; set by the core. */
  conversationChanged: (conversationId: number) => void = () => {};

  /** Agents see the numbers they work; only admins see the QR and pairing code that would link the office's WhatsApp. */
  list(caller: Caller): NumberView[] {
    const allowed = this.allowedFor(caller);
    const views = this.sqlite
      .prepare<[], NumberRow>(`${selectNumbers} order by n.id`)
      .all()
      .filter((row) => allowed === null || allowed.includes(row.id))
      .map((row) => this.view(row));
    return caller.user.role === 'admin' ? views : views.map(withoutLinkCodes);
  }

  get(id: number): NumberView {
    const row = this.sqlite.prepare<[number], NumberRow>(`${selectNumbers} and n.id = ?`).get(id);
    if (!row) throw new AppError('NOT_FOUND');
    return this.view(row);
  }

  /**
   * Publishes a number's current view to those who may see the number: whole to admins,
   * without its QR and pairing code to the others.
   */
  publish(id: number): void {
    const row = this.sqlite.prepare<[number], NumberRow>(`${selectNumbers} and n.id = ?`).get(id);
    if (!row) return;
    const view = this.view(row);
    const admins = new Set(this.sqlite.prepare<[], { id: number }>("select id from users where is_active = 1 and role = 'admin'").all().map((u) => u.id));
    const audience = this.audienceFor(id);
    const others = audience.kind === 'users' ? audience.userIds.filter((userId) => !admins.has(userId)) : [];
    this.bus.publish('number.status', { number: view }, { kind: 'users', userIds: [...admins] });
    if (others.length > 0) this.bus.publish('number.status', { number: withoutLinkCodes(view) }, { kind: 'users', userIds: others });
  }

  create(caller: Caller, input: z.output<typeof createNumberInput>): NumberView {
    if (input.employeeId != null) this.requireUser(input.employeeId);
    requireAssignableBranch(this.sqlite, input.branchId);
    const now = this.clock.now();
    const info = this.sqlite
      .prepare("insert into whatsapp_numbers (name, employee_id, branch_id, quota_limit, status, provider, created_at, updated_at) values (?, ?, ?, ?, 'pending', 'webjs', ?, ?)")
      .run(input.name, input.employeeId ?? null, input.branchId ?? null, input.quotaLimit, now, now);
    const id = Number(info.lastInsertRowid);
    this.activity.record({ userId: caller.user.id, action: 'number.created', entityType: 'whatsapp_number', entityId: id, details: { name: input.name } });
    this.publish(id);
    return this.get(id);
  }

  update(caller: Caller, input: z.output<typeof updateNumberInput>): NumberView {
    const current = this.get(input.id);
    if (input.employeeId != null) this.requireUser(input.employeeId);
    requireAssignableBranch(this.sqlite, input.branchId, current.branchId);
    const sets: string[] = [];
    const values: (string | number | null)[] = [];
    if (input.name !== undefined) (sets.push('name = ?'), values.push(input.name));
    if (input.employeeId !== undefined) (sets.push('employee_id = ?'), values.push(input.employeeId));
    if (input.quotaLimit !== undefined) (sets.push('quota_limit = ?'), values.push(input.quotaLimit));
    if (input.branchId !== undefined) (sets.push('branch_id = ?'), values.push(input.branchId));
    let unassigned: number[] = [];
    const before = this.audienceFor(input.id);
    if (sets.length > 0) {
      this.sqlite.transaction(() => {
        const now = this.clock.now();
        this.sqlite.prepare(`update whatsapp_numbers set ${sets.join(', ')}, updated_at = ? where id = ?`).run(...values, now, input.id);
        this.activity.record({ userId: caller.user.id, action: 'number.updated', entityType: 'whatsapp_number', entityId: input.id, details: { fields: Object.keys(input).filter((k) => k !== 'id') } });
        // A new owner: the previous one may no longer work the number.
        if (input.employeeId !== undefined) unassigned = unassignLostAccess(this.sqlite, this.activity, caller.user.id, input.id, now);
      })();
    }
    this.publish(input.id);
    this.dropFromWindowsOfLeavers(input.id, before);
    for (const conversationId of unassigned) this.conversationChanged(conversationId);
    return this.get(input.id);
  }

  async connect(caller: Caller, id: number, force: boolean): Promise<NumberView> {
    this.get(id);
    // A number the admin had disconnected is wanted again: it comes back at every start.
    this.sqlite
      .prepare("update whatsapp_numbers set status = case when linked_at is null then 'pending' else 'active' end, updated_at = ? where id = ? and status = 'inactive'")
      .run(this.clock.now(), id);
    this.activity.record({ userId: caller.user.id, action: force ? 'number.relinked' : 'number.connected', entityType: 'whatsapp_number', entityId: id });
    // Starting can take a while (the browser opens, WhatsApp loads); the status events tell the rest.
    const starting = force ? this.sessions.relink(id) : this.sessions.start(id);
    await Promise.race([starting, new Promise((resolve) => setTimeout(resolve, 50))]);
    return this.get(id);
  }

  async disconnect(caller: Caller, id: number): Promise<NumberView> {
    this.get(id);
    // Seed 003's `inactive`: kept linked, but not started again until the admin connects it.
    this.sqlite.prepare("update whatsapp_numbers set status = 'inactive', updated_at = ? where id = ?").run(this.clock.now(), id);
    await this.sessions.stop(id);
    this.activity.record({ userId: caller.user.id, action: 'number.disconnected', entityType: 'whatsapp_number', entityId: id });
    return this.get(id);
  }

  /** Logs out and hides the number; its conversations and messages stay readable. */
  async remove(caller: Caller, id: number): Promise<{ ok: true }> {
    const number = this.get(id);
    await this.sessions.forget(id);
    const now = this.clock.now();
    // The phone is freed so the same phone can be linked again as a new number.
    this.sqlite.prepare("update whatsapp_numbers set removed_at = ?, status = 'inactive', phone_number = null, updated_at = ? where id = ?").run(now, now, id);
    this.sqlite
      .prepare("update messages set status = 'failed', error = 'The number was removed', error_code = 'number_removed', in_flight_at = null where whatsapp_number_id = ? and status = 'queued'")
      .run(id);
    this.activity.record({ userId: caller.user.id, action: 'number.removed', entityType: 'whatsapp_number', entityId: id, details: { name: number.name } });
    this.bus.publish('number.removed', { id }, this.audienceFor(id));
    return { ok: true };
  }

  async requestPairingCode(caller: Caller, id: number, phoneInput: string): Promise<{ code: string }> {
    this.get(id);
    const phone = normalizePhone(phoneInput);
    if (!phone) throw fieldError('phoneNumber', 'invalid_phone', 'Not a valid phone number');
    try {
      const code = await this.sessions.requestPairingCode(id, phone.replace(/^\+/, ''));
      this.activity.record({ userId: caller.user.id, action: 'number.pairing_code', entityType: 'whatsapp_number', entityId: id });
      return { code };
    } catch (error) {
      if (error instanceof TransportError && error.reason === 'not_started') throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberNotWaiting);
      throw new AppError('SERVICE_UNAVAILABLE', errorReasons.pairingRefused, undefined, error instanceof Error ? error.message : String(error));
    }
  }

  demoScan(id: number): { ok: true } {
    if (!this.demo) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoOnly);
    this.get(id);
    if (!this.demo.scan(id)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberNotWaiting);
    return { ok: true };
  }

  demoEvent(id: number, event: DemoPhoneEvent): { ok: true } {
    if (!this.demo) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoOnly);
    this.get(id);
    if (!this.demo.simulate(id, event)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberNotWaiting);
    return { ok: true };
  }

  /** Sets which agents may work the number; conversations assigned to an agent taken off it are unassigned. */
  setAgents(caller: Caller, id: number, agentIds: number[]): NumberView {
    this.get(id);
    const unique = [...new Set(agentIds)];
    for (const userId of unique) this.requireUser(userId, 'agentIds');
    const before = this.audienceFor(id);
    const unassigned = this.sqlite.transaction(() => {
      this.sqlite.prepare('delete from number_agents where whatsapp_number_id = ?').run(id);
      const add = this.sqlite.prepare('insert into number_agents (whatsapp_number_id, user_id) values (?, ?)');
      for (const userId of unique) add.run(id, userId);
      this.activity.record({ userId: caller.user.id, action: 'number.agents_changed', entityType: 'whatsapp_number', entityId: id, details: { agentIds: unique } });
      return unassignLostAccess(this.sqlite, this.activity, caller.user.id, id, this.clock.now());
    })();
    this.publish(id);
    this.dropFromWindowsOfLeavers(id, before);
    for (const conversationId of unassigned) this.conversationChanged(conversationId);
    return this.get(id);
  }

  /** Those who could see the number before and no longer can: their windows drop it, as for a removed number. */
  private dropFromWindowsOfLeavers(id: number, before: Audience): void {
    const after = this.audienceFor(id);
    const stillIn = new Set(after.kind === 'users' ? after.userIds : []);
    const gone = before.kind === 'users' ? before.userIds.filter((userId) => !stillIn.has(userId)) : [];
    if (gone.length > 0) this.bus.publish('number.removed', { id }, { kind: 'users', userIds: gone });
  }

  private requireUser(id: number, field = 'employeeId'): void {
    const user = this.sqlite.prepare<[number], { id: number }>('select id from users where id = ? and is_active = 1').get(id);
    if (!user) throw fieldError(field, 'unknown_user', 'No active user with this id');
  }

  private view(row: NumberRow): NumberView {
    const live = this.sessions.snapshot(row.id);
    const today = officeDay(this.clock.now(), officeTimeZoneOf(this.sqlite));
    return {
      id: row.id,
      phoneNumber: row.phone_number,
      name: row.name,
      status: row.status,
      provider: row.provider,
      employee: row.employee_id !== null && row.employee_name !== null ? { id: row.employee_id, name: row.employee_name, email: row.employee_email ?? '' } : null,
      branchId: row.branch_id,
      quotaUsed: row.quota_day === today ? row.quota_used : 0,
      quotaLimit: row.quota_limit,
      connection: {
        state: live.state,
        reason: live.reason,
        detail: live.detail,
        qr: live.qr,
        qrRound: live.qrRound,
        qrRounds: live.qrRounds,
        pairingCode: live.pairingCode,
        nextRetryAt: live.nextRetryAt === null ? null : toIso(live.nextRetryAt),
        syncPercent: live.syncPercent,
        notice: live.notice,
        linked: row.linked_at !== null,
      },
      agentIds: this.sqlite.prepare<[number], { user_id: number }>('select user_id from number_agents where whatsapp_number_id = ? order by user_id').all(row.id).map((r) => r.user_id),
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    };
  }
}

function withoutLinkCodes(view: NumberView): NumberView {
  return { ...view, connection: { ...view.connection, qr: null, pairingCode: null } };
}
