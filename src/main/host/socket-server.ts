import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { isIP } from 'node:net';
import os from 'node:os';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import { defaultErrorMessages, errorReasons, type ApiError } from '../../shared/errors';
import type { ServerMessage } from '../../shared/wire';
import { websocketPath } from '../../shared/wire';
import type { Core } from '../core/create-core';
import { reaches } from '../events/event-bus';
import type { ActiveSession } from '../services/auth/session-store';
import { callerOf } from './client-identity';
import { isApiPath } from '../api/mount-api';
import { defaultSocketLimits, type SocketLimits } from './socket-limits';

const callMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown(),
  token: z.string().max(200).optional(),
});


interface Connection {
  socket: WebSocket;
  clientKey: string;
  /** Opened from the host computer itself. */
  local: boolean;
  session: ActiveSession | null;
  alive: boolean;
  /** Presence counts sockets, not addresses: two tabs on one computer are two windows. */
  presenceKey: string;
  /** Calls being answered now. */
  active: number;
  /** Calls waiting for one of those to finish, and their size on the wire. */
  waiting: { call: Call; size: number }[];
  waitingBytes: number;
}

type Call = z.output<typeof callMessage>;

/**
 * A tab has a few calls under way at once (a page loading its lists); more wait their turn.
 * Answering one at a time per slot is what lets the unread-output check run before the work:
 * a flood of file reads is refused up front instead of being read and then thrown away.
 */
const callsInFlight = 8;

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
    return isTrustedHostName(originUrl.hostname, hostNames);
  } catch {
    return false;
  }
}

/** An IP literal, localhost or this computer's name: a name no other site can point here. */
export function isTrustedHostName(hostname: string, hostNames: readonly string[] = localHostNames()): boolean {
  const name = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(name) !== 0 || hostNames.includes(name);
}

/** The request's path, or null for a target no URL parser takes (`//[`): refused, not thrown. */
function upgradePath(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://local').pathname;
  } catch {
    return null;
  }
}

function localHostNames(): string[] {
  const name = os.hostname().toLowerCase();
  return ['localhost', name, `${name}.local`];
}

/**
 * Carries the contract over a WebSocket at `/ws`: calls in, results and events out. One tab
 * can only ever cost itself: a protocol violation closes its socket (with the code `ws`
 * chooses), and a tab that stops reading gets refusals, then is closed, instead of growing
 * the host's memory.
 */
