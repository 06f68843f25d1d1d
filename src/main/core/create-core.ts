import fs from 'node:fs';
import path from 'node:path';
import { startBackgroundCheckpoint } from '../db/background-checkpoint';
import { databaseFileName, openDatabase } from '../db/open-database';
import { lockDataDir } from '../base/data-dir-lock';
import { BackupService, type BackupServiceDeps } from '../backups/backup-service';
import { BackupError } from '../backups/backup-folder';
import { AppError } from '../rpc/app-error';
import type { CallMeta, CallOutcome } from '../rpc/router';
import { EventBus } from '../events/event-bus';
import { createRouter } from '../rpc/router';
import { RateLimiter, type RateLimits } from '../rpc/rate-limiter';
import { ActivityLog } from '../services/activity/activity-log';
import { chainLegacyRows } from '../services/activity/activity-chain';
import { AuthService } from '../services/auth/auth-service';
import { LoginThrottle, defaultThrottlePolicy, type ThrottlePolicy } from '../services/auth/login-throttle';
import { Presence } from '../services/auth/presence';
import { SessionStore, defaultSessionPolicy, type SessionPolicy } from '../services/auth/session-store';
import { ProfileService } from '../services/users/profile-service';
import { UsersService } from '../services/users/users-service';
import { Ingest } from '../ingest/ingest';
import { SearchIndex } from '../search/search-index';
import { defaultOutboxPolicy, Outbox, type OutboxPolicy } from '../outbox/outbox';
import { startAutomation } from '../services/automation/start-automation';
import { startAi } from '../services/ai/start-ai';
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
import { ApiKeys } from '../services/integrations/api-keys';
import { ApiSettingsStore } from '../services/integrations/api-settings';
import { WebhookEndpoints } from '../services/webhooks/webhook-endpoints';
import { WebhookQueue } from '../services/webhooks/webhook-queue';
import { WebhookSources } from '../services/webhooks/webhook-sources';
import { sealPlainWebhookSecrets, webhookSecretBox } from '../services/webhooks/webhook-secrets';
import { defaultWebhookRetryPolicy, type WebhookRetryPolicy } from '../services/webhooks/webhook-retry';
import { PropertyCards } from '../services/properties/property-card';
import { TemplatesService } from '../services/templates/templates-service';
import { DesktopService } from '../services/desktop/desktop-service';
import { OfficeService } from '../services/office/office-service';
import type { InvoicePrinter } from '../services/invoices/pdf/invoice-printer';
import { startInvoices } from '../services/invoices/start-invoices';
import { officeTemplateValues } from '../services/office/office-template-values';
import { NotificationsService } from '../services/notifications/notifications-service';
import { NotificationSources } from '../services/notifications/notification-sources';
import { scheduleNotificationPruning } from '../services/notifications/notification-schedule';
import { watchDueViewings, type DueViewingsProvider } from '../services/notifications/due-viewings';
import { dueViewingsOf, watchWorkNotifications } from '../services/notifications/work-sources';
import { ViewingsService } from '../services/viewings/viewings-service';
import { OffersService } from '../services/offers/offers-service';
import { startDashboard } from '../services/dashboard/start-dashboard';
import { OfferExpiry } from '../services/offers/offer-expiry';
import { PromotionsService } from '../services/offers/promotions-service';
import { officeCalendarOf } from '../calendar/office-calendar-setting';
import { defaultCatchUpPolicy, MessagePipeline, type CatchUpPolicy } from '../whatsapp/message-pipeline';
import { startCloudWebhook } from '../whatsapp/cloud/webhook/start-cloud-webhook';
import type { FetchCloudMedia } from '../whatsapp/cloud/webhook/cloud-media-source';
import { defaultSessionPolicy as defaultWhatsappSessionPolicy, SessionManager, type SessionPolicy as WhatsappSessionPolicy } from '../whatsapp/session-manager';
import type { WebjsClientFactory } from '../whatsapp/webjs/client-surface';
import type { ConnectionInfo } from '../../shared/app/types';
import { browserChoiceKey, chosenBrowserProvider, systemBrowserProvider, type BrowserProvider } from '../whatsapp/webjs/browser-provider';
import { realClientFactory } from '../whatsapp/webjs/real-client-factory';
import { WebjsTransport } from '../whatsapp/webjs/webjs-transport';
import { CloudTransport } from '../whatsapp/cloud/cloud-transport';
import { startCloud } from '../services/cloud/start-cloud';
import { isCloudNumber } from '../whatsapp/cloud/cloud-store';
import { readSetting } from '../base/settings';
import { systemClock, type WakingClock } from '../base/clock';
import { createHandlers } from './handlers';
import { DemoService, type DemoHooks } from '../services/demo/demo-service';
import { consoleLogger, type Logger } from '../base/logger';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  /** Prints invoice PDFs: headless Chromium for the host, Electron's printToPDF on the desktop; none means no PDF. */
  invoicePrinter?: InvoicePrinter;
  /** The built renderer, whose bundled Arabic font the invoice PDF embeds. */
  rendererDir?: string;
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
  /** Tests make scrypt cheap and retention their own. */
  backups?: Pick<BackupServiceDeps, 'scryptLogN' | 'retention'>;
  /** CRM webhooks' retries and request deadline (tests shorten the deadline). */
  webhookRetryPolicy?: WebhookRetryPolicy;
  /** Issue 19: the Graph API's base URL, saved as the office's setting at start (`--graph-base-url`: a stand-in). */
  graphBaseUrl?: string;
}

