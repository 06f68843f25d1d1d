import cron from 'node-cron';
import type { Logger } from '../../../base/logger';

/**
 * The product owner's scheduler (issue 15): node-cron ticks and only wakes the runner, which
 * reads the clock and the jobs table itself. A tick carries no meaning of its own, so a missed,
 * late or doubled one changes nothing; the timer does not keep a closing app alive.
 */
export function startTicks(pattern: string, wake: () => void, logger: Logger): () => void {
  const task = cron.schedule(pattern, () => wake(), {
    name: 'automation-wake',
    noOverlap: true,
    unref: true,
    // A tick missed while the machine slept is not worth a warning: the clock's wait covers it.
    suppressMissedWarning: true,
    logger: { info: () => {}, debug: () => {}, warn: (message) => logger.warn(message), error: (message) => logger.error(String(message)) },
  });
  return () => void task.destroy();
}
