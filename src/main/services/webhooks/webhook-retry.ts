/** Seed 000 integrations/crm: how long and how often a failing delivery is tried again. */
export interface WebhookRetryPolicy {
  firstRetryMs: number;
  maxRetryMs: number;
  /**
   * After this long since the event, a delivery still failing is given up (`failed`); if nothing
   * reached its endpoint in that time either, the endpoint is paused.
   */
  giveUpAfterMs: number;
  requestTimeoutMs: number;
}

export const defaultWebhookRetryPolicy: WebhookRetryPolicy = {
  firstRetryMs: 30_000,
  maxRetryMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  requestTimeoutMs: 10_000,
};

/** 30 s, 1 min, 2 min… doubling after each failed attempt, never more than the cap. */
export function nextRetryDelay(policy: WebhookRetryPolicy, attempts: number): number {
  return Math.min(policy.firstRetryMs * 2 ** Math.max(0, attempts - 1), policy.maxRetryMs);
}
