import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { archiveBranchInput, branchListInput, createBranchInput, updateBranchInput } from '../../../shared/branches/schemas';
import type { BranchUsage, BranchView } from '../../../shared/branches/types';
import { toIso, type Clock } from '../../base/clock';
import { normalizePhone } from '../../base/phone';
import type { EventBus } from '../../events/event-bus';
import { AppError, fieldError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { describeUsage } from './branch-usage';

interface BranchRow {
  id: number;
  name: string;
  name_en: string | null;
  city: string | null;
  address: string | null;
  phone: string | null;
  manager_id: number | null;
  manager_name: string | null;
  archived_at: number | null;
  numbers: number;
  users: number;
  properties: number;
  created_at: number;
  updated_at: number;
}

type CreateInput = z.output<typeof createBranchInput>;
type UpdateInput = z.output<typeof updateBranchInput>;

/** The editable columns, by input key; the logged "old → new" uses the same keys. */
const columns = { name: 'name', nameEn: 'name_en', city: 'city', address: 'address', phone: 'phone', managerId: 'manager_id' } as const;
type Editable = keyof typeof columns;

const selectBranch = `select b.*, u.name as manager_name,
  (select count(*) from whatsapp_numbers n where n.branch_id = b.id and n.removed_at is null) as numbers,
  (select count(*) from users x where x.branch_id = b.id) as users,
  (select count(*) from properties p where p.branch_id = b.id) as properties
  from branches b left join users u on u.id = b.manager_id`;

/** Issue 14's branches: admins create, edit and archive them; one in use is never deleted. */
export class BranchesService {
  private readonly q;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.q = {
      all: sqlite.prepare<[number], BranchRow>(`${selectBranch} where (? = 1 or b.archived_at is null) order by b.archived_at is not null, b.name, b.id`),
      byId: sqlite.prepare<[number], BranchRow>(`${selectBranch} where b.id = ?`),
      insert: sqlite.prepare<[string, string | null, string | null, string | null, string | null, number | null, number, number]>(
        'insert into branches (name, name_en, city, address, phone, manager_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      archive: sqlite.prepare<[number | null, number, number]>('update branches set archived_at = ?, updated_at = ? where id = ?'),
      remove: sqlite.prepare<[number]>('delete from branches where id = ?'),
      manager: sqlite.prepare<[number], { id: number }>('select id from users where id = ? and is_active = 1'),
    };
  }

  list(caller: Caller, input: z.output<typeof branchListInput>): BranchView[] {
    if (input.includeArchived && caller.user.role !== 'admin') throw new AppError('FORBIDDEN');
    return this.q.all.all(input.includeArchived ? 1 : 0).map(toBranchView);
  }

  get(id: number): BranchView {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `Branch with ID '${id}' not found`);
    return toBranchView(row);
  }

  create(caller: Caller, input: CreateInput): BranchView {
    const values = this.checked(input);
    const now = this.clock.now();
    const id = this.sqlite.transaction(() => {
      const created = Number(
        this.q.insert.run(input.name, values.nameEn ?? null, values.city ?? null, values.address ?? null, values.phone ?? null, values.managerId ?? null, now, now)
          .lastInsertRowid,
      );
      this.record(caller, 'branch.created', created, { name: input.name });
      return created;
    })();
    this.changed(id);
    return this.get(id);
  }

  update(caller: Caller, input: UpdateInput): BranchView {
    const before = this.get(input.id);
    const values = this.checked(input);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const sets: string[] = [];
    const params: (string | number | null)[] = [];
    for (const key of Object.keys(columns) as Editable[]) {
      if (!(key in values)) continue;
      const next = values[key] ?? null;
      const previous = key === 'managerId' ? (before.manager?.id ?? null) : before[key];
      if (next === previous) continue;
      sets.push(`${columns[key]} = ?`);
      params.push(next);
      changes[key] = { from: previous, to: next };
    }
    if (sets.length === 0) return before;
    this.sqlite.transaction(() => {
      this.sqlite.prepare(`update branches set ${sets.join(', ')}, updated_at = ? where id = ?`).run(...params, this.clock.now(), input.id);
      this.record(caller, 'branch.updated', input.id, { name: values.name ?? before.name, changes });
    })();
    this.changed(input.id);
    return this.get(input.id);
  }

  setArchived(caller: Caller, input: z.output<typeof archiveBranchInput>): BranchView {
    const before = this.get(input.id);
    if (before.archived === input.archived) return before;
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      this.q.archive.run(input.archived ? now : null, now, input.id);
      this.record(caller, input.archived ? 'branch.archived' : 'branch.restored', input.id, { name: before.name });
    })();
    this.changed(input.id);
    return this.get(input.id);
  }

  /** A branch that numbers, users or properties belong to is refused with what uses it: archive it instead. */
  delete(caller: Caller, id: number): { ok: true } {
    const branch = this.get(id);
    const inUse = describeUsage(branch.usage);
    if (inUse) {
      throw new AppError(
        'CONFLICT',
        [{ field: 'id', code: 'in_use', message: `Branch is used by ${inUse}; archive it instead`, params: { ...branch.usage } }],
        undefined,
        `Branch is used by ${inUse}`,
      );
    }
    this.sqlite.transaction(() => {
      this.q.remove.run(id);
      this.record(caller, 'branch.deleted', id, { name: branch.name });
    })();
    this.changed(id);
    return { ok: true };
  }

  /** The phone in E.164 and a manager who is an active user; refusals name their field. */
  private checked<T extends Partial<CreateInput>>(input: T): T {
    const values = { ...input };
    if (typeof values.phone === 'string') {
      const trimmed = values.phone.trim();
      if (trimmed === '') values.phone = null;
      else {
        const phone = normalizePhone(trimmed);
        if (!phone) throw fieldError('phone', 'invalid_phone', 'Not a valid phone number');
        values.phone = phone;
      }
    }
    for (const key of ['nameEn', 'city', 'address'] as const) {
      if (typeof values[key] === 'string' && values[key].trim() === '') values[key] = null;
    }
    if (typeof values.managerId === 'number' && !this.q.manager.get(values.managerId)) {
      throw fieldError('managerId', 'unknown_user', 'No active user with this id');
    }
    return values;
  }

  private record(caller: Caller, action: string, id: number, details: Record<string, unknown>): void {
    this.activity.record({ userId: caller.user.id, action, entityType: 'branch', entityId: id, details });
  }

  private changed(branchId: number): void {
    // Branches are office-wide and hold no customer: every signed-in user may see them.
    this.bus.publish('branches.changed', { branchId }, { kind: 'all' });
  }
}

function toBranchView(row: BranchRow): BranchView {
  const usage: BranchUsage = { numbers: row.numbers, users: row.users, properties: row.properties };
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    city: row.city,
    address: row.address,
    phone: row.phone,
    manager: row.manager_id === null ? null : { id: row.manager_id, name: row.manager_name ?? '' },
    archived: row.archived_at !== null,
    usage,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
