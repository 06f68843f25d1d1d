import type { ChannelInput, ChannelName, ChannelOutput, EventName, Events } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import { useSessionStore } from '../stores/session-store';
import { pickTransport } from './pick-transport';
import type { Transport } from './transport';

/** A failed call, carrying the core's error as it came. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** Channels where UNAUTHORIZED means "wrong credentials", not "your session is gone". */
const credentialChannels: ReadonlySet<ChannelName> = new Set(['auth.signIn', 'auth.setupAdmin']);

let transport: Transport | undefined;
const getTransport = (): Transport => (transport ??= pickTransport());

export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const token = useSessionStore.getState().token;
  const result = await getTransport().call(channel, input, token);
  if (result.success) return result.data as ChannelOutput<C>;
  // Only the session that made the call is ended: a late answer must not sign out a newer one.
  if (result.error.code === 'UNAUTHORIZED' && !credentialChannels.has(channel) && token !== undefined) {
    if (useSessionStore.getState().token === token) useSessionStore.getState().end('expired');
  }
  throw new ApiCallError(result.error);
}

type AnyListener = (data: unknown) => void;
const listeners = new Map<EventName, Set<AnyListener>>();
let unsubscribeTransport: (() => void) | undefined;

export function onEvent<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void {
  unsubscribeTransport ??= getTransport().subscribe((name, data) => {
    listeners.get(name)?.forEach((l) => l(data));
  });
  const set = listeners.get(event) ?? new Set<AnyListener>();
  listeners.set(event, set);
  const wrapped = listener as AnyListener;
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

/** Runs after a dropped connection to the core comes back; a no-op under Electron IPC. */
export function onReconnect(listener: () => void): () => void {
  return getTransport().onReconnect?.(listener) ?? (() => {});
}

/** The connection to the core was lost (false) or is back (true); never fires under Electron IPC. */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  return getTransport().onConnectionChange?.(listener) ?? (() => {});
}

/** A call that failed because the core could not be reached (the core may or may not have run it). */
export function isConnectionLost(error: unknown): boolean {
  return error instanceof ApiCallError && error.error.code === 'SERVICE_UNAVAILABLE';
}

/** Any thrown value as the core's error shape, so forms have one thing to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) };
}