export interface WhatsappOptions {
  /** Builds each number's Client; the real whatsapp-web.js one unless given (demo mode, tests). */
  factory?: WebjsClientFactory;
  /** Demo mode: the factory's simulated phone can "scan" the QR and make WhatsApp events happen, and its customers send every kind of message. */
  demo?: DemoControls & DemoHooks;
  /** Runs before sessions restore, in demo mode: creates the demo data. */
  seed?: (core: { db: import('../db/open-database').Db; sqlite: import('better-sqlite3').Database; dataDir: string; services: import('../whatsapp/demo/demo-deals').DemoDealServices; now: number }) => Promise<unknown>;
  /** Runs when the core closes (the demo's simulated network). */
  close?: () => void;
  sessionPolicy?: WhatsappSessionPolicy;
  outboxPolicy?: OutboxPolicy;
  catchUpPolicy?: CatchUpPolicy;
  /** Start linked numbers at once (the shells); tests start them by hand. */
  restoreSessions?: boolean;
  /** Cloud files from somewhere else than the Graph API (the demo); the Graph API's by default. */
  cloudMedia?: FetchCloudMedia;
  /** The desktop's own Chromium (a hidden window per number), used when the `whatsapp.browser` setting says so. */
  appBrowser?: BrowserProvider;
  /** Cloud API numbers: Graph call timeout and how long a timed-out send waits for its status (tests shorten them). */
  cloud?: { timeoutMs?: number; confirmWaitMs?: number };
}

/** What the services share across a restore: the bus the shells listen on, and the backups themselves. */
interface Shared {
  bus: EventBus;
  backups: BackupService;
  /** A restart after a restore: no demo data again. */
  restart: boolean;
}

