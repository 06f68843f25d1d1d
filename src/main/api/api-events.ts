import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/create-core';
import { reaches, type BusMessage } from '../events/event-bus';
import { isLoopback } from '../host/client-identity';
import type { KeyCaller } from '../services/integrations/api-keys';
import { secretOf } from './api-handler';
import { originVerdict } from './cors';

/** Seed 003's WebSocket for integrations: `/ws/whatsapp?token=<key>` (or the Authorization header). */
export const apiEventsPath = '/ws/whatsapp';
/** Seed 003's events, and nothing else of the app's. */
const forwarded = new Set(['message.new', 'message.status', 'conversation.update']);
/** An integration that stops reading is dropped rather than buffered without end. */
const maxBufferedBytes = 4 * 1024 * 1024;

interface Listener {
  socket: WebSocket;
  key: KeyCaller;
}

/**
 * Pushes seed 003's events to API clients by key: only what the key's owner may see (the
 * events' own audience), only the key's numbers, and nothing once the key is revoked.
 */
export function attachApiEvents(server: Server, core: Core) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const listeners = new Set<Listener>();
  const numberOf = core.database.sqlite.prepare<[number], { n: number }>('select whatsapp_number_id as n from conversations where id = ?');

  const refuse = (socket: Duplex, status: string): void => void socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://api.local');
    } catch {
      return;
    }
    if (url.pathname !== apiEventsPath) return;
    const settings = core.api.settings.get();
    if (!settings.enabled) return refuse(socket, '404 Not Found');
    if (!isLoopback(req.socket.remoteAddress ?? '') && !settings.lan) return refuse(socket, '403 Forbidden');
    if (originVerdict(req, settings.corsOrigins) === 'refused') return refuse(socket, '403 Forbidden');
    const secret = url.searchParams.get('token') ?? secretOf(req);
    const key = secret ? core.api.keys.authenticate(secret) : undefined;
    if (!key) return refuse(socket, '401 Unauthorized');
    if (!key.scopes.includes('read')) return refuse(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const listener = { socket: ws, key };
      listeners.add(listener);
      ws.on('error', () => undefined);
      ws.on('close', () => listeners.delete(listener));
      // Clients only listen; anything they send is ignored.
    });
  }

  function conversationOf(message: BusMessage): number | undefined {
    const data = message.data as { conversationId?: number };
    return data.conversationId;
  }

  const unsubscribe = core.bus.subscribe((message) => {
    if (!forwarded.has(message.event) || listeners.size === 0) return;
    const conversationId = conversationOf(message);
    const numberId = conversationId === undefined ? undefined : numberOf.get(conversationId)?.n;
    const text = JSON.stringify({ event: message.event, data: message.data });
    for (const listener of listeners) {
      const { key, socket } = listener;
      const caller = { userId: key.caller.user.id, sessionId: key.caller.session.sessionId };
      if (!reaches(message.audience, caller)) continue;
      if (key.numberIds && (numberId === undefined || !key.numberIds.includes(numberId))) continue;
      if (!core.api.keys.isLive(key.keyId)) {
        socket.close(4401, 'Key revoked or expired');
        listeners.delete(listener);
        continue;
      }
      if (socket.bufferedAmount + text.length > maxBufferedBytes) {
        socket.terminate();
        listeners.delete(listener);
        continue;
      }
      socket.send(text);
    }
  });

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node drops its own error listener from an upgraded socket: a reset mid-handshake would be thrown at the process.
    socket.on('error', () => undefined);
    onUpgrade(req, socket, head);
  };
  server.on('upgrade', upgrade);
  return {
    close() {
      unsubscribe();
      server.off('upgrade', upgrade);
      for (const { socket } of listeners) socket.close(1001, 'Server shutting down');
      wss.close();
    },
  };
}
