import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { EventBus } from '../../events/event-bus';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { Outbox } from '../../outbox/outbox';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { JobStore } from './job-store';

/**
 * Sends due jobs (issue 15 "Reliability"): node-cron ticks and the clock only wake it; claiming a
 * job and writing its outbox message is one transaction. (Issue 15: the engine engineer fills this in.)
 */
export class AutomationRunner {
  constructor(
    readonly deps: {
      sqlite: Database.Database;
      clock: WakingClock;
      logger: Logger;
      bus: EventBus;
      store: JobStore;
      outbox: Outbox;
      pipeline: MessagePipeline;
      calendar: () => OfficeCalendar;
      /** The office's values for templates (office phone...). */
      officeValues: () => Record<string, string>;
    },
  ) {}

  /** Catches up on what fell due while closed, then wakes on ticks and due instants; returns the stop. */
  start(): () => void {
    return () => {};
  }
}
