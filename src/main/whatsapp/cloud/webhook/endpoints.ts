/** A Cloud number as its webhook sees it: who it is and the secrets that sign and verify its calls. */
export interface CloudEndpoint {
  numberId: number;
  /** Null: the number has none yet and receives nothing (fail closed). */
  appSecret: string | null;
  verifyToken: string | null;
}

/** Where the receiver finds the Cloud numbers' secrets (sealed at rest by the Cloud numbers' store). */
export interface CloudEndpoints {
  /** The number behind a per-number callback path (`/api/v1/whatsapp/webhook/cloud/<pathKey>`), or null. */
  byPathKey(pathKey: string): CloudEndpoint | null;
  /** Every Cloud number: seed 003's shared paths try each one's secret. */
  all(): CloudEndpoint[];
  /** Our number for Meta's phone-number id, or null when it is not one of ours. */
  byPhoneNumberId(phoneNumberId: string): CloudEndpoint | null;
}
