import path from 'node:path';
import type Database from 'better-sqlite3';
import { SecretBox } from '../../base/secret-box';
import { trimWal } from '../../db/trim-wal';

/** The key file that seals the endpoints' signing secrets (beside the database, never in it). */
export const webhookKeyFileName = 'webhook-secret.key';

/** Every secret the desk makes starts so (webhook-endpoints.ts); a sealed one starts `v1.`. */
export const plainSecretPrefix = 'whsec_';

export function webhookSecretBox(sqlite: Database.Database): SecretBox {
  return new SecretBox(path.join(path.dirname(sqlite.name), webhookKeyFileName));
}

/**
 * Endpoints made before secrets were sealed hold them in plain text: sealed at start, once (a
 * sealed row no longer starts with the prefix, so a second start changes nothing). The old
 * bytes are zeroed rather than left in the page's free space, and the WAL that held them is
 * emptied. Returns how many were sealed.
 */
export function sealPlainWebhookSecrets(sqlite: Database.Database, box: SecretBox): number {
  const plain = sqlite.prepare<[], { id: number; secret: string }>("select id, secret from webhook_endpoints where substr(secret, 1, 6) = 'whsec_'").all();
  if (plain.length === 0) return 0;
  const update = sqlite.prepare<[string, number, string]>('update webhook_endpoints set secret = ? where id = ? and secret = ?');
  const before = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    const sealed = sqlite.transaction(() => plain.reduce((n, row) => n + update.run(box.seal(row.secret), row.id, row.secret).changes, 0)).immediate();
    // Busy (the checkpoint worker's pass): that pass copies the sealed pages over the old ones.
    trimWal(sqlite);
    return sealed;
  } finally {
    sqlite.pragma(`secure_delete = ${before}`);
  }
}
