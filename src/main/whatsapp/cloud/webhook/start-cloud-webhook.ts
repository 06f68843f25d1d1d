import type Database from 'better-sqlite3';
import type { WakingClock } from '../../../base/clock';
import type { Logger } from '../../../base/logger';
import type { MediaFetcher } from '../../../media/media-fetcher';
import type { Ingest } from '../../../ingest/ingest';
import type { MessagePipeline } from '../../message-pipeline';
import { permanentMetaCodes } from '../cloud-errors';
import { markCloudWebhookReceived } from '../cloud-store';
import { cloudEndpointsOf } from './cloud-endpoints';
import { cloudInboundSource, type FetchCloudMedia } from './cloud-media-source';
import { graphMediaFetcher } from './graph-media';
import { WebhookReceiver } from './webhook-receiver';

/** How often files that could not be fetched from Meta are tried again. */
export const mediaRetryMs = 5 * 60_000;

/**
 * The core's Cloud webhook receiver: what a crash left in the inbox is processed at once, and
 * Cloud files that failed to download are fetched again every few minutes on the core's clock.
 */
export function startCloudWebhook(deps: { sqlite: Database.Database; clock: WakingClock; logger: Logger; pipeline: MessagePipeline; ingest: Ingest; media: MediaFetcher; fetchMedia?: FetchCloudMedia }) {
  const { sqlite, clock } = deps;
  // A failed status says why in Meta's words and code; the thread shows the reason for the codes
  // the sending side names (131047: the 24-hour window), "refused" for the rest.
  deps.ingest.failureOf = (error) => ({ code: permanentMetaCodes[error.code] ?? 'rejected', message: `Meta ${error.code}: ${error.title}` });
  const fetchMedia = deps.fetchMedia ?? graphMediaFetcher(sqlite);
  const sources = new Map<number, ReturnType<typeof cloudInboundSource>>();
  const sourceFor = (numberId: number) => {
    let source = sources.get(numberId);
    if (!source) sources.set(numberId, (source = cloudInboundSource(sqlite, numberId, fetchMedia)));
    return source;
  };
  const endpoints = cloudEndpointsOf(sqlite);
  const receiver = new WebhookReceiver({
    sqlite,
    clock,
    logger: deps.logger,
    pipeline: deps.pipeline,
    endpoints,
    sourceFor,
    received: (numberId, at) => markCloudWebhookReceived(sqlite, numberId, at),
  });
  receiver.wake();

  let cancel: (() => void) | null = null;
  const retry = () => {
    for (const { numberId } of endpoints.all()) void deps.media.retryPending(numberId, sourceFor(numberId));
    cancel = clock.wakeAt(clock.now() + mediaRetryMs, retry, { background: true });
  };
  cancel = clock.wakeAt(clock.now() + mediaRetryMs, retry, { background: true });

  return {
    receiver,
    endpoints,
    accept: (signerNumberId: number, body: Buffer) => receiver.accept(signerNumberId, body),
    close() {
      cancel?.();
      receiver.close();
    },
  };
}
export type CloudWebhook = ReturnType<typeof startCloudWebhook>;
