import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { tellFollowUpsDue } from './follow-ups-due';
import type { NotificationsService } from './notifications-service';

/**
 * Keeps notifications 90 days and tells the day's follow-ups: once at start, then at every
 * office midnight (the office's zone, on the core's clock, so a test moves it by moving the
 * clock). Returns a stop.
 */
export function scheduleNotificationPruning(deps: { sqlite: Database.Database; clock: WakingClock; logger: Logger; notifications: NotificationsService }): () => void {
  let cancel: (() => void) | null = null;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    try {
      const removed = deps.notifications.prune();
      if (removed > 0) deps.logger.info('old notifications removed', { removed });
    } catch (error) {
      deps.logger.warn('notification pruning failed', { error: String(error) });
    }
    try {
      tellFollowUpsDue(deps.sqlite, deps.notifications, deps.clock.now());
    } catch (error) {
      deps.logger.warn('follow-up notifications failed', { error: String(error) });
    }
    cancel = deps.clock.wakeAt(officeCalendarOf(deps.sqlite).nextDayStart(deps.clock.now()), run, { background: true });
  };
  run();
  return () => {
    stopped = true;
    cancel?.();
  };
}
