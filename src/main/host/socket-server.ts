import type { IncomingMessage, Server } from 'node:http';
import { isIP } from 'node:net';
import os from 'node:os';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { ServerMessage } from '../../shared/wire';
import { websocketPath } from '../../shared/wire';
import type { Core } from '../core/create-core';
import { reaches } from '../events/event-bus';
import type { ActiveSession } from '../services/auth/session-store';
import { callerOf } from './client-identity';

const callMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown(),
  token: z.string().max(200).optional(),
});

/**
 * Enough for every call; media travels another way. The largest is a contacts CSV import
 * (`maxCsvSize` characters, up to 3 bytes each in UTF-8 JSON).
 */
const maxPayload = 16 * 1024 * 1024;
const heartbeatMs = 30_000;

interface Connection {
  socket: WebSocket;
  clientKey: string;
  /** Opened from the host computer itself. */
  local: boolean;
  session: ActiveSession | null;
  alive: boolean;
  /** Presence counts sockets, not addresses: two tabs on one computer are two windows. */
  presenceKey: string;
}

/**
 * A page may open the socket only from the host's own origin, reached by an address rather
 * than an arbitrary name: an IP literal, localhost or this computer's name. The name check
 * stops DNS rebinding, where a web site points its own name at 127.0.0.1 to pass as "same origin".
 */
export function isTrustedOrigin(req: IncomingMessage, hostNames: readonly string[] = localHostNames()): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  try {
    const originUrl = new URL(origin);
    if (originUrl.host !== host) return false;
    const name = originUrl.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return isIP(name) !== 0 || hostNames.includes(name);
  } catch {
    return false;
  }
}

function localHostNames(): string[] {
  const name = os.hostname().toLowerCase();
  return ['localhost', name, `${name}.local`];
}

/** Carries the contract over a WebSocket at `/ws`: calls in, results and events out. */
export function attachSocketServer(server: Server, core: Core): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  const connections = new Set<Connection>();

  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://local');
    if (pathname !== websocketPath || !isTrustedOrigin(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
  });

  function send(conn: Connection, message: ServerMessage): void {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(message));
  }

  let nextSocket = 1;
  /** Once the host is stopping the core closes too: sockets closing then change nobody's presence (the next start resets it). */
  let stopping = false;

  function onConnection(socket: WebSocket, req: IncomingMessage): void {
    const conn: Connection = { socket, ...callerOf(req.socket.remoteAddress), session: null, alive: true, presenceKey: `socket:${nextSocket++}` };
    connections.add(conn);
    socket.on('pong', () => (conn.alive = true));
    socket.on('close', () => {
      connections.delete(conn);
      if (!stopping) core.presence.release(conn.presenceKey);
    });
    socket.on('message', async (raw) => {
      let parsed: z.output<typeof callMessage>;
      try {
        parsed = callMessage.parse(JSON.parse(String(raw)));
      } catch {
        socket.close(1008, 'Malformed message');
        return;
      }
      const outcome = await core.router.call(parsed.channel, parsed.input, {
        clientKey: conn.clientKey,
        local: conn.local,
        ...(parsed.token ? { token: parsed.token } : {}),
      });
      conn.session = outcome.session;
      if (socket.readyState === socket.OPEN && !stopping) core.presence.track(conn.presenceKey, outcome.session?.userId ?? null);
      send(conn, { type: 'result', id: parsed.id, result: outcome.result });
    });
  }

  const unsubscribe = core.bus.subscribe((message) => {
    for (const conn of connections) {
      if (!reaches(message.audience, conn.session)) continue;
      send(conn, { type: 'event', event: message.event, data: message.data } as ServerMessage);
      if (message.event === 'session.ended') {
        conn.session = null;
        core.presence.release(conn.presenceKey);
      }
    }
  });

  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) conn.socket.terminate();
      conn.alive = false;
      conn.socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    close() {
      stopping = true;
      clearInterval(heartbeat);
      unsubscribe();
      for (const conn of connections) conn.socket.close(1001, 'Server shutting down');
      wss.close();
    },
  };
}
