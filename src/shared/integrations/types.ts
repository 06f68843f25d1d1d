/** Seed 000's integrations/api-keys: what a key may do. */
export const apiScopes = ['read', 'send', 'manage'] as const;
export type ApiScope = (typeof apiScopes)[number];

/** A key as the list shows it; the secret itself is never shown again after creation. */
export interface ApiKeyView {
  id: number;
  name: string;
  /** The secret's first characters (`mdk_…`), to tell keys apart. */
  prefix: string;
  scopes: ApiScope[];
  /** The numbers it is limited to; null: every number its owner works. */
  numberIds: number[] | null;
  owner: { id: number; name: string };
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** Answered once, at creation: the only time the secret is shown. */
export interface CreatedApiKey {
  key: ApiKeyView;
  secret: string;
}

/** Where the REST API listens. Off until an admin turns it on; this computer only unless `lan`. */
export interface ApiSettings {
  enabled: boolean;
  /** Also reachable from the office network (otherwise only from this computer). */
  lan: boolean;
  /** Browser origins allowed to call it (CORS); empty: none. */
  corsOrigins: string[];
  /** The desktop app's own port for it (the host serves it on the host's port). */
  port: number;
}
