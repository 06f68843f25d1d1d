import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { createPromotionInput, updatePromotionInput } from '../../../shared/offers/schemas';
import { promotionValues, promotionVariables } from '../../../shared/offers/promotion-values';
import type { PromotionView } from '../../../shared/offers/types';
import { toIso, type Clock } from '../../base/clock';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { EventBus } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';

interface PromotionRow {
  id: number;
  name: string;
  details_ar: string;
  details_en: string | null;
  valid_from: string;
  valid_until: string;
  created_at: number;
  updated_at: number;
}

/**
 * The office's promotions. One valid on the office's today (from and until are office days,
 * both included) fills the promotion template's `{{offer_details}}` and `{{expiry_date}}`.
 */
export class PromotionsService {
  private readonly q;

  constructor(
    sqlite: Database.Database,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly calendar: () => OfficeCalendar,
  ) {
    this.q = {
      all: sqlite.prepare<[], PromotionRow>('select * from promotions order by valid_from desc, id desc'),
      byId: sqlite.prepare<[number], PromotionRow>('select * from promotions where id = ?'),
      // When two overlap, the one that started last is the office's current word.
      current: sqlite.prepare<[string, string], PromotionRow>('select * from promotions where valid_from <= ? and valid_until >= ? order by valid_from desc, id desc limit 1'),
      insert: sqlite.prepare<[string, string, string | null, string, string, number, number, number]>(
        'insert into promotions (name, details_ar, details_en, valid_from, valid_until, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      update: sqlite.prepare<[string, string, string | null, string, string, number, number]>(
        'update promotions set name = ?, details_ar = ?, details_en = ?, valid_from = ?, valid_until = ?, updated_at = ? where id = ?',
      ),
      remove: sqlite.prepare<[number]>('delete from promotions where id = ?'),
    };
  }

  list(): PromotionView[] {
    return this.q.all.all().map(toPromotionView);
  }

  current(): PromotionView | null {
    const today = this.calendar().officeDay(this.clock.now());
    const row = this.q.current.get(today, today);
    return row ? toPromotionView(row) : null;
  }

  /** The template variables a valid promotion fills, in the message's language; none when no promotion is valid. */
  templateValues(variables: readonly string[], language: 'ar' | 'en'): Record<string, string> {
    const wanted = variables.filter((name): name is (typeof promotionVariables)[number] => (promotionVariables as readonly string[]).includes(name));
    if (wanted.length === 0) return {};
    const promotion = this.current();
    if (!promotion) return {};
    const values = promotionValues(promotion, language);
    return Object.fromEntries(wanted.map((name) => [name, values[name]]));
  }

  create(caller: Caller, input: z.output<typeof createPromotionInput>): PromotionView {
    const now = this.clock.now();
    const id = Number(this.q.insert.run(input.name, input.detailsAr, input.detailsEn || null, input.validFrom, input.validUntil, caller.user.id, now, now).lastInsertRowid);
    this.changed(caller, 'promotion.created', id, { name: input.name });
    return this.get(id);
  }

  update(caller: Caller, input: z.output<typeof updatePromotionInput>): PromotionView {
    const before = this.get(input.id);
    const next = {
      name: input.name ?? before.name,
      detailsAr: input.detailsAr ?? before.detailsAr,
      detailsEn: input.detailsEn === undefined ? before.detailsEn : input.detailsEn || null,
      validFrom: input.validFrom ?? before.validFrom,
      validUntil: input.validUntil ?? before.validUntil,
    };
    // The schema checks the pair when both are given; one moved alone is checked against the other here.
    if (next.validUntil < next.validFrom) {
      throw new AppError('VALIDATION_ERROR', [{ field: 'validUntil', code: 'ends_before_start', message: 'The last day comes before the first' }]);
    }
    this.q.update.run(next.name, next.detailsAr, next.detailsEn, next.validFrom, next.validUntil, this.clock.now(), input.id);
    this.changed(caller, 'promotion.updated', input.id, { name: next.name, fields: Object.keys(input).filter((k) => k !== 'id') });
    return this.get(input.id);
  }

  delete(caller: Caller, id: number): { ok: true } {
    const promotion = this.get(id);
    this.q.remove.run(id);
    this.changed(caller, 'promotion.deleted', id, { name: promotion.name });
    return { ok: true };
  }

  get(id: number): PromotionView {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `Promotion with ID '${id}' not found`);
    return toPromotionView(row);
  }

  private changed(caller: Caller, action: string, id: number, details: Record<string, unknown>): void {
    this.activity.record({ userId: caller.user.id, action, entityType: 'promotion', entityId: id, details });
    this.bus.publish('promotions.changed', { promotionId: id }, { kind: 'all' });
  }
}

function toPromotionView(row: PromotionRow): PromotionView {
  return {
    id: row.id,
    name: row.name,
    detailsAr: row.details_ar,
    detailsEn: row.details_en,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
