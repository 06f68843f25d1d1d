import type { z } from 'zod';
import type { Role } from './domain';

/** Who may call: anyone (before sign-in), any signed-in user, or only the listed roles. */
export type Access = 'public' | 'user' | readonly Role[];
/** Seed 003's rate limits count reads (GET) and writes (POST/PUT/PATCH) apart; file pieces are counted on their own. */
export type CallKind = 'read' | 'write' | 'transfer';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  kind: CallKind;
  /** Type-only marker carrying the output type; never set at runtime. */
  readonly output?: O;
}

/** Declares a channel of a feature's contract slice: `channel<Output>()({ input, access, kind })`. */
export function channel<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; kind: CallKind }): ChannelDef<I, O> => def;
}

export const adminOnly = ['admin'] as const;
export const managers = ['admin', 'supervisor'] as const;

/** Fails the typecheck when a slice's name list and its channels (or events) differ. */
export type SameNames<Listed extends string, All extends string> = [Exclude<All, Listed>, Exclude<Listed, All>] extends [never, never] ? true : never;
