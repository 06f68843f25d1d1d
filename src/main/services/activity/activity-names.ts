import type Database from 'better-sqlite3';
import type { ActivityRelated } from '../../../shared/activity/types';

/**
 * The target's name, for every kind of target the core records. A target removed since keeps
 * the name its entry wrote down (numbers, templates and properties record it in `details.name`);
 * for a conversation, a message or an offer the name is its customer's.
 */
export const entityNameSql = `coalesce(
  case a.entity_type
    when 'user' then (select name from users where id = a.entity_id)
    when 'whatsapp_number' then (select name from whatsapp_numbers where id = a.entity_id)
    when 'contact' then (select coalesce(name, phone) from contacts where id = a.entity_id)
    when 'conversation' then (select coalesce(c.name, c.phone) from conversations v join contacts c on c.id = v.contact_id where v.id = a.entity_id)
    when 'message' then (select coalesce(c.name, c.phone) from messages m join conversations v on v.id = m.conversation_id join contacts c on c.id = v.contact_id where m.id = a.entity_id)
    when 'message_template' then (select name from message_templates where id = a.entity_id)
    when 'property' then (select name from properties where id = a.entity_id)
    when 'branch' then (select name from branches where id = a.entity_id)
    when 'offer' then (select coalesce(c.name, c.phone) from offers o join contacts c on c.id = o.contact_id where o.id = a.entity_id)
    when 'promotion' then (select name from promotions where id = a.entity_id)
    when 'automation_rule' then (select name from automation_rules where id = a.entity_id)
  end,
  case when a.entity_type in ('whatsapp_number', 'message_template', 'property', 'branch', 'promotion', 'automation_rule') then json_extract(a.details, '$.name') end
)`;

type Details = Record<string, unknown> | null;

const idOf = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** Names for the ids an entry's details hold, looked up once per page rather than per row. */
export class RelatedNames {
  private readonly users;
  private readonly conversations;

  constructor(sqlite: Database.Database) {
    this.users = sqlite.prepare<[string], { id: number; name: string }>('select id, name from users where id in (select value from json_each(?))');
    this.conversations = sqlite.prepare<[string], { id: number; name: string }>(
      'select v.id, coalesce(c.name, c.phone) as name from conversations v join contacts c on c.id = v.contact_id where v.id in (select value from json_each(?))',
    );
  }

  resolve(entries: readonly { action: string; details: Details }[]): ActivityRelated[] {
    const userIds = new Set<number>();
    const conversationIds = new Set<number>();
    for (const { action, details } of entries) {
      if (!details) continue;
      if (action.startsWith('conversation.')) {
        for (const id of [idOf(details.from), idOf(details.to)]) if (id !== null) userIds.add(id);
      }
      const conversationId = idOf(details.conversationId);
      if (conversationId !== null) conversationIds.add(conversationId);
    }
    const userNames = this.lookup(this.users, userIds);
    const conversationNames = this.lookup(this.conversations, conversationIds);
    return entries.map(({ action, details }) => {
      const related: ActivityRelated = {};
      if (!details) return related;
      if (action === 'conversation.assigned' || action === 'conversation.unassigned' || action === 'conversation.transferred') {
        related.fromUserName = nameFor(userNames, details.from);
        related.toUserName = nameFor(userNames, details.to);
      }
      if (details.conversationId !== undefined) related.conversationName = nameFor(conversationNames, details.conversationId);
      return related;
    });
  }

  private lookup(statement: Database.Statement<[string], { id: number; name: string }>, ids: Set<number>): Map<number, string> {
    if (ids.size === 0) return new Map();
    return new Map(statement.all(JSON.stringify([...ids])).map((row) => [row.id, row.name]));
  }
}

function nameFor(names: Map<number, string>, value: unknown): string | null {
  const id = idOf(value);
  return id === null ? null : (names.get(id) ?? null);
}
