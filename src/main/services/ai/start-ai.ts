import path from 'node:path';
import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { EventBus } from '../../events/event-bus';
import type { Outbox } from '../../outbox/outbox';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { NumberAccess } from '../inbox/number-access';
import type { NotificationsService } from '../notifications/notifications-service';
import type { ViewingsService } from '../viewings/viewings-service';
import { ViewingBooking } from './booking/viewing-booking';
import type { ActivityLog } from '../activity/activity-log';
import { AiSettingsAudit } from './config/settings-audit';
import { AiConfigStore } from './config/ai-config-store';
import { AiRunner } from './engine/ai-runner';
import { Responder } from './engine/responder';
import { RetrievalIndex } from './engine/retrieval';
import { AiConversations } from './episode/ai-conversations';
import { EpisodeStore } from './episode/episode-store';
import { FaqStore } from './faq/faq-store';
import { ProviderStore } from './provider/provider-store';
import { SecretBox } from '../../base/secret-box';
import { AiStatsService } from './stats/ai-stats';

export interface AiDeps {
  sqlite: Database.Database;
  clock: WakingClock;
  logger: Logger;
  bus: EventBus;
  access: NumberAccess;
  outbox: Outbox;
  pipeline: MessagePipeline;
  notifications: NotificationsService;
  viewings: ViewingsService;
  activity: ActivityLog;
  dataDir: string;
}

/** The key file that seals the provider's API key (beside the database, never in it). */
export const aiKeyFileName = 'ai-secret.key';

/**
 * Issue 16's AI responder as one slice the core starts and stops: the settings (config per
 * number, the provider, the FAQ), the conversations' episodes, the stats, and the responder.
 */
export function startAi(deps: AiDeps) {
  const calendar = () => officeCalendarOf(deps.sqlite);
  const { sqlite, clock, bus } = deps;
  const secrets = new SecretBox(path.join(deps.dataDir, aiKeyFileName));
  const configs = new AiConfigStore({ sqlite, clock, bus });
  const provider = new ProviderStore({ sqlite, clock, bus, secrets, calendar });
  const faq = new FaqStore({ sqlite, clock });
  const audit = new AiSettingsAudit({ sqlite, activity: deps.activity, configs, provider, faq });
  const episodes = new EpisodeStore({ sqlite, clock });
  const conversations = new AiConversations({ sqlite, clock, bus, access: deps.access, episodes, configs });
  const stats = new AiStatsService({ sqlite, clock, calendar });
  const retrieval = new RetrievalIndex({ sqlite, faqVersion: () => faq.version });
  const responder = new Responder(retrieval);
  const unsubscribe = bus.subscribe((message) => {
    if (message.event === 'properties.changed') retrieval.invalidate();
  });
  const booking = new ViewingBooking({ sqlite, viewings: deps.viewings, responder, calendar });
  const runner = new AiRunner({ ...deps, calendar, configs, provider, episodes, conversations, responder, booking });
  const stopRunner = runner.start();
  return {
    clock,
    configs,
    provider,
    booking,
    faq,
    audit,
    episodes,
    conversations,
    stats,
    retrieval,
    responder,
    runner,
    stop(): void {
      stopRunner();
      unsubscribe();
    },
  };
}

export type Ai = ReturnType<typeof startAi>;
