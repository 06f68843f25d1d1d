import type { EventName } from '../../../shared/contract';
import { isEventName } from '../../../shared/names';
import type { ApiResult } from '../../../shared/errors';
import { websocketPath, type ClientMessage, type ServerMessage } from '../../../shared/wire';
import { connectionLost, type Transport } from './transport';

const firstRetryMs = 500;
/** A host restarted on the office network should be found within seconds; a failed try costs one refused connect. */
const maxRetryMs = 5_000;

type Resolve = (result: ApiResult<unknown>) => void;
type EventListener = (event: EventName, data: unknown) => void;

export function defaultSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${websocketPath}`;
}

/**
 * The host shell: calls and events over one WebSocket. Calls made while connecting wait in a
 * queue; when the socket drops, every unanswered call fails with SERVICE_UNAVAILABLE (the core
 * may or may not have run it, so retrying is the caller's choice) and we reconnect with backoff.
 */
export function createWsTransport(url: string = defaultSocketUrl()): Transport {
  let socket: WebSocket | undefined;
  let open = false;
  let nextId = 1;
  let attempt = 0;
  let everOpened = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const queue: ClientMessage[] = [];
  const pending = new Map<number, Resolve>();
  const eventListeners = new Set<EventListener>();
  const reconnectListeners = new Set<() => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let reportedConnected = true;

  /** Told once per change, not once per failed try while the host stays away. */
  function report(connected: boolean): void {
    if (connected === reportedConnected) return;
    reportedConnected = connected;
    connectionListeners.forEach((listener) => listener(connected));
  }

  function connect(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      // Any open after a failure counts: the app may be showing "unreachable" and can recover.
      const reconnected = everOpened || attempt > 0;
      open = true;
      everOpened = true;
      attempt = 0;
      for (const message of queue.splice(0)) ws.send(JSON.stringify(message));
      report(true);
      if (reconnected) reconnectListeners.forEach((listener) => listener());
    });
    ws.addEventListener('message', (event) => receive(event.data));
    ws.addEventListener('close', () => dropped(ws));
  }

  function dropped(ws: WebSocket): void {
    if (socket !== ws) return;
    open = false;
    socket = undefined;
    queue.length = 0;
    for (const resolve of pending.values()) resolve(connectionLost());
    pending.clear();
    // Before the first open the start-up screen says the host is unreachable; after it, the banner does.
    if (everOpened) report(false);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** attempt);
    attempt += 1;
    // Jitter keeps several windows from reconnecting to a restarted host in lockstep.
    retryTimer = setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
  }

  function receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.type === 'event' && isEventName(message.event)) {
      eventListeners.forEach((listener) => listener(message.event, message.data));
    }
  }

  connect();

  // A Wi-Fi drop may leave the socket looking open for minutes (no FIN reaches us): the
  // browser knows sooner. Back online, try at once instead of waiting out the backoff.
  window.addEventListener('offline', () => {
    const ws = socket;
    if (!ws) return;
    dropped(ws);
    ws.close();
  });
  window.addEventListener('online', () => {
    if (!socket) {
      attempt = 0;
      connect();
    }
  });

  return {
    call(channel, input, token) {
      const message: ClientMessage = { type: 'call', id: nextId++, channel, input, ...(token ? { token } : {}) };
      return new Promise<ApiResult<unknown>>((resolve) => {
        pending.set(message.id, resolve);
        if (open && socket) {
          socket.send(JSON.stringify(message));
          return;
        }
        queue.push(message);
        // Someone is waiting: try now rather than at the end of the backoff.
        if (!socket) connect();
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
