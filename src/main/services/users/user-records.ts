import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { PublicUser } from '../../../shared/users/types';
import type { Db } from '../../db/open-database';
import { users } from '../../db/schema';
import { toIso } from '../../base/clock';

export type UserRow = typeof users.$inferSelect;

/** The only way a user leaves the core: the password hash is dropped here, once. */
export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.status,
    isActive: row.isActive,
    phone: row.phone,
    language: row.language,
    branchId: row.branchId,
    lastLoginAt: toIso(row.lastLoginAt),
    lastLogoutAt: toIso(row.lastLogoutAt),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

/** Prepared once per database: every API call and session check looks its user up. */
const byIdQueries = new WeakMap<Db, ReturnType<typeof prepareById>>();
const prepareById = (db: Db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare();

export function findUserById(db: Db, id: number): UserRow | undefined {
  let query = byIdQueries.get(db);
  if (!query) byIdQueries.set(db, (query = prepareById(db)));
  return query.get({ id });
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email)).get();
}

export function emailTakenByOther(db: Db, email: string, exceptId?: number): boolean {
  const where = exceptId ? and(eq(users.email, email), ne(users.id, exceptId)) : eq(users.email, email);
  return db.select({ id: users.id }).from(users).where(where).get() !== undefined;
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

/** Admins, active or not: the office is set up once one exists (demo mode creates agents before). */
export function countAdmins(db: Db): number {
  return db.select({ n: count() }).from(users).where(eq(users.role, 'admin')).get()?.n ?? 0;
}

export function countActiveAdmins(db: Db): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
      .get()?.n ?? 0
  );
}
