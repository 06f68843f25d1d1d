import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a receiver checks (README "CRM webhooks"): `X-Meras-Signature: sha256=<hex>` where hex is
 * HMAC-SHA256 of "<X-Meras-Timestamp>.<raw body>" keyed with the endpoint's secret. The timestamp
 * is inside what is signed so an old POST replayed later can be refused by its age.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's side of the recipe, kept here so the tests verify exactly what the README shows. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
