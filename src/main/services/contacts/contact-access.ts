import type Database from 'better-sqlite3';
import { errorReasons } from '../../../shared/errors';
import type { Audience } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { Caller } from '../auth/auth-service';

/** A WHERE term over `contacts c` and its named parameters, in two equivalent forms. */
export interface ContactScope {
  /** Checked row by row as a page walks the list's own index in order (name, id). */
  where: string;
  /** The caller's contact ids read from the conversations' number index: for counts and totals, which read every match. */
  whereSet: string;
  params: { scopeNumbers: string; scopeUser: number };
}

/**
 * Which customers a caller may see (issue 13): admins and supervisors every one; an agent
 * those with a conversation on a number they work, and those they added themselves until a
 * conversation exists (from then on the numbers decide, as for everyone else).
 *
 * Both forms are answered from indexes (see contact-scope-plan.test.ts). Row by row: a seek in
 * `conversations_contact_number_unique` (contact, number) for each contact the page's index
 * walks. As a set: the numbers' contacts off `conversations_number_contact`, and the caller's own
 * off `contacts_created_by`, each then found by rowid.
 */
const scopeSql = `(exists (select 1 from conversations v where v.contact_id = c.id and v.whatsapp_number_id in (select value from json_each(@scopeNumbers)))
  or (c.created_by = @scopeUser and not exists (select 1 from conversations v where v.contact_id = c.id)))`;
const scopeSetSql = `c.id in (select v.contact_id from conversations v where v.whatsapp_number_id in (select value from json_each(@scopeNumbers))
  union all select o.id from contacts o where o.created_by = @scopeUser and not exists (select 1 from conversations v where v.contact_id = o.id))`;

export class ContactAccess {
  private readonly q;

  constructor(
    sqlite: Database.Database,
    private readonly allowedNumbers: (caller: Caller) => number[] | null,
  ) {
    this.q = {
      visible: sqlite.prepare<{ id: number } & ContactScope['params'], { one: number }>(`select 1 as one from contacts c where c.id = @id and ${scopeSql}`),
      audience: sqlite.prepare<{ id: number }, { id: number }>(
        `select id from users where is_active = 1 and (role in ('admin', 'supervisor')
           or id in (select n.employee_id from conversations v join whatsapp_numbers n on n.id = v.whatsapp_number_id where v.contact_id = @id)
           or id in (select a.user_id from conversations v join number_agents a on a.whatsapp_number_id = v.whatsapp_number_id where v.contact_id = @id)
           or id in (select created_by from contacts c where c.id = @id and not exists (select 1 from conversations v where v.contact_id = c.id)))`,
      ),
    };
  }

  /** The term that keeps a query over `contacts c` to what the caller may see; null when they see every contact. */
  scope(caller: Caller): ContactScope | null {
    const numbers = this.allowedNumbers(caller);
    if (numbers === null) return null;
    return { where: scopeSql, whereSet: scopeSetSql, params: { scopeNumbers: JSON.stringify(numbers), scopeUser: caller.user.id } };
  }

  /** Refuses a contact the caller may not see (the contact is known to exist). */
  require(caller: Caller, contactId: number): void {
    const scope = this.scope(caller);
    if (scope && !this.q.visible.get({ id: contactId, ...scope.params })) {
      throw new AppError('FORBIDDEN', errorReasons.contactNotAllowed, undefined, 'User does not have access to this contact');
    }
  }

  /** The users who may see the contact, for its events. */
  audience(contactId: number): Audience {
    return { kind: 'users', userIds: this.q.audience.all({ id: contactId }).map((r) => r.id) };
  }
}
