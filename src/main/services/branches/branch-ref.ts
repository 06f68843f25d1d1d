import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import { branches } from '../../db/schema';
import { fieldError } from '../../rpc/app-error';

/**
 * A number, user or property may be put in an existing, active branch (or in none); an archived
 * branch keeps what it had (`keep`) but takes nothing new. Refused on the form's `branchId` field.
 */
export function requireAssignableBranch(source: Database.Database | Db, branchId: number | null | undefined, keep?: number | null): void {
  if (branchId === null || branchId === undefined || branchId === keep) return;
  const row =
    'prepare' in source
      ? source.prepare<[number], { archived_at: number | null }>('select archived_at from branches where id = ?').get(branchId)
      : source.select({ archived_at: branches.archivedAt }).from(branches).where(eq(branches.id, branchId)).get();
  if (!row) throw fieldError('branchId', 'invalid', 'No such branch');
  if (row.archived_at !== null) throw fieldError('branchId', 'invalid', 'The branch is archived');
}
