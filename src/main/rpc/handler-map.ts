import type { z } from 'zod';
import type { ChannelDef } from '../../shared/contract-kit';
import type { Caller } from '../services/auth/auth-service';
import type { HandlerContext } from './router';

/** A feature's handlers for its contract slice: each channel bound to its service method. */
export type HandlerMap<Slice extends Record<string, ChannelDef>> = {
  [C in keyof Slice]: (
    input: z.output<Slice[C]['input']>,
    ctx: HandlerContext,
  ) => NonNullable<Slice[C]['output']> | Promise<NonNullable<Slice[C]['output']>>;
};

/** The router guarantees a caller on every non-public channel; this states it for the types. */
export const signedIn = (caller: Caller | undefined): Caller => caller!;
