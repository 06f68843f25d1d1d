import type Database from 'better-sqlite3';
import { cloudSecretBox } from '../cloud-store';
import type { CloudEndpoint, CloudEndpoints } from './endpoints';

interface EndpointRow {
  whatsapp_number_id: number;
  app_secret_sealed: string;
  verify_token_sealed: string;
}

const columns = `c.whatsapp_number_id, c.app_secret_sealed, c.verify_token_sealed
  from cloud_numbers c join whatsapp_numbers n on n.id = c.whatsapp_number_id where n.removed_at is null`;

/** Opened secrets kept at most: a few per Cloud number (a changed secret is a new sealed text). */
const openedCap = 256;

/**
 * The Cloud numbers' secrets as the receiver needs them, read from the Cloud numbers' table at
 * every request (a changed or removed number applies at once) but opened only once per sealed
 * text: AES-GCM per request cost the receiver a fifth of its time. A removed number is no endpoint.
 */
export function cloudEndpointsOf(sqlite: Database.Database): CloudEndpoints {
  const q = {
    byPathKey: sqlite.prepare<[string], EndpointRow>(`select ${columns} and c.path_key = ?`),
    byPhoneNumberId: sqlite.prepare<[string], EndpointRow>(`select ${columns} and c.phone_number_id = ?`),
    all: sqlite.prepare<[], EndpointRow>(`select ${columns} order by c.whatsapp_number_id`),
  };
  const opened = new Map<string, string | null>();
  const open = (sealed: string): string | null => {
    if (opened.has(sealed)) return opened.get(sealed)!;
    const plain = cloudSecretBox(sqlite).open(sealed);
    if (opened.size >= openedCap) opened.delete(opened.keys().next().value!);
    opened.set(sealed, plain);
    return plain;
  };
  const endpoint = (row: EndpointRow | undefined): CloudEndpoint | null =>
    row ? { numberId: row.whatsapp_number_id, appSecret: open(row.app_secret_sealed), verifyToken: open(row.verify_token_sealed) } : null;
  return {
    byPathKey: (pathKey) => endpoint(q.byPathKey.get(pathKey)),
    all: () => q.all.all().map((row) => endpoint(row)!),
    byPhoneNumberId: (phoneNumberId) => endpoint(q.byPhoneNumberId.get(phoneNumberId)),
  };
}
