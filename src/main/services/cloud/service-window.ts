import type Database from 'better-sqlite3';
import { serviceWindowMs, type ServiceWindowView } from '../../../shared/cloud/types';
import { toIso, type Clock } from '../../base/clock';
import { statement } from '../../db/statement';
import { fieldError } from '../../rpc/app-error';

/**
 * Meta's customer-service window: on a Cloud number, free text (and files) may reach a customer
 * only within 24 hours of their last message; outside it only an approved template may.
 * Numbers on whatsapp-web.js have no such rule.
 */
export function serviceWindow(sqlite: Database.Database, clock: Clock, conversationId: number): ServiceWindowView {
  const conversation = statement<[number], { provider: string }>(
    sqlite,
    'select n.provider from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?',
  ).get(conversationId);
  const cloud = conversation?.provider === 'cloud';
  if (!cloud) return { conversationId, cloud: false, open: true, lastCustomerMessageAt: null, closesAt: null };
  // The thread's index read backwards, to the newest customer message.
  const last =
    statement<[number], { created_at: number }>(
      sqlite,
      "select created_at from messages where conversation_id = ? and sender = 'customer' order by created_at desc limit 1",
    ).get(conversationId)?.created_at ?? null;
  const closesAt = last === null ? null : last + serviceWindowMs;
  return { conversationId, cloud: true, open: closesAt !== null && clock.now() < closesAt, lastCustomerMessageAt: toIso(last), closesAt: toIso(closesAt) };
}

/** Refuses free text outside the window (before anything is written): the composer offers templates instead. */
export function requireOpenWindow(sqlite: Database.Database, clock: Clock, conversationId: number): void {
  const window = serviceWindow(sqlite, clock, conversationId);
  if (window.cloud && !window.open) {
    throw fieldError('content', 'window_closed', 'More than 24 hours since the customer last wrote: only an approved template can be sent on a Cloud API number');
  }
}
