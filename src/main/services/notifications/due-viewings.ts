import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { NotificationsService } from './notifications-service';

/** A viewing as the viewings feature hands it over (the notifications feature never reads its table). */
export interface DueViewing {
  id: number;
  /** The agent who shows it: they are told. */
  agentId: number;
  /** Epoch milliseconds. */
  startsAt: number;
  customer: string;
  property: string | null;
}

/** Answers which confirmed or tentative viewings start in [from, to); the viewings feature implements it. */
export interface DueViewingsProvider {
  startingBetween(from: number, to: number): DueViewing[];
}

/** "In the next hour". */
export const viewingSoonMs = 60 * 60 * 1000;
/** How often the watch looks again: a viewing is told within this long of entering its hour. */
export const dueViewingsEveryMs = 60 * 1000;

/**
 * Tells each agent of their viewings starting within the hour, once per viewing and start
 * (a rescheduled viewing is told again for its new time). Returns how many were told.
 */
export function notifyDueViewings(notifications: NotificationsService, provider: DueViewingsProvider, now: number): number {
  let told = 0;
  for (const viewing of provider.startingBetween(now, now + viewingSoonMs)) {
    const made = notifications.notify({
      userIds: [viewing.agentId],
      type: 'viewing_soon',
      target: { kind: 'viewing', id: viewing.id },
      params: { customer: viewing.customer, property: viewing.property, startsAt: new Date(viewing.startsAt).toISOString() },
      onceKey: `viewing_soon:${viewing.id}:${viewing.startsAt}`,
    });
    told += made.length;
  }
  return told;
}

/** Runs `notifyDueViewings` now and every minute on the core's clock; returns a stop. */
export function watchDueViewings(deps: { clock: WakingClock; logger: Logger; notifications: NotificationsService; provider: DueViewingsProvider; everyMs?: number }): () => void {
  const every = deps.everyMs ?? dueViewingsEveryMs;
  let cancel: (() => void) | null = null;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    try {
      notifyDueViewings(deps.notifications, deps.provider, deps.clock.now());
    } catch (error) {
      deps.logger.warn('due viewings check failed', { error: String(error) });
    }
    cancel = deps.clock.wakeAt(deps.clock.now() + every, run, { background: true });
  };
  run();
  return () => {
    stopped = true;
    cancel?.();
  };
}
