import fs from 'node:fs';
import path from 'node:path';
import { startBackgroundCheckpoint } from '../db/background-checkpoint';
import { openDatabase } from '../db/open-database';
import { EventBus } from '../events/event-bus';
import { createRouter } from '../rpc/router';
import { RateLimiter, type RateLimits } from '../rpc/rate-limiter';
import { ActivityLog } from '../services/activity/activity-log';
import { AuthService } from '../services/auth/auth-service';
import { LoginThrottle, defaultThrottlePolicy, type ThrottlePolicy } from '../services/auth/login-throttle';
import { Presence } from '../services/auth/presence';
import { SessionStore, defaultSessionPolicy, type SessionPolicy } from '../services/auth/session-store';
import { ProfileService } from '../services/users/profile-service';
import { UsersService } from '../services/users/users-service';
import { Ingest } from '../ingest/ingest';
import { SearchIndex } from '../search/search-index';
import { defaultOutboxPolicy, Outbox, type OutboxPolicy } from '../outbox/outbox';
import { InboxService } from '../services/inbox/inbox-service';
import { MediaService } from '../services/media/media-service';
import { MediaFetcher } from '../media/media-fetcher';
import { MediaStore } from '../media/media-store';
import { sweepOrphanMedia } from '../media/orphan-sweep';
import { Uploads } from '../media/uploads';
import { ConversationList } from '../services/inbox/conversation-list';
import { NumberAccess } from '../services/inbox/number-access';
import { NumbersService, type DemoControls } from '../services/numbers/numbers-service';
import { ContactsService } from '../services/contacts/contacts-service';
import { BranchesService } from '../services/branches/branches-service';
import { PropertiesService } from '../services/properties/properties-service';
import { PropertyPhotos } from '../services/properties/property-photos';
import { PropertyCards } from '../services/properties/property-card';
import { TemplatesService } from '../services/templates/templates-service';
import { OffersService } from '../services/offers/offers-service';
import { OfferExpiry } from '../services/offers/offer-expiry';
import { PromotionsService } from '../services/offers/promotions-service';
import { officeCalendarOf } from '../calendar/office-calendar-setting';
import { defaultCatchUpPolicy, MessagePipeline, type CatchUpPolicy } from '../whatsapp/message-pipeline';
import { defaultSessionPolicy as defaultWhatsappSessionPolicy, SessionManager, type SessionPolicy as WhatsappSessionPolicy } from '../whatsapp/session-manager';
import type { WebjsClientFactory } from '../whatsapp/webjs/client-surface';
import type { ConnectionInfo } from '../../shared/app/types';
import { browserChoiceKey, chosenBrowserProvider, systemBrowserProvider, type BrowserProvider } from '../whatsapp/webjs/browser-provider';
import { realClientFactory } from '../whatsapp/webjs/real-client-factory';
import { WebjsTransport } from '../whatsapp/webjs/webjs-transport';
import { readSetting } from '../base/settings';
import { systemClock, type WakingClock } from '../base/clock';
import { createHandlers } from './handlers';
import { DemoService, type DemoHooks } from '../services/demo/demo-service';
import { consoleLogger, type Logger } from '../base/logger';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  /** Waits (pacing, retries, the quota's midnight) wake on it too. */
  clock?: WakingClock;
  logger?: Logger;
  /** Per-user call limits; the host shell sets seed 003's, the desktop none. */
  rateLimits?: RateLimits;
  sessionPolicy?: SessionPolicy;
  throttlePolicy?: ThrottlePolicy;
  /** Listening on the office network: first-run setup from another computer needs a one-time code. */
  remoteSetup?: boolean;
  /** The app's version, as the shell knows it. */
  version?: string;
  /** How the host serves the office network, told to the app (a certificate's fingerprint, or a warning). */
  connection?: ConnectionInfo;
  whatsapp?: WhatsappOptions;
}

