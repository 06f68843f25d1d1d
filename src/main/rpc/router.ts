import { randomUUID } from 'node:crypto';
import { channels, type ChannelName, type ChannelOutput, type ChannelParsedInput } from '../../shared/contract';
import { isChannelName } from '../../shared/names';
import { errorReasons, type ApiError, type ApiResult } from '../../shared/errors';
import type { Logger } from '../base/logger';
import type { Caller } from '../services/auth/auth-service';
import type { ActiveSession } from '../services/auth/session-store';
import { AppError } from './app-error';
import type { RateLimiter } from './rate-limiter';
import { zodDetails } from '../../shared/zod-details';

export interface CallMeta {
  /** The session token the window holds, if any. */
  token?: string;
  /** Identifies the client (window or socket) for rate limits before sign-in. */
  clientKey: string;
  /** The call comes from the host computer itself (the desktop window, a loopback socket). */
  local?: boolean;
  /**
   * Already authenticated by the REST API: an API key's owner, narrowed to the key's numbers.
   * The same access checks apply; the API counts its own per-key limits instead of the user's.
   */
  caller?: Caller;
}

export interface HandlerContext {
  /** Present for every channel but the public ones. */
  caller: Caller | undefined;
  /** The window or network address the call came from. */
  clientKey: string;
  /** From the host computer itself; anything unsaid is treated as from the network. */
  local: boolean;
}

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>, ctx: HandlerContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface CallOutcome {
  result: ApiResult<unknown>;
  /**
   * The window's session after the call: the caller's, a new one after sign-in, null after
   * sign-out or when the token is dead. The shells use it to route events to windows.
   */
  session: ActiveSession | null;
}

export interface RouterDeps {
  handlers: Handlers;
  authenticate(token: string | undefined): Caller | undefined;
  rateLimiter?: RateLimiter;
  logger: Logger;
}

/** One entry for every call from every shell: validate → authorise → rate-limit → service. */
export function createRouter(deps: RouterDeps) {
  async function call(channelName: unknown, rawInput: unknown, meta: CallMeta): Promise<CallOutcome> {
    let session: ActiveSession | null = null;
    try {
      if (!isChannelName(channelName)) throw new AppError('NOT_FOUND', `Unknown channel '${String(channelName).slice(0, 64)}'`);
      const def = channels[channelName];
      const caller = meta.caller ?? deps.authenticate(meta.token);
      session = caller?.session ?? null;

      if (def.access !== 'public') {
        if (!caller) throw new AppError('UNAUTHORIZED', errorReasons.sessionExpired, undefined, 'Invalid or expired session');
        if (def.access !== 'user' && !def.access.includes(caller.user.role)) throw new AppError('FORBIDDEN');
      }
      const wait = meta.caller ? 0 : deps.rateLimiter?.take(caller ? `user:${caller.user.id}` : `client:${meta.clientKey}`, def.kind) ?? 0;
      if (wait > 0) throw new AppError('RATE_LIMIT_EXCEEDED', errorReasons.tooManyRequests, wait, `Rate limit exceeded. Please try again in ${wait} seconds`);

      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw new AppError('VALIDATION_ERROR', zodDetails(parsed.error, rawInput));

      const handler = deps.handlers[channelName] as (input: unknown, ctx: HandlerContext) => unknown;
      const data = await handler(parsed.data, { caller, clientKey: meta.clientKey, local: meta.local === true });
      if (channelName === 'auth.signOut') session = null;
      if (channelName === 'auth.signIn' || channelName === 'auth.setupAdmin') {
        session = deps.authenticate((data as ChannelOutput<'auth.signIn'>).token)?.session ?? null;
      }
      return { result: { success: true, data }, session };
    } catch (error) {
      return { result: { success: false, error: toApiError(error, String(channelName), deps.logger) }, session };
    }
  }
  return { call };
}
export type Router = ReturnType<typeof createRouter>;

function toApiError(error: unknown, channel: string, logger: Logger): ApiError {
  if (error instanceof AppError) return error.toApiError();
  const requestId = `req-${randomUUID()}`;
  // Internals go to the log under the request id, never to the caller.
  logger.error('call failed', { channel, requestId, error: error instanceof Error ? error.stack : String(error) });
  return { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', requestId };
}