/** The core's services on the database in `options.dataDir`: started at start-up and again after a restore. */
function startServices(options: CoreOptions, shared: Shared) {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const database = openDatabase(options.dataDir, options.migrationsDir);
  // Issue 4: WAL checkpoints (their fsyncs) off the event loop and out of the message commits.
  const checkpoint = startBackgroundCheckpoint(database.sqlite, { onError: (error) => logger.warn('background WAL checkpoint unavailable', { error: String(error) }) });
  const { db } = database;
  const { bus, backups } = shared;
  // Rows written before the log was chained (migration 0030) are chained once, before anything appends.
  const chained = chainLegacyRows(database.sqlite);
  if (chained > 0) logger.info('activity log chained', { rows: chained });
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
  // Real time, whatever the core's clock: its pass re-arms every 300 ms for ever, so a test clock
  // moved by a day (the quota's midnight, a session's expiry) would run it hundreds of thousands
  // of times. Its own tests drive a SearchIndex on their own test clock.
  const searchIndex = new SearchIndex(sqlite, logger, systemClock);
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
  const notifications = new NotificationsService(sqlite, bus, clock);
  const notificationSources = new NotificationSources(sqlite, notifications, clock, bus);
  auth.signedIn = (user) => notificationSources.signedIn(user);
  const stopPruning = scheduleNotificationPruning({ sqlite, clock, logger, notifications });
  const stopWatches: (() => void)[] = [];
  const outbox = new Outbox(
    sqlite,
    ingest,
    clock,
    { changed: (row) => pipeline?.publishStatus(row), counted: (numberId) => notificationSources.quotaCounted(numberId) },
    logger,
    mediaStore,
    wa.outboxPolicy ?? defaultOutboxPolicy,
  );
  pipeline = new MessagePipeline({ sqlite, clock, logger, bus, ingest, outbox }, wa.catchUpPolicy ?? defaultCatchUpPolicy);
  const mediaFetcher = new MediaFetcher(sqlite, mediaStore, clock, logger, (messageId) => pipeline.publishMessage(messageId));
  pipeline.media = mediaFetcher;
  // Issue 19: Meta's webhooks, stored before their 200 and fed through the same pipeline.
  const cloudWebhook = startCloudWebhook({ sqlite, clock, logger, pipeline, ingest, media: mediaFetcher, ...(wa.cloudMedia ? { fetchMedia: wa.cloudMedia } : {}) });
  const browserProvider = chosenBrowserProvider(() => readSetting(sqlite, browserChoiceKey), systemBrowserProvider(() => readSetting(sqlite, 'whatsapp.browserPath')), wa.appBrowser);
  const factory = wa.factory ?? realClientFactory(browserProvider);
  const whatsappSessions = new SessionManager(
    {
      sqlite,
      clock,
      logger,
      sessionsDir: path.join(options.dataDir, 'sessions'),
      // Issue 19: a Cloud API number talks to Meta's Graph API; the others run whatsapp-web.js.
      makeTransport: (numberId, sessionDir, events) =>
        isCloudNumber(sqlite, numberId)
          ? new CloudTransport({ numberId, sqlite, clock, events, logger, ...wa.cloud })
          : new WebjsTransport({ numberId, sessionDir, factory, events, logger }),
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
  const demo = new DemoService(sqlite, access, wa.demo ?? null, clock);
  const media = new MediaService(sqlite, mediaStore, uploads, access);
  const propertyPhotos = new PropertyPhotos(sqlite, mediaStore, uploads, activity, bus, clock);
  const properties = new PropertiesService(sqlite, access, activity, bus, clock);
  const office = new OfficeService(sqlite, activity, bus, clock);
  const desktop = new DesktopService(sqlite, activity, bus, clock);
  const templates = new TemplatesService(sqlite, outbox, pipeline, access, activity, bus, clock, () => officeTemplateValues(office.settings()));
  const branches = new BranchesService(sqlite, activity, bus, clock);
  const propertyCards = new PropertyCards(sqlite, properties, outbox, pipeline, access, activity, mediaStore, clock);
  const viewings = new ViewingsService(sqlite, access, activity, bus, clock);
  // Agents hear of their viewings an hour ahead and of those booked for them; teams of offers awaiting an answer.
  stopWatches.push(watchDueViewings({ clock, logger, notifications, provider: dueViewingsOf(viewings) }));
  stopWatches.push(watchWorkNotifications({ sqlite, bus, notifications }));
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
  const invoicing = startInvoices({
    sqlite,
    dataDir: options.dataDir,
    clock,
    bus,
    activity,
    calendar,
    office,
    offers,
    media: mediaStore,
    outbox,
    publishNew: (row) => pipeline.publishNew(row),
    allowedNumbers: (caller) => access.allowedNumbers(caller),
    printer: options.invoicePrinter ?? null,
    rendererDir: options.rendererDir,
  });
  const apiKeys = new ApiKeys(sqlite, db, activity, clock);
  const apiSettings = new ApiSettingsStore(sqlite, activity);
  const webhookSecrets = webhookSecretBox(sqlite);
  // Secrets written in plain text by an older version are sealed before anything sends.
  const sealed = sealPlainWebhookSecrets(sqlite, webhookSecrets);
  if (sealed > 0) logger.info('webhook signing secrets sealed', { endpoints: sealed });
  const webhooks = new WebhookEndpoints(sqlite, activity, clock, webhookSecrets);
  const webhookQueue = new WebhookQueue(sqlite, webhooks, notifications, clock, logger, options.webhookRetryPolicy ?? defaultWebhookRetryPolicy, webhookSecrets);
  const webhookSources = new WebhookSources(sqlite, webhooks, bus);
  webhookQueue.start();
  const automation = startAutomation({ sqlite, clock, logger, bus, access, activity, outbox, pipeline, officeValues: () => officeTemplateValues(office.settings()) });
  const ai = startAi({ sqlite, clock, logger, bus, access, outbox, pipeline, notifications, viewings, activity, dataDir: options.dataDir });
  const dashboard = startDashboard({ sqlite, access, clock, logger, liveNumbers: (caller) => numbers.list(caller) });
  office.calendarChanged = () => dashboard.recompute.calendarChanged();
  const cloud = startCloud({
    sqlite,
    clock,
    logger,
    bus,
    activity,
    access,
    outbox,
    pipeline,
    sessions: whatsappSessions,
    publishNumber: (numberId) => numbers.publish(numberId),
    ...(options.graphBaseUrl ? { graphBaseUrl: options.graphBaseUrl } : {}),
  });
  inbox.markedRead = cloud.markedRead;
  const appInfo = { version: options.version ?? '0.0.0', demo: Boolean(wa.demo), ...(options.connection ? { connection: options.connection } : {}) };

  const router = createRouter({
    handlers: createHandlers({ auth, users, profile, activity, numbers, inbox, templates, contacts, properties, media, propertyPhotos, propertyCards, viewings, demo, branches, offers, promotions, office, officeTax: invoicing.officeTax, invoices: invoicing.invoices, invoiceDelivery: invoicing.delivery, invoiceArchive: invoicing.archive, desktop, notifications, backups, apiKeys, apiSettings, webhooks, automation, ai, dashboard, cloud: cloud.services, appInfo }),
    authenticate: (token) => auth.authenticate(token),
    ...(options.rateLimits ? { rateLimiter: new RateLimiter(options.rateLimits, clock) } : {}),
    logger,
  });

  // Demo data first (its number is linked), then every linked number starts.
  const seeded = wa.seed && !shared.restart ? wa.seed({ db, sqlite, dataDir: options.dataDir, services: { viewings, offers }, now: clock.now() })
        // The demo's conversations are written as rows, not ingested: the dashboard counts them afterwards.
        .then((result) => (dashboard.rebuild(), result))
        .catch((error: unknown) => logger.error('demo data failed', { error: String(error) })) : Promise.resolve();
  const restored = wa.restoreSessions ? seeded.then(() => whatsappSessions.restoreLinked()) : seeded.then(() => undefined);

  let closing: Promise<void> | undefined;
  return {
    router,
    bus,
    database,
    logger,
    /** The shells report which user each window or socket is signed in as. */
    presence,
    whatsapp: { sessions: whatsappSessions, outbox, pipeline, ingest, media: mediaFetcher, cloudWebhook },
    /** Issue 19: Cloud API numbers; the shell tells `connection.localOrigin` where it listens. */
    cloud: { numbers: cloud.numbers, connection: cloud.connection },
    mediaStore,
    searchIndex,
    /** For benchmarks and tests that measure a service without the router. */
    services: { inbox, numbers, notifications, viewings, offers, automation, ai, authenticate: (token: string) => auth.authenticate(token) },
    /** The REST API's keys and settings (src/main/api/ serves it). */
    api: { keys: apiKeys, settings: apiSettings, access },
    clock,
    /**
     * The viewings feature hands its due viewings here once (issue 14): their agents are told an
     * hour ahead, checked every minute on the core's clock until the core closes.
     */
    watchDueViewings(provider: DueViewingsProvider): void {
      stopWatches.push(watchDueViewings({ clock, logger, notifications, provider }));
    },
    /** The one-time setup code the host prints while no admin exists (LAN mode). */
    pendingSetupCode: () => auth.pendingSetupCode(),
    /** Resolves once demo data (if any) is in place. */
    seeded,
    /** Resolves once the linked numbers were started (when the core restores them). */
    restored,
    /** Stops every WhatsApp session (keeping their links), then closes the database; `final` also ends what outlives a restore (the demo's network). */
    close(final = true): Promise<void> {
      closing ??= (async () => {
        clearTimeout(sweep);
        stopPruning();
        for (const stop of stopWatches.splice(0)) stop();
        notificationSources.close();
        webhookSources.close();
        webhookQueue.close();
        automation.stop();
        cloud.stop();
        ai.stop();
        offerExpiry.stop();
        dashboard.recompute.close();
        await invoicing.close();
        searchIndex.stop();
        outbox.closeAll();
        cloudWebhook.close();
        pipeline.close();
        await whatsappSessions.shutdown();
        await restored;
        if (final) wa.close?.();
        await checkpoint.stop();
        database.close();
      })();
      return closing;
    },
  };
}
type Services = ReturnType<typeof startServices>;

/** Hooks run around a restore: future automation stops with the outbox and starts again after. */
export interface RestartHook {
  stop(): void | Promise<void>;
  start(): void | Promise<void>;
}

/**
 * The whole core, with no Electron in it: both shells and the tests start it the same way.
 * It takes the data folder first (a second app on it is refused, `lockDataDir`), and keeps the
 * bus, the router and presence the shells hold stable across a restore, which stops the
 * services, swaps the database file and starts them again (`swapDatabase`).
 */
export function createCore(options: CoreOptions) {
  const lock = lockDataDir(options.dataDir);
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? systemClock;
  const bus = new EventBus();
  const hooks = new Set<RestartHook>();
  let current: Services | null = null;
  let swapping = false;
  const backups = new BackupService({
    dataDir: options.dataDir,
    migrationsDir: options.migrationsDir,
    clock,
    logger,
    bus,
    appVersion: options.version ?? '0.0.0',
    live: () => (current && !swapping ? current.database.sqlite : null),
    swap: (file) => swapDatabase(file),
    ...(options.backups ?? {}),
  });
  /** Registered once by a feature (viewings), handed again to the services a restore starts. */
  let dueViewings: DueViewingsProvider | null = null;
  /** Where the shell listens (the Cloud tunnel forwards there), kept across a restore. */
  let cloudOrigin: string | null = null;
  const start = (restart: boolean): Services => {
    const services = startServices(options, { bus, backups, restart });
    if (dueViewings) services.watchDueViewings(dueViewings);
    services.cloud.connection.localOrigin = cloudOrigin;
    return services;
  };
  try {
    current = start(false);
  } catch (error) {
    lock.release();
    throw error;
  }
  backups.start();

  const live = (): Services => {
    if (!current || swapping) throw new AppError('SERVICE_UNAVAILABLE', 'restoring', undefined, 'A backup is being restored');
    return current;
  };

  /**
   * Stops sessions, the outbox and automation; keeps the current file aside; puts `file` in
   * its place (no stale -wal/-shm of the old one); migrates and starts the services again. If
   * that fails (a migration), the previous database goes back and starts as before.
   */
  async function swapDatabase(file: string): Promise<void> {
    const services = live();
    swapping = true;
    try {
      for (const hook of hooks) await hook.stop();
      await services.close(false);
      current = null;
      const live = path.join(options.dataDir, databaseFileName);
      const aside = `${live}.before-restore`;
      const sidecars = ['', '-wal', '-shm'];
      for (const suffix of sidecars) fs.rmSync(`${aside}${suffix}`, { force: true });
      for (const suffix of sidecars) if (fs.existsSync(`${live}${suffix}`)) fs.renameSync(`${live}${suffix}`, `${aside}${suffix}`);
      fs.renameSync(file, live);
      try {
        current = start(true);
      } catch (error) {
        logger.error('the restored database did not start; the previous one is back', { error: String(error) });
        for (const suffix of sidecars) fs.rmSync(`${live}${suffix}`, { force: true });
        for (const suffix of sidecars) if (fs.existsSync(`${aside}${suffix}`)) fs.renameSync(`${aside}${suffix}`, `${live}${suffix}`);
        current = start(true);
        throw new BackupError('migration_failed', `The restored database could not be brought up to date (${error instanceof Error ? error.message : String(error)}); the previous one was put back.`);
      }
    } finally {
      swapping = false;
      for (const hook of hooks) await hook.start();
    }
  }

  let closing: Promise<void> | undefined;
  return {
    router: {
      call(channel: unknown, input: unknown, meta: CallMeta): Promise<CallOutcome> {
        if (!current || swapping) {
          return Promise.resolve({ result: { success: false, error: new AppError('SERVICE_UNAVAILABLE', 'restoring', 5, 'A backup is being restored').toApiError() }, session: null });
        }
        return current.router.call(channel, input, meta);
      },
    },
    bus,
    logger,
    backups,
    get database() {
      return live().database;
    },
    get presence() {
      return { track: (key: string, userId: number | null) => current?.presence.track(key, userId), release: (key: string) => current?.presence.release(key) };
    },
    get whatsapp() {
      return live().whatsapp;
    },
    get mediaStore() {
      return live().mediaStore;
    },
    get searchIndex() {
      return live().searchIndex;
    },
    get services() {
      return live().services;
    },
    /** Issue 19: Cloud API numbers and how Meta reaches this desk. */
    get cloud() {
      return live().cloud;
    },
    /** The shell says where it listens, for the Cloud tunnel to forward to. */
    setCloudOrigin(origin: string): void {
      cloudOrigin = origin;
      live().cloud.connection.localOrigin = origin;
    },
    /** The REST API's keys and settings (src/main/api/ serves it); a restore brings new ones. */
    get api() {
      return live().api;
    },
    clock,
    pendingSetupCode: () => current?.pendingSetupCode(),
    get seeded() {
      return live().seeded;
    },
    get restored() {
      return live().restored;
    },
    /** Agents are told of their viewings an hour ahead (notifications), across restores too. */
    watchDueViewings(provider: DueViewingsProvider): void {
      dueViewings = provider;
      live().watchDueViewings(provider);
    },
    /** Future automation registers here to stop and start with the outbox around a restore. */
    onRestart(hook: RestartHook): () => void {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
    close(): Promise<void> {
      closing ??= (async () => {
        backups.stop();
        await backups.idle();
        try {
          await current?.close(true);
        } finally {
          lock.release();
        }
      })();
      return closing;
    },
  };
}
export type Core = ReturnType<typeof createCore>;
