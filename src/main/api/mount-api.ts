import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Core } from '../core/create-core';
import { createApiHandler } from './api-handler';
import { apiEventsPath, attachApiEvents } from './api-events';
import { apiBase } from './route-table';
import { createCloudWebhookHandler } from '../whatsapp/cloud/webhook/webhook-http';

/** Paths the API owns on a shared server: the host's own socket leaves their upgrades alone. */
export function isApiPath(path: string | null): boolean {
  return path === apiEventsPath || path === apiBase || (path?.startsWith(`${apiBase}/`) ?? false);
}

/**
 * Serves the REST API and its event socket on a server beside whatever else it serves (the
 * host's renderer): requests under `/api/v1/whatsapp` go to the API, the rest to `fallback`.
 */
export function mountApi(core: Core, fallback: RequestListener) {
  const api = createApiHandler(core);
  // Meta's webhooks come before the API: they are signed by Meta, not by an API key, and work with the API off.
  const webhooks = createCloudWebhookHandler(() => {
    try {
      return core.whatsapp.cloudWebhook;
    } catch {
      return null; // A restore is swapping the database: 503, and Meta sends it again.
    }
  }, core.logger);
  let events: { close(): void } | undefined;
  return {
    handler: (req: IncomingMessage, res: ServerResponse) => (webhooks.handles(req) ? webhooks.handle(req, res) : api.handles(req) ? api.handle(req, res) : fallback(req, res)),
    attach(server: Server) {
      events = attachApiEvents(server, core);
    },
    close() {
      events?.close();
    },
  };
}
