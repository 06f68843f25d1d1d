import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema';

/** Signed-in sessions. Only a SHA-256 of the token is stored, so a copied database signs no one in. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** Sliding: moves forward with use, never past `createdAt` + the absolute limit. */
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
