import type Database from 'better-sqlite3';
import type { Clock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { EventBus } from '../../events/event-bus';
import type { Outbox } from '../../outbox/outbox';
import { readGraphSettings, writeGraphSettings } from '../../whatsapp/cloud/cloud-store';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { SessionManager } from '../../whatsapp/session-manager';
import type { ActivityLog } from '../activity/activity-log';
import type { NumberAccess } from '../inbox/number-access';
import type { CloudServices } from './cloud-handlers';
import { CloudConnection } from './cloud-connection';
import { CloudNumbers } from './cloud-numbers';
import { CloudTemplates } from './cloud-templates';
import { sendReadReceipt } from './read-receipts';

export interface CloudDeps {
  sqlite: Database.Database;
  clock: Clock;
  logger: Logger;
  bus: EventBus;
  activity: ActivityLog;
  access: NumberAccess;
  outbox: Outbox;
  pipeline: MessagePipeline;
  sessions: SessionManager;
  /** A number's card changed (linked, its credentials): the numbers service publishes it. */
  publishNumber: (numberId: number) => void;
  /** `--graph-base-url`: saved as the office's Graph API setting at start (a local stand-in). */
  graphBaseUrl?: string;
}

/**
 * Issue 19's Cloud API numbers as one slice the core starts and stops: linking and credentials,
 * the tunnel Meta reaches the desk through, approved templates, and read receipts.
 */
export function startCloud(deps: CloudDeps) {
  const { sqlite, clock, logger } = deps;
  if (deps.graphBaseUrl) writeGraphSettings(sqlite, { ...readGraphSettings(sqlite), baseUrl: deps.graphBaseUrl }, clock.now());
  const numbers = new CloudNumbers(sqlite, deps.sessions, deps.activity, clock, logger);
  numbers.publishNumber = deps.publishNumber;
  const connection = new CloudConnection(sqlite, numbers, deps.activity, deps.bus, clock, logger);
  numbers.linked = (numberId) => connection.numberLinked(numberId);
  const templates = new CloudTemplates(sqlite, deps.access, deps.outbox, deps.pipeline, clock);
  const services: CloudServices = { numbers, connection, templates, access: deps.access, sqlite, clock };
  return {
    numbers,
    connection,
    /** What the cloud channels are bound to. */
    services,
    /** An agent read a conversation: a Cloud API customer's phone shows it read. */
    markedRead: (conversationId: number) => sendReadReceipt(sqlite, deps.sessions, logger, conversationId),
    stop(): void {
      connection.close();
    },
  };
}
export type Cloud = ReturnType<typeof startCloud>;
