import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ApiKeyView, ApiScope, CreatedApiKey } from '../../../shared/integrations/types';
import type { createApiKeyInput } from '../../../shared/integrations/schemas';
import type { Clock } from '../../base/clock';
import type { Db } from '../../db/open-database';
import { AppError, fieldError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { findUserById } from '../users/user-records';

/** Recognisable in a leaked log or a paste, so a scanner (or a person) knows what it is. */
export const apiKeyPrefix = 'mdk_';
const prefixShown = apiKeyPrefix.length + 8;
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string;
  number_ids: string | null;
  owner_id: number;
  owner_name: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** A key that authenticated: its owner as the caller, narrowed to the key's numbers. */
export interface KeyCaller {
  keyId: number;
  scopes: readonly ApiScope[];
  numberIds: readonly number[] | null;
  caller: Caller;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Seed 000's integrations/api-keys. The secret (`mdk_` + 32 random bytes, base64url) is
 * returned once and stored only as its SHA-256: a copy of the database gives no working key.
 * A fast hash is enough here, unlike passwords: the secret is random, not guessable.
 */
export class ApiKeys {
  private readonly q;
  /** `last_used_at` is written at most once a minute per key: a busy integration must not write on every read. */
  private readonly touched = new Map<number, number>();

  constructor(
    sqlite: Database.Database,
    private readonly db: Db,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
  ) {
    const select = `select k.id, k.name, k.prefix, k.scopes, k.number_ids, k.owner_id, u.name as owner_name, k.created_at, k.expires_at, k.last_used_at, k.revoked_at
      from api_keys k join users u on u.id = k.owner_id`;
    this.q = {
      all: sqlite.prepare<[], KeyRow>(`${select} order by k.id desc`),
      one: sqlite.prepare<[number], KeyRow>(`${select} where k.id = ?`),
      bySecret: sqlite.prepare<[string], KeyRow>(`${select} where k.secret_hash = ?`),
      insert: sqlite.prepare<[string, string, string, string, string | null, number, number | null, number], { id: number }>(
        `insert into api_keys (name, prefix, secret_hash, scopes, number_ids, owner_id, expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      ),
      revoke: sqlite.prepare<[number, number]>('update api_keys set revoked_at = coalesce(revoked_at, ?) where id = ?'),
      live: sqlite.prepare<[number, number], { id: number }>(
        'select k.id from api_keys k join users u on u.id = k.owner_id where k.id = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > ?) and u.is_active = 1',
      ),
      touch: sqlite.prepare<[number, number]>('update api_keys set last_used_at = ? where id = ?'),
    };
  }

  list(): ApiKeyView[] {
    return this.q.all.all().map((r) => this.view(r));
  }

  create(admin: Caller, input: z.output<typeof createApiKeyInput>): CreatedApiKey {
    const ownerId = input.ownerId ?? admin.user.id;
    const owner = findUserById(this.db, ownerId);
    if (!owner || !owner.isActive) throw fieldError('ownerId', 'unknown_user', 'No active user with this id');
    const now = this.clock.now();
    const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= now) throw fieldError('expiresAt', 'invalid', 'The expiry must be in the future');
    const secret = apiKeyPrefix + randomBytes(32).toString('base64url');
    const numberIds = input.numberIds ? JSON.stringify([...new Set(input.numberIds)].sort((a, b) => a - b)) : null;
    const { id } = this.q.insert.get(input.name, secret.slice(0, prefixShown), hashSecret(secret), JSON.stringify(input.scopes), numberIds, ownerId, expiresAt, now)!;
    // The activity log names the key, never its secret.
    this.activity.record({ userId: admin.user.id, action: 'api_key.created', entityType: 'api_key', entityId: id, details: { name: input.name, scopes: input.scopes, ownerId } });
    return { key: this.view(this.q.one.get(id)!), secret };
  }

  revoke(admin: Caller, id: number): ApiKeyView {
    if (!this.q.one.get(id)) throw new AppError('NOT_FOUND');
    this.q.revoke.run(this.clock.now(), id);
    this.touched.delete(id);
    this.activity.record({ userId: admin.user.id, action: 'api_key.revoked', entityType: 'api_key', entityId: id });
    return this.view(this.q.one.get(id)!);
  }

  /**
   * The caller behind a secret, or undefined when the key is unknown, revoked, expired or its
   * owner deactivated: all read from the database on every call, so a revocation holds at once.
   */
  authenticate(secret: string): KeyCaller | undefined {
    if (!secret.startsWith(apiKeyPrefix) || secret.length > 200) return undefined;
    const row = this.q.bySecret.get(hashSecret(secret));
    const now = this.clock.now();
    if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return undefined;
    const user = findUserById(this.db, row.owner_id);
    if (!user || !user.isActive) return undefined;
    if (now - (this.touched.get(row.id) ?? 0) >= 60_000) {
      this.touched.set(row.id, now);
      this.q.touch.run(now, row.id);
    }
    const numberIds = row.number_ids === null ? null : (JSON.parse(row.number_ids) as number[]);
    return {
      keyId: row.id,
      scopes: JSON.parse(row.scopes) as ApiScope[],
      numberIds,
      // No window session stands behind a key: a negative id matches no session's audience.
      caller: { user, session: { sessionId: -row.id, userId: user.id, expiresAt: row.expires_at ?? Number.MAX_SAFE_INTEGER }, ...(numberIds ? { numberLimit: numberIds } : {}) },
    };
  }

  /** Still usable now (not revoked, not expired, owner active): an open event stream checks before each event. */
  isLive(keyId: number): boolean {
    return this.q.live.get(keyId, this.clock.now()) !== undefined;
  }

  private view(r: KeyRow): ApiKeyView {
    const now = this.clock.now();
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scopes: JSON.parse(r.scopes) as ApiScope[],
      numberIds: r.number_ids === null ? null : (JSON.parse(r.number_ids) as number[]),
      owner: { id: r.owner_id, name: r.owner_name },
      createdAt: iso(r.created_at)!,
      expiresAt: iso(r.expires_at),
      lastUsedAt: iso(r.last_used_at),
      revokedAt: iso(r.revoked_at),
      state: r.revoked_at !== null ? 'revoked' : r.expires_at !== null && r.expires_at <= now ? 'expired' : 'active',
    };
  }
}
