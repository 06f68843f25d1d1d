import path from 'node:path';
import type Database from 'better-sqlite3';
import { graphSettingsKey, type GraphSettings } from '../../../shared/cloud/types';
import { SecretBox } from '../../base/secret-box';
import { statement } from '../../db/statement';
import { graphSettingsOf } from './graph-client';

/** The key that seals Cloud secrets, beside the database (0600), like the AI's. */
export const cloudKeyFileName = 'cloud-secret.key';

const boxes = new WeakMap<Database.Database, SecretBox>();

/** The data folder's box for Cloud secrets (the folder is the database file's). */
export function cloudSecretBox(sqlite: Database.Database): SecretBox {
  let box = boxes.get(sqlite);
  if (!box) boxes.set(sqlite, (box = new SecretBox(path.join(path.dirname(sqlite.name), cloudKeyFileName))));
  return box;
}

/**
 * What the webhook receiver and the transport need of a Cloud number, secrets opened. Core-only:
 * never returned by a channel, never logged. A secret that no longer opens (the key file was
 * replaced, a backup restored elsewhere) is null: the receiver then fails closed.
 */
export interface CloudSecrets {
  numberId: number;
  phoneNumberId: string;
  wabaId: string;
  pathKey: string;
  accessToken: string | null;
  appSecret: string | null;
  verifyToken: string | null;
  /** The number was removed: nothing for it is accepted. */
  removed: boolean;
}

interface SecretsRow {
  whatsapp_number_id: number;
  phone_number_id: string;
  waba_id: string;
  path_key: string;
  access_token_sealed: string;
  app_secret_sealed: string;
  verify_token_sealed: string;
  removed_at: number | null;
}

const columns = `c.whatsapp_number_id, c.phone_number_id, c.waba_id, c.path_key, c.access_token_sealed, c.app_secret_sealed, c.verify_token_sealed, n.removed_at
  from cloud_numbers c join whatsapp_numbers n on n.id = c.whatsapp_number_id`;

function opened(sqlite: Database.Database, row: SecretsRow | undefined): CloudSecrets | null {
  if (!row) return null;
  const box = cloudSecretBox(sqlite);
  return {
    numberId: row.whatsapp_number_id,
    phoneNumberId: row.phone_number_id,
    wabaId: row.waba_id,
    pathKey: row.path_key,
    accessToken: box.open(row.access_token_sealed),
    appSecret: box.open(row.app_secret_sealed),
    verifyToken: box.open(row.verify_token_sealed),
    removed: row.removed_at !== null,
  };
}

/** The number a callback path belongs to (`/webhook/cloud/<key>`), with its secrets; null if none. */
export function cloudSecretsByPathKey(sqlite: Database.Database, pathKey: string): CloudSecrets | null {
  return opened(sqlite, statement<[string], SecretsRow>(sqlite, `select ${columns} where c.path_key = ?`).get(pathKey));
}

/** The number Meta names in `metadata.phone_number_id`, with its secrets; null if none. */
export function cloudNumberByPhoneNumberId(sqlite: Database.Database, phoneNumberId: string): CloudSecrets | null {
  return opened(sqlite, statement<[string], SecretsRow>(sqlite, `select ${columns} where c.phone_number_id = ?`).get(phoneNumberId));
}

/** Whether the number runs on the Cloud API (`whatsapp_numbers.provider`). */
export function isCloudNumber(sqlite: Database.Database, numberId: number): boolean {
  return statement<[number], { provider: string }>(sqlite, 'select provider from whatsapp_numbers where id = ?').get(numberId)?.provider === 'cloud';
}

/** The number's secrets by our number id. */
export function cloudSecretsOf(sqlite: Database.Database, numberId: number): CloudSecrets | null {
  return opened(sqlite, statement<[number], SecretsRow>(sqlite, `select ${columns} where c.whatsapp_number_id = ?`).get(numberId));
}

/** Every Cloud number's secrets (the receiver's seed-003 paths try each app secret in turn). */
export function allCloudSecrets(sqlite: Database.Database): CloudSecrets[] {
  return statement<[], SecretsRow>(sqlite, `select ${columns} where n.removed_at is null order by c.whatsapp_number_id`)
    .all()
    .map((row) => opened(sqlite, row)!);
}

/** The receiver notes each genuine (signed) webhook, for "last webhook received" and the banner. */
export function markCloudWebhookReceived(sqlite: Database.Database, numberId: number, at: number): void {
  statement<[number, number], unknown>(sqlite, 'update cloud_numbers set last_webhook_at = max(coalesce(last_webhook_at, 0), ?) where whatsapp_number_id = ?').run(at, numberId);
}

/** The Graph API's base URL and version (the `cloud.graph` setting), Meta's unless set. */
export function readGraphSettings(sqlite: Database.Database): GraphSettings {
  const row = statement<[string], { value: string }>(sqlite, 'select value from settings where key = ?').get(graphSettingsKey);
  if (!row) return graphSettingsOf(null);
  try {
    const value = JSON.parse(row.value) as Partial<GraphSettings> | null;
    return graphSettingsOf(value && typeof value === 'object' ? value : null);
  } catch {
    return graphSettingsOf(null);
  }
}

export function writeGraphSettings(sqlite: Database.Database, settings: GraphSettings, now: number): void {
  writeSettingJson(sqlite, graphSettingsKey, settings, now);
}

export function writeSettingJson(sqlite: Database.Database, key: string, value: unknown, now: number): void {
  statement<[string, string, number], unknown>(
    sqlite,
    'insert into settings (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), now);
}
