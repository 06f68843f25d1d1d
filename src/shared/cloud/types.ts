/**
 * Issue 19: numbers on the official WhatsApp Business Cloud API (Meta's Graph API). The secrets
 * (access token, app secret) never leave the core: views say only whether each is set.
 */

/** Where the Graph API is (a setting: tests and the demo point it at a local stand-in). */
export const defaultGraphBaseUrl = 'https://graph.facebook.com';
export const defaultGraphVersion = 'v21.0';
export const graphSettingsKey = 'cloud.graph';

/** The per-number webhook path Meta calls: the path key picks the number's app secret before the body is read. */
export const cloudWebhookPrefix = '/api/v1/whatsapp/webhook/cloud';
export function cloudCallbackPath(pathKey: string): string {
  return `${cloudWebhookPrefix}/${pathKey}`;
}

/** Meta's customer-service window: free text only within 24 h of the customer's last message. */
export const serviceWindowMs = 24 * 60 * 60_000;

export interface GraphSettings {
  baseUrl: string;
  version: string;
}

/** A linked Cloud number as an admin sees it: never a secret, only whether it is set. */
export interface CloudNumberView {
  numberId: number;
  name: string;
  phoneNumberId: string;
  wabaId: string;
  /** What Meta says of the number when it was last checked. */
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  hasAccessToken: true;
  hasAppSecret: true;
  /** The path Meta calls for this number (beside the public URL it makes the callback URL). */
  callbackPath: string;
  lastWebhookAt: string | null;
  /** The token was refused (Meta 190): the number is down until a new one is saved. */
  tokenExpiredAt: string | null;
  checkedAt: string | null;
  createdAt: string;
}

/** What the connection screen shows an admin to paste into Meta's dashboard. */
export interface CloudNumberConnection extends CloudNumberView {
  /** The full callback URL once a public URL is known, else null. */
  callbackUrl: string | null;
  /** Meta's "Verify token": the admin pastes it beside the callback URL. */
  verifyToken: string;
}

export const tunnelModes = ['none', 'cloudflared_quick', 'cloudflared_named', 'manual'] as const;
export type TunnelMode = (typeof tunnelModes)[number];

export interface TunnelSettings {
  mode: TunnelMode;
  /** cloudflared's path when it is not on PATH. */
  cloudflaredPath: string | null;
  /** A named tunnel's token (cloudflared's TUNNEL_TOKEN) is a secret: only whether it is set. */
  hasNamedTunnelToken: boolean;
  /** The stable URL of a named tunnel or of port forwarding (manual). */
  publicUrl: string | null;
}

export type TunnelState = 'stopped' | 'starting' | 'running' | 'failed' | 'not_found';

export interface SelfTestResult {
  ok: boolean;
  at: string;
  /** Why it failed, as a code the screen translates. */
  failure: 'no_public_url' | 'unreachable' | 'wrong_answer' | null;
  detail: string | null;
}

export interface CloudConnectionView {
  settings: TunnelSettings;
  graph: GraphSettings;
  tunnel: { state: TunnelState; detail: string | null; startedAt: string | null };
  /** The URL Meta can reach now (the tunnel's, or the configured one). */
  publicUrl: string | null;
  selfTest: SelfTestResult | null;
  numbers: CloudNumberConnection[];
}

/** Why Cloud messages cannot arrive now; null when they can (or there is no Cloud number). */
export type CloudHealthProblem = 'no_public_url' | 'self_test_failed' | 'tunnel_down' | 'token_expired';
export interface CloudHealth {
  hasCloudNumbers: boolean;
  problem: CloudHealthProblem | null;
}

/** The 24-hour customer-service window of one conversation. */
export interface ServiceWindowView {
  conversationId: number;
  /** Only Cloud numbers have a window; a webjs number may always send free text. */
  cloud: boolean;
  open: boolean;
  lastCustomerMessageAt: string | null;
  closesAt: string | null;
}

export const templateButtonKinds = ['url', 'quick_reply', 'copy_code', 'other'] as const;
export type TemplateButtonKind = (typeof templateButtonKinds)[number];

/** How many values a template needs where (Meta's {{1}}…{{n}}). */
export interface TemplateParameters {
  /** TEXT header: its {{n}} count; a media header needs a file (not offered here). */
  headerFormat: 'none' | 'text' | 'image' | 'video' | 'document' | 'location';
  header: number;
  body: number;
  buttons: { index: number; kind: TemplateButtonKind; text: string; parameters: number }[];
}

/** An approved (or pending) template synced from the WABA. */
export interface CloudTemplateView {
  id: number;
  wabaId: string;
  name: string;
  language: string;
  category: string | null;
  status: string;
  headerText: string | null;
  bodyText: string;
  footerText: string | null;
  parameters: TemplateParameters;
  syncedAt: string;
}

export interface TemplateSyncResult {
  wabaId: string;
  count: number;
  syncedAt: string;
}
