import type Database from 'better-sqlite3';

/**
 * Our message id travels to Meta as `biz_opaque_callback_data` and comes back on every status
 * of that message. A send whose answer was lost (a timeout: it may have gone out) is not sent
 * again blindly: it waits here for a status carrying its id, which gives it its wamid.
 */
const opaquePrefix = 'meras:';

export function opaqueForLocalId(localId: number): string {
  return `${opaquePrefix}${localId}`;
}

/** Our message id from a status's `biz_opaque_callback_data`, or null when it is not ours. */
export function localIdFromOpaque(opaque: unknown): number | null {
  if (typeof opaque !== 'string' || !opaque.startsWith(opaquePrefix)) return null;
  const id = Number(opaque.slice(opaquePrefix.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

interface Waiter {
  resolve(wamid: string | null): void;
}

/** Sends waiting for a status with their local id, per database (one core each). */
export class LocalIdStatuses {
  private readonly waiters = new Map<number, Waiter>();
  /** Statuses that came before anyone waited (the send is still inside its timeout), kept briefly. */
  private readonly early = new Map<number, string>();

  /** Resolves with the wamid once a status names `localId`, or null when `cancel` is called. */
  wait(localId: number): { result: Promise<string | null>; cancel(): void } {
    const known = this.early.get(localId);
    if (known) {
      this.early.delete(localId);
      return { result: Promise.resolve(known), cancel: () => undefined };
    }
    let waiter!: Waiter;
    const result = new Promise<string | null>((resolve) => (waiter = { resolve }));
    this.waiters.set(localId, waiter);
    return {
      result,
      cancel: () => {
        if (this.waiters.get(localId) === waiter) this.waiters.delete(localId);
        waiter.resolve(null);
      },
    };
  }

  /** The receiver saw a status for our message `localId` under Meta's id `wamid`. */
  arrived(localId: number, wamid: string): void {
    const waiter = this.waiters.get(localId);
    if (waiter) {
      this.waiters.delete(localId);
      waiter.resolve(wamid);
      return;
    }
    if (this.early.size > 1000) this.early.delete(this.early.keys().next().value!);
    this.early.set(localId, wamid);
  }
}

const byDatabase = new WeakMap<Database.Database, LocalIdStatuses>();

export function localIdStatusesOf(sqlite: Database.Database): LocalIdStatuses {
  let found = byDatabase.get(sqlite);
  if (!found) byDatabase.set(sqlite, (found = new LocalIdStatuses()));
  return found;
}

/**
 * For the webhook receiver: a status (sent, delivered, read, failed) carried our id in
 * `biz_opaque_callback_data`. Call it before emitting the status's ack by wamid, so a send that
 * timed out learns its wamid and the ack then finds its message.
 */
export function cloudStatusForLocalId(sqlite: Database.Database, opaque: unknown, wamid: string): void {
  const localId = localIdFromOpaque(opaque);
  if (localId !== null) localIdStatusesOf(sqlite).arrived(localId, wamid);
}