export function attachSocketServer(server: Server, core: Core, limits: SocketLimits = defaultSocketLimits): SocketServer {
  const { logger } = core;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload });
  const connections = new Set<Connection>();
  const stats: Omit<SocketStats, 'openSockets'> = { peakBufferedAmount: 0, answered: 0, refusedForBacklog: 0 };

  server.on('upgrade', (req, socket, head) => {
    // Node removes its own error listener from an upgraded socket; without one, a reset
    // before the handshake completes would be thrown at the process.
    socket.on('error', (error) => logger.warn('upgrade socket failed', { error: error.message }));
    if (isApiPath(upgradePath(req))) return; // the REST API's event socket answers it (src/main/api/)
    if (upgradePath(req) !== websocketPath || !isTrustedOrigin(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
  });

  /**
   * Queues a message unless it would take the socket's unread output past the cap. A result
   * that does not fit becomes a small RATE_LIMIT_EXCEEDED answer (the tab may ask again once
   * it has read); an event that does not fit closes the socket, because a tab that missed an
   * event shows stale data until it reconnects and reloads.
   */
  function send(conn: Connection, message: ServerMessage): void {
    const { socket } = conn;
    if (socket.readyState !== socket.OPEN) return;
    let text = JSON.stringify(message);
    if (!fits(socket, text)) {
      if (message.type === 'event') {
        logger.warn('socket too far behind: closed', { clientKey: conn.clientKey, bufferedAmount: socket.bufferedAmount });
        socket.close(1013, 'Too far behind');
        return;
      }
      stats.refusedForBacklog++;
      text = JSON.stringify({ type: 'result', id: message.id, result: { success: false, error: backlogError } } satisfies ServerMessage);
      if (!fits(socket, text)) {
        logger.warn('socket not reading: closed', { clientKey: conn.clientKey, bufferedAmount: socket.bufferedAmount });
        socket.terminate();
        return;
      }
    }
    socket.send(text);
    stats.peakBufferedAmount = Math.max(stats.peakBufferedAmount, socket.bufferedAmount);
  }

  function rawSize(raw: RawData): number {
    return Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : raw instanceof ArrayBuffer ? raw.byteLength : raw.length;
  }

  function fits(socket: WebSocket, text: string): boolean {
    return socket.bufferedAmount + Buffer.byteLength(text) <= limits.maxBufferedBytes;
  }

  let nextSocket = 1;
  /** Once the host is stopping the core closes too: sockets closing then change nobody's presence (the next start resets it). */
  let stopping = false;

  function onConnection(socket: WebSocket, req: IncomingMessage): void {
    const conn: Connection = { socket, ...callerOf(req.socket.remoteAddress), session: null, alive: true, presenceKey: `socket:${nextSocket++}`, active: 0, waiting: [], waitingBytes: 0 };
    connections.add(conn);
    // `ws` has already closed the socket with the fitting code (1002, 1007, 1009) when it
    // emits this; without a listener it would throw and end the host for every window.
    socket.on('error', (error: Error & { code?: string }) => logger.warn('socket closed after a protocol error', { clientKey: conn.clientKey, code: error.code, error: error.message }));
    socket.on('pong', () => (conn.alive = true));
    socket.on('close', () => {
      connections.delete(conn);
      if (!stopping) core.presence.release(conn.presenceKey);
    });
    socket.on('message', (raw) => receive(conn, raw));
  }

  function receive(conn: Connection, raw: RawData): void {
    let call: Call;
    try {
      call = callMessage.parse(JSON.parse(String(raw)));
    } catch {
      conn.socket.close(1008, 'Malformed message');
      return;
    }
    if (tooFull(conn)) refuse(conn, call);
    else if (conn.active < callsInFlight) void answer(conn, call);
    // The waiting line is bounded too, by bytes: a tab cannot park memory in it either.
    else if (conn.waitingBytes + rawSize(raw) > limits.maxBufferedBytes) refuse(conn, call);
    else {
      conn.waiting.push({ call, size: rawSize(raw) });
      conn.waitingBytes += rawSize(raw);
    }
  }

  /** Too much unread output for another large answer: refuse before doing the work (a file read, its base64). */
  function tooFull(conn: Connection): boolean {
    return conn.socket.bufferedAmount + limits.maxPayload > limits.maxBufferedBytes;
  }

  function refuse(conn: Connection, call: Call): void {
    stats.refusedForBacklog++;
    send(conn, { type: 'result', id: call.id, result: { success: false, error: backlogError } });
    stats.answered++;
  }

  /** Waiting calls take the free slots, in order (a loop, not recursion: the line may be long). */
  function next(conn: Connection): void {
    while (conn.active < callsInFlight && conn.waiting.length > 0) {
      const { call, size } = conn.waiting.shift()!;
      conn.waitingBytes -= size;
      if (tooFull(conn)) refuse(conn, call);
      else void answer(conn, call);
    }
  }

  async function answer(conn: Connection, parsed: Call): Promise<void> {
    conn.active++;
    try {
      const outcome = await core.router.call(parsed.channel, parsed.input, {
        clientKey: conn.clientKey,
        local: conn.local,
        ...(parsed.token ? { token: parsed.token } : {}),
      });
      conn.session = outcome.session;
      if (conn.socket.readyState === conn.socket.OPEN && !stopping) core.presence.track(conn.presenceKey, outcome.session?.userId ?? null);
      send(conn, { type: 'result', id: parsed.id, result: outcome.result });
      stats.answered++;
    } catch (error) {
      // The router answers every failure itself; this is for a fault in sending the answer.
      const requestId = `req-${randomUUID()}`;
      logger.error('socket call failed', { channel: parsed.channel, requestId, error: error instanceof Error ? error.stack : String(error) });
      send(conn, { type: 'result', id: parsed.id, result: { success: false, error: { code: 'INTERNAL_ERROR', message: defaultErrorMessages.INTERNAL_ERROR, requestId } } });
      stats.answered++;
    } finally {
      conn.active--;
      next(conn);
    }
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

  // A socket that has not answered the last ping (a stalled reader sees no pings either) is
  // closed at the next beat, releasing whatever output it left unread.
  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        logger.warn('socket stopped answering: closed', { clientKey: conn.clientKey, bufferedAmount: conn.socket.bufferedAmount });
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  return {
    stats: () => ({ ...stats, openSockets: connections.size }),
    close() {
      stopping = true;
      clearInterval(heartbeat);
      unsubscribe();
      for (const conn of connections) conn.socket.close(1001, 'Server shutting down');
      wss.close();
    },
  };
}

export interface SocketServer {
  stats(): SocketStats;
  close(): void;
}

/** What the host's sockets have cost so far, for the office's logs and for tests. */
export interface SocketStats {
  openSockets: number;
  /** The most output any socket has had waiting, in bytes (what `maxBufferedBytes` caps). */
  peakBufferedAmount: number;
  /** Calls answered (with data, an error, or a backlog refusal). */
  answered: number;
  /** Results replaced by RATE_LIMIT_EXCEEDED because their socket was not reading. */
  refusedForBacklog: number;
}

const backlogError: ApiError = { code: 'RATE_LIMIT_EXCEEDED', message: defaultErrorMessages.RATE_LIMIT_EXCEEDED, details: errorReasons.tooManyRequests, retryAfter: 1 };
