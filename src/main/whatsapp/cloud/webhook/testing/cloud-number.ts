import type Database from 'better-sqlite3';
import { cloudSecretBox } from '../../cloud-store';

export interface TestCloudNumber {
  name: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  /** Null: linked without one (the receiver must refuse everything for it). */
  appSecret: string | null;
  verifyToken: string;
  pathKey: string;
}

/**
 * A linked Cloud number written as the Cloud numbers' store keeps it (secrets sealed with the
 * data folder's key), for tests of the receiver that do not go through linking.
 */
export function insertCloudNumber(sqlite: Database.Database, number: TestCloudNumber, now = Date.UTC(2026, 10, 25)): number {
  const box = cloudSecretBox(sqlite);
  const id = Number(sqlite.prepare("insert into whatsapp_numbers (name, provider) values (?, 'cloud')").run(number.name).lastInsertRowid);
  sqlite
    .prepare(
      `insert into cloud_numbers (whatsapp_number_id, phone_number_id, waba_id, access_token_sealed, app_secret_sealed, verify_token_sealed, path_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    // A secret that does not open reads as null: the closest a stored number comes to having none.
    .run(id, number.phoneNumberId, number.wabaId, box.seal(number.accessToken), number.appSecret === null ? 'v1.broken.broken.broken' : box.seal(number.appSecret), box.seal(number.verifyToken), number.pathKey, now, now);
  return id;
}
