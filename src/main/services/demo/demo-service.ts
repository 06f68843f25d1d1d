import type Database from 'better-sqlite3';
import type { DemoKind } from '../../../shared/demo/contract';
import { errorReasons } from '../../../shared/errors';
import { AppError } from '../../rpc/app-error';
import type { WakingClock } from '../../base/clock';
import { isAdvanceable } from '../../base/offset-clock';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';

/** What demo mode's simulated phones can be asked to do; absent outside demo mode. */
export interface DemoHooks {
  /** The simulated phone scans the QR on screen. */
  scan(numberId: number): boolean;
  /** The customer of `chatId` sends a kind of message, acting on `target` when the kind needs one; false when it cannot. */
  customerSends(numberId: number, chatId: string, kind: DemoKind, target?: { providerId: string; body: string }): boolean;
  /** The customer of `chatId` writes `text`; false when the number is not ready. */
  customerSays(numberId: number, chatId: string, text: string): boolean;
  /** A customer new to the number writes their first message; null when the number is not connected. */
  newCustomerWrites(numberId: number, customer: { language: 'ar' | 'en'; name?: string }): { name: string; phone: string } | null;
}

type Target = { providerId: string; body: string };

/** Demo mode's "the customer sends…": every WhatsApp message kind, on demand, through the real transport. */
export class DemoService {
  private readonly q;

  constructor(
    sqlite: Database.Database,
    private readonly access: NumberAccess,
    private readonly demo: DemoHooks | null,
    private readonly clock?: WakingClock,
  ) {
    const text = "type = 'text' and deleted_at is null and whatsapp_message_id is not null";
    this.q = {
      chat: sqlite.prepare<[number], { wa_chat_id: string | null }>('select wa_chat_id from conversations where id = ?'),
      // What each kind acts on: the customer's first plain text (a reply), their latest unedited one (an edit, a deletion), our latest sent one (a reaction, a reply to us).
      firstTheirs: sqlite.prepare<[number], Target>(`select whatsapp_message_id as providerId, content as body from messages where conversation_id = ? and sender = 'customer' and ${text} and quoted_wa_id is null order by created_at, id limit 1`),
      latestTheirs: sqlite.prepare<[number], Target>(`select whatsapp_message_id as providerId, content as body from messages where conversation_id = ? and sender = 'customer' and ${text} and quoted_wa_id is null and edited_at is null order by created_at desc, id desc limit 1`),
      latestOurs: sqlite.prepare<[number], Target>(`select whatsapp_message_id as providerId, content as body from messages where conversation_id = ? and sender = 'agent' and deleted_at is null and whatsapp_message_id is not null order by created_at desc, id desc limit 1`),
    };
  }

  customerSends(caller: Caller, conversationId: number, kind: DemoKind): { ok: true } {
    // Access first: someone who may not see the conversation learns nothing of it, demo or not.
    const numberId = this.access.requireConversation(caller, conversationId);
    if (!this.demo) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoOnly);
    const chatId = this.q.chat.get(conversationId)?.wa_chat_id;
    const target = this.targetOf(conversationId, kind);
    if (!chatId || !this.demo.customerSends(numberId, chatId, kind, target)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoNothingToAct);
    return { ok: true };
  }

  customerSays(caller: Caller, conversationId: number, text: string): { ok: true } {
    const numberId = this.access.requireConversation(caller, conversationId);
    if (!this.demo) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoOnly);
    const chatId = this.q.chat.get(conversationId)?.wa_chat_id;
    if (!chatId || !this.demo.customerSays(numberId, chatId, text)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoNothingToAct);
    return { ok: true };
  }

  newCustomerWrites(caller: Caller, numberId: number, language: 'ar' | 'en', name?: string): { name: string; phone: string } {
    this.access.requireNumber(caller, numberId);
    if (!this.demo) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoOnly);
    const wrote = this.demo.newCustomerWrites(numberId, { language, ...(name ? { name } : {}) });
    if (!wrote) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoNothingToAct);
    return wrote;
  }

  /** Demo mode only: the app's clock moves forward, and whatever waited for that time runs now. */
  advanceClock(_caller: Caller, minutes: number): { now: string; offsetMinutes: number } {
    const clock = this.clock;
    if (!this.demo || !clock || !isAdvanceable(clock)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoOnly);
    clock.advance(minutes * 60_000);
    return { now: new Date(clock.now()).toISOString(), offsetMinutes: Math.round(clock.offset() / 60_000) };
  }

  private targetOf(conversationId: number, kind: DemoKind): Target | undefined {
    switch (kind) {
      case 'reply':
        return this.q.firstTheirs.get(conversationId);
      case 'edit':
      case 'revoke':
        return this.q.latestTheirs.get(conversationId);
      case 'reaction':
      case 'replyToAgent':
        return this.q.latestOurs.get(conversationId);
      default:
        return undefined;
    }
  }
}
