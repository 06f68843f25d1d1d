import type Database from 'better-sqlite3';
import { errorReasons } from '../../../shared/errors';
import type { Audience } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { Caller } from '../auth/auth-service';

/** Seed 003's wording for an agent reaching a number that is not theirs. */
export const noNumberAccess = 'User does not have access to this WhatsApp number';

/**
 * Who may work which WhatsApp number: admins and supervisors every one; an agent the numbers
 * they own (employee) or were given (number_agents).
 */
export class NumberAccess {
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      agentNumbers: sqlite.prepare<[number, number], { id: number }>(
        `select id from whatsapp_numbers where employee_id = ?
         union select whatsapp_number_id as id from number_agents where user_id = ?`,
      ),
      activeUser: sqlite.prepare<[number], { id: number; role: string }>('select id, role from users where id = ? and is_active = 1'),
      conversationNumber: sqlite.prepare<[number], { number_id: number }>('select whatsapp_number_id as number_id from conversations where id = ?'),
      messageNumber: sqlite.prepare<[number], { number_id: number; conversation_id: number }>(
        'select whatsapp_number_id as number_id, conversation_id from messages where id = ?',
      ),
      audience: sqlite.prepare<[number, number], { id: number }>(
        `select id from users where is_active = 1 and (role in ('admin', 'supervisor')
           or id in (select employee_id from whatsapp_numbers where id = ?)
           or id in (select user_id from number_agents where whatsapp_number_id = ?))`,
      ),
    };
  }

  /** The numbers the caller may see; null for all of them. */
  allowedNumbers(caller: Caller): number[] | null {
    const limit = caller.numberLimit;
    if (caller.user.role !== 'agent') return limit ? [...limit] : null;
    const own = this.q.agentNumbers.all(caller.user.id, caller.user.id).map((r) => r.id);
    return limit ? own.filter((id) => limit.includes(id)) : own;
  }

  mayUse(userId: number, role: string, numberId: number): boolean {
    if (role !== 'agent') return true;
    return this.q.agentNumbers.all(userId, userId).some((r) => r.id === numberId);
  }

  /** Whether this active user may work the number. */
  mayUseById(userId: number, numberId: number): boolean {
    const user = this.q.activeUser.get(userId);
    return user !== undefined && this.mayUse(user.id, user.role, numberId);
  }

  requireNumber(caller: Caller, numberId: number): void {
    if (!this.mayUse(caller.user.id, caller.user.role, numberId) || (caller.numberLimit && !caller.numberLimit.includes(numberId))) throw new AppError('FORBIDDEN', errorReasons.numberNotAllowed, undefined, noNumberAccess);
  }

  /** The conversation's number, once the caller may work it. */
  requireConversation(caller: Caller, conversationId: number): number {
    const row = this.q.conversationNumber.get(conversationId);
    if (!row) throw new AppError('NOT_FOUND');
    this.requireNumber(caller, row.number_id);
    return row.number_id;
  }

  requireMessage(caller: Caller, messageId: number): void {
    const row = this.q.messageNumber.get(messageId);
    if (!row) throw new AppError('NOT_FOUND');
    this.requireNumber(caller, row.number_id);
  }

  /** The open windows that may hear about this number's conversations. */
  audience(numberId: number): Audience {
    return { kind: 'users', userIds: this.q.audience.all(numberId, numberId).map((r) => r.id) };
  }
}