export interface WhatsappOptions {
  /** Builds each number's Client; the real whatsapp-web.js one unless given (demo mode, tests). */
  factory?: WebjsClientFactory;
  /** Demo mode: the factory's simulated phone can "scan" the QR and make WhatsApp events happen, and its customers send every kind of message. */
  demo?: DemoControls & DemoHooks;
  /** Runs before sessions restore, in demo mode: creates the demo data. */
  seed?: (core: { db: import('../db/open-database').Db; dataDir: string }) => Promise<unknown>;
  /** Runs when the core closes (the demo's simulated network). */
  close?: () => void;
  sessionPolicy?: WhatsappSessionPolicy;
  outboxPolicy?: OutboxPolicy;
  catchUpPolicy?: CatchUpPolicy;
  /** Start linked numbers at once (the shells); tests start them by hand. */
  restoreSessions?: boolean;
  /** The desktop's own Chromium (a hidden window per number), used when the `whatsapp.browser` setting says so. */
  appBrowser?: BrowserProvider;
}

/** The whole core, with no Electron in it: both shells and the tests start it the same way. */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const database = openDatabase(options.dataDir, options.migrationsDir);
  // Issue 4: WAL checkpoints (their fsyncs) off the event loop and out of the message commits.
  const checkpoint = startBackgroundCheckpoint(database.sqlite, { onError: (error) => logger.warn('background WAL checkpoint unavailable', { error: String(error) }) });
  const { db } = database;
  const bus = new EventBus();
  const activity = new ActivityLog(db, database.sqlite, clock);
  const sessions = new SessionStore(db, clock, options.sessionPolicy ?? defaultSessionPolicy);
  sessions.purgeExpired();
  const throttle = new LoginThrottle(db, clock, options.throttlePolicy ?? defaultThrottlePolicy);
  throttle.purgeStale();
  const auth = new AuthService(db, sessions, throttle, activity, bus, clock, { remoteSetup: options.remoteSetup ?? false });
  const presence = new Presence(db, bus);
  const users = new UsersService(db, sessions, activity, bus, clock, database.sqlite);
  const profile = new ProfileService(db, sessions, activity, bus, clock);

  const wa = options.whatsapp ?? {};
  const { sqlite } = database;
  const ingest = new Ingest(sqlite, clock);
  const searchIndex = new SearchIndex(sqlite, logger);
  searchIndex.start();
  let pipeline: MessagePipeline | undefined;
  const mediaStore = new MediaStore(options.dataDir);
  mediaStore.clearIncoming();
  const sweep = setTimeout(() => {
    try {
      const removed = sweepOrphanMedia(sqlite, mediaStore, clock);
      if (removed > 0) logger.info('unused media files removed', { removed });
    } catch (error) {
      logger.warn('media sweep failed', { error: String(error) });
    }
  }, 5_000);
  sweep.unref();
  const uploads = new Uploads(mediaStore, clock);
  const outbox = new Outbox(sqlite, ingest, clock, { changed: (row) => pipeline?.publishStatus(row) }, logger, mediaStore, wa.outboxPolicy ?? defaultOutboxPolicy);
  pipeline = new MessagePipeline({ sqlite, clock, logger, bus, ingest, outbox }, wa.catchUpPolicy ?? defaultCatchUpPolicy);
  const mediaFetcher = new MediaFetcher(sqlite, mediaStore, clock, logger, (messageId) => pipeline.publishMessage(messageId));
  pipeline.media = mediaFetcher;
  const browserProvider = chosenBrowserProvider(() => readSetting(sqlite, browserChoiceKey), systemBrowserProvider(() => readSetting(sqlite, 'whatsapp.browserPath')), wa.appBrowser);
  const factory = wa.factory ?? realClientFactory(browserProvider);
  const whatsappSessions = new SessionManager(
    {
      sqlite,
      clock,
      logger,
      sessionsDir: path.join(options.dataDir, 'sessions'),
      makeTransport: (numberId, sessionDir, events) => new WebjsTransport({ numberId, sessionDir, factory, events, logger }),
      observer: pipeline,
      forgetBrowser: (numberId) => browserProvider.forget?.(numberId) ?? Promise.resolve(),
    },
    wa.sessionPolicy ?? defaultWhatsappSessionPolicy,
  );
  const numbers = new NumbersService(sqlite, whatsappSessions, activity, bus, clock, wa.demo ?? null);
  const access = new NumberAccess(sqlite);
  numbers.allowedFor = (caller) => access.allowedNumbers(caller);
  numbers.audienceFor = (numberId) => access.audience(numberId);
  numbers.conversationChanged = (conversationId) => pipeline.publishConversation(conversationId);
  users.conversationChanged = (conversationId) => pipeline.publishConversation(conversationId);
  pipeline.onStatus = (numberId) => numbers.publish(numberId);
  pipeline.audienceFor = (numberId) => access.audience(numberId);
  const inbox = new InboxService(sqlite, outbox, pipeline, clock, access, new ConversationList(sqlite, searchIndex), activity, bus, uploads);
  const demo = new DemoService(sqlite, access, wa.demo ?? null);
  const media = new MediaService(sqlite, mediaStore, uploads, access);
  const propertyPhotos = new PropertyPhotos(sqlite, mediaStore, uploads, activity, bus, clock);
  const templates = new TemplatesService(sqlite, outbox, pipeline, access, activity, bus, clock);
  const properties = new PropertiesService(sqlite, access, activity, bus, clock);
  const branches = new BranchesService(sqlite, activity, bus, clock);
  const propertyCards = new PropertyCards(sqlite, properties, outbox, pipeline, access, activity, mediaStore, clock);
  const calendar = () => officeCalendarOf(sqlite);
  const offers = new OffersService(sqlite, access, activity, bus, clock, calendar);
  const offerExpiry = new OfferExpiry(sqlite, clock, calendar, () => offers.expireDue(), logger);
  offers.onValidUntilChanged = () => offerExpiry.rearm();
  // Offers whose last day ended while the app was closed expire now; the next one is waited for.
  offerExpiry.start();
  const promotions = new PromotionsService(sqlite, activity, bus, clock, calendar);
  templates.defaultValues = (variables, language) => promotions.templateValues(variables, language);
  const contacts = new ContactsService({
    sqlite,
    searchIndex,
    activity,
    bus,
    clock,
    allowedNumbers: (caller) => access.allowedNumbers(caller),
    publishConversation: (id) => pipeline.publishConversation(id),
    readUpload: (ownerId, uploadId) => {
      const file = uploads.take(ownerId, uploadId, 'uploadId');
      return { bytes: fs.readFileSync(mediaStore.pathOf(file.sha256)), mimeType: file.mimeType };
    },
    forgetUpload: (uploadId) => uploads.consumed(uploadId),
  });
  const appInfo = { version: options.version ?? '0.0.0', demo: Boolean(wa.demo), ...(options.connection ? { connection: options.connection } : {}) };

  const router = createRouter({
    handlers: createHandlers({ auth, users, profile, activity, numbers, inbox, templates, contacts, properties, media, propertyPhotos, propertyCards, demo, branches, offers, promotions, appInfo }),
    authenticate: (token) => auth.authenticate(token),
    ...(options.rateLimits ? { rateLimiter: new RateLimiter(options.rateLimits, clock) } : {}),
    logger,
  });

  // Demo data first (its number is linked), then every linked number starts.
  const seeded = wa.seed ? wa.seed({ db, dataDir: options.dataDir }).catch((error: unknown) => logger.error('demo data failed', { error: String(error) })) : Promise.resolve();
  const restored = wa.restoreSessions ? seeded.then(() => whatsappSessions.restoreLinked()) : seeded.then(() => undefined);

  let closing: Promise<void> | undefined;
  return {
    router,
    bus,
    database,
    logger,
    /** The shells report which user each window or socket is signed in as. */
    presence,
    whatsapp: { sessions: whatsappSessions, outbox, pipeline, ingest, media: mediaFetcher },
    mediaStore,
    searchIndex,
    /** For benchmarks and tests that measure a service without the router. */
    services: { inbox, numbers, authenticate: (token: string) => auth.authenticate(token) },
    /** The one-time setup code the host prints while no admin exists (LAN mode). */
    pendingSetupCode: () => auth.pendingSetupCode(),
    /** Resolves once demo data (if any) is in place. */
    seeded,
    /** Resolves once the linked numbers were started (when the core restores them). */
    restored,
    /** Stops every WhatsApp session (keeping their links), then closes the database. */
    close(): Promise<void> {
      closing ??= (async () => {
        clearTimeout(sweep);
        offerExpiry.stop();
        searchIndex.stop();
        outbox.closeAll();
        pipeline.close();
        await whatsappSessions.shutdown();
        await restored;
        wa.close?.();
        await checkpoint.stop();
        database.close();
      })();
      return closing;
    },
  };
}
export type Core = ReturnType<typeof createCore>;
