import type Database from 'better-sqlite3';
import type { Clock } from '../base/clock';
import { nextOfficeDayStart, officeTimeZoneOf } from '../base/office-day';
import { officePeriodStarts } from '../base/office-period';
import { failure } from './envelope';

/**
 * Seed 003's 1,000 messages a day per number (the number's own quota, 1,000 unless an admin
 * set another), counted from the database over every path — windows, the API, templates — so
 * it holds across restarts. An API send past it is refused with 429 until the office's
 * midnight, instead of joining a queue that cannot go out today.
 */
export class DailyLimit {
  private readonly q;
  /** API sends counted but not yet stored (two at once must not both take the last one). */
  private readonly reserved = new Map<number, number>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
  ) {
    this.q = {
      numberOf: sqlite.prepare<[number], { number_id: number; quota_limit: number }>(
        'select c.whatsapp_number_id as number_id, n.quota_limit from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?',
      ),
      // `sender <> 'customer'` matches the partial index messages_number_ours_time.
      ours: sqlite.prepare<[number, number], { n: number }>(
        `select count(*) as n from messages where whatsapp_number_id = ? and sender <> 'customer' and sender <> 'system' and created_at >= ?`,
      ),
    };
  }

  /** Holds one of today's sends for the conversation's number; the release runs once the send is answered. Unknown conversations pass (the contract says 404). */
  async within<T>(conversationId: number, send: () => Promise<T>): Promise<T> {
    const row = this.q.numberOf.get(conversationId);
    if (!row) return send();
    const now = this.clock.now();
    const timeZone = officeTimeZoneOf(this.sqlite);
    const used = this.q.ours.get(row.number_id, officePeriodStarts(now, timeZone).day)!.n + (this.reserved.get(row.number_id) ?? 0);
    if (used >= row.quota_limit) {
      const retryAfter = Math.max(1, Math.ceil((nextOfficeDayStart(now, timeZone) - now) / 1000));
      throw failure(
        429,
        'RATE_LIMIT_EXCEEDED',
        'daily_quota_reached',
        { retryAfter, message: `This number has sent its ${row.quota_limit} messages for today. Please try again in ${retryAfter} seconds` },
        { 'Retry-After': String(retryAfter) },
      );
    }
    this.reserved.set(row.number_id, (this.reserved.get(row.number_id) ?? 0) + 1);
    try {
      return await send();
    } finally {
      const left = (this.reserved.get(row.number_id) ?? 1) - 1;
      if (left > 0) this.reserved.set(row.number_id, left);
      else this.reserved.delete(row.number_id);
    }
  }
}
