import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../base/clock';
import type { Answer } from './envelope';
import { failure } from './envelope';

const dayMs = 24 * 60 * 60 * 1000;
/** Printable ASCII, as a header carries it; long enough for a UUID or an order number with a prefix. */
const validKey = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on sends: the first answer is kept 24 h in the database (a restart in
 * between still sends once), and a repeat gets it back without sending. The same key with a
 * different request is refused (422) rather than silently answered with the other's result.
 * The key also becomes the contract's `clientId`, so even an answer lost between the send and
 * this store cannot make the core queue a second copy.
 */
export class IdempotencyStore {
  private readonly q;
  /** Sends under way: a concurrent repeat waits for the first instead of sending too. */
  private readonly inFlight = new Map<string, Promise<Answer>>();
  private writes = 0;

  constructor(
    sqlite: Database.Database,
    private readonly clock: Clock,
  ) {
    this.q = {
      find: sqlite.prepare<[number, string, number], { request_hash: string; status: number; body: string }>(
        'select request_hash, status, body from api_idempotency where key_id = ? and idempotency_key = ? and created_at > ?',
      ),
      save: sqlite.prepare<[number, string, string, number, string, number]>(
        `insert into api_idempotency (key_id, idempotency_key, request_hash, status, body, created_at) values (?, ?, ?, ?, ?, ?)
         on conflict (key_id, idempotency_key) do update set request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
      ),
      prune: sqlite.prepare<[number]>('delete from api_idempotency where created_at <= ?'),
    };
  }

  static check(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    const value = Array.isArray(header) ? header[0] : header;
    if (value === undefined || !validKey.test(value)) {
      throw failure(400, 'VALIDATION_ERROR', [{ field: 'Idempotency-Key', code: 'invalid', message: 'Idempotency-Key must be 1–200 printable ASCII characters' }]);
    }
    return value;
  }

  /** The contract's client id (a UUID) for this key's send: the same key always gives the same id. */
  static clientIdOf(keyId: number, idempotencyKey: string): string {
    const h = createHash('sha256').update(`${keyId}\n${idempotencyKey}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  static hashRequest(parts: unknown): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  async run(keyId: number, idempotencyKey: string, requestHash: string, send: () => Promise<Answer>): Promise<Answer> {
    const slot = `${keyId}\n${idempotencyKey}`;
    const pending = this.inFlight.get(slot);
    if (pending) {
      const first = await pending;
      return this.replay(first, requestHash, requestHash);
    }
    const stored = this.q.find.get(keyId, idempotencyKey, this.clock.now() - dayMs);
    if (stored) return this.replay({ status: stored.status, body: JSON.parse(stored.body) as unknown }, stored.request_hash, requestHash);
    const work = send();
    this.inFlight.set(slot, work);
    try {
      const answer = await work;
      // Refusals that may pass later (limits, a busy core) are not kept: the repeat is tried afresh.
      if (answer.status < 429) {
        this.q.save.run(keyId, idempotencyKey, requestHash, answer.status, JSON.stringify(answer.body), this.clock.now());
        if (++this.writes % 500 === 0) this.q.prune.run(this.clock.now() - dayMs);
      }
      return answer;
    } finally {
      this.inFlight.delete(slot);
    }
  }

  private replay(first: Answer, firstHash: string, requestHash: string): Answer {
    if (firstHash !== requestHash) {
      throw failure(422, 'UNPROCESSABLE_ENTITY', 'idempotency_key_reused', { message: 'This Idempotency-Key was used for a different request' });
    }
    return { ...first, headers: { ...first.headers, 'Idempotent-Replayed': 'true' } };
  }
}
