import type Database from 'better-sqlite3';
import { allCloudSecrets, cloudNumberByPhoneNumberId, cloudSecretsByPathKey, type CloudSecrets } from '../cloud-store';
import type { CloudEndpoint, CloudEndpoints } from './endpoints';

/** The Cloud numbers' secrets as the receiver needs them, opened from the store; a removed number is no endpoint. */
export function cloudEndpointsOf(sqlite: Database.Database): CloudEndpoints {
  const endpoint = (secrets: CloudSecrets | null): CloudEndpoint | null =>
    secrets && !secrets.removed ? { numberId: secrets.numberId, appSecret: secrets.appSecret, verifyToken: secrets.verifyToken } : null;
  return {
    byPathKey: (pathKey) => endpoint(cloudSecretsByPathKey(sqlite, pathKey)),
    all: () => allCloudSecrets(sqlite).flatMap((s) => endpoint(s) ?? []),
    byPhoneNumberId: (phoneNumberId) => endpoint(cloudNumberByPhoneNumberId(sqlite, phoneNumberId)),
  };
}
