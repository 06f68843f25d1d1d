import type Database from 'better-sqlite3';
import type { DemoKind } from '../../../shared/demo/contract';
import { errorReasons } from '../../../shared/errors';
import { AppError } from '../../rpc/app-error';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';

/** What demo mode's simulated phones can be asked to do; absent outside demo mode. */
export interface DemoHooks {
  /** The simulated phone scans the QR on screen. */
  scan(numberId: number): boolean;
  /** The customer of `chatId` sends a kind of message; false when the number is not ready or there is nothing to act on. */
  customerSends(numberId: number, chatId: string, kind: DemoKind): boolean;
}

/** Demo mode's "the customer sends…": every WhatsApp message kind, on demand, through the real transport. */
export class DemoService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly access: NumberAccess,
    private readonly demo: DemoHooks | null,
  ) {}

  customerSends(caller: Caller, conversationId: number, kind: DemoKind): { ok: true } {
    if (!this.demo) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoOnly);
    const numberId = this.access.requireConversation(caller, conversationId);
    const chat = this.sqlite.prepare<[number], { wa_chat_id: string | null }>('select wa_chat_id from conversations where id = ?').get(conversationId);
    if (!chat?.wa_chat_id || !this.demo.customerSends(numberId, chat.wa_chat_id, kind)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.demoNothingToAct);
    return { ok: true };
  }
}
