import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { OfficeCalendar } from '../../calendar/office-calendar';

/**
 * Wakes at the office's midnight after the earliest open offer's last day, on the core's clock,
 * and has the due offers expired. Nothing is kept in memory that a restart would lose: at start
 * (and after every wake) it expires what is overdue and arms itself for the next one.
 */
export class OfferExpiry {
  private cancel: (() => void) | null = null;
  private readonly earliest;

  constructor(
    sqlite: Database.Database,
    private readonly clock: WakingClock,
    private readonly calendar: () => OfficeCalendar,
    private readonly expireDue: () => void,
    private readonly logger: Logger,
  ) {
    this.earliest = sqlite.prepare<[], { day: string | null }>("select min(valid_until) as day from offers where status in ('submitted', 'countered')");
  }

  /** When an offer with `validUntil` as its last day expires: the first instant of the next office day. */
  static expiresAt(calendar: OfficeCalendar, validUntil: string): number {
    return calendar.nextDayStart(calendar.dayStart(validUntil));
  }

  /** Expires what is overdue, then waits for the next one. Called at start and whenever an offer's last day may have moved. */
  start(): void {
    this.run();
  }

  /** Re-arms after a change (a new offer, a moved last day) without expiring anything now. */
  rearm(): void {
    this.cancel?.();
    this.cancel = null;
    const { day } = this.earliest.get() ?? { day: null };
    if (day === null) return;
    this.cancel = this.clock.wakeAt(OfferExpiry.expiresAt(this.calendar(), day), () => this.run());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private run(): void {
    try {
      this.expireDue();
    } catch (error) {
      // Tried again in a minute rather than at once: the same failure would otherwise spin.
      this.logger.error('expiring offers failed', { error: String(error) });
      this.cancel?.();
      this.cancel = this.clock.wakeAt(this.clock.now() + 60_000, () => this.run());
      return;
    }
    this.rearm();
  }
}
