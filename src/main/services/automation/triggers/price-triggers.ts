import type Database from 'better-sqlite3';
import type { Clock } from '../../../base/clock';
import type { JobRow, JobStore } from '../job-store';
import type { ActiveRules } from './active-rules';
import { cursorKeys, type Cursors } from './cursors';
import { pendingDueFloorSql } from '../jobs/pending-floor';

const batchSize = 200;

interface PriceRow {
  id: number;
  property_id: number;
  old_price: number | null;
  new_price: number | null;
  changed_at: number;
}

interface Interested {
  rule_id: number;
  rule_name: string;
  delay_minutes: number;
  contact_id: number;
  conversation_id: number;
  whatsapp_number_id: number;
}

/**
 * `price_change`: a cursor over the price history (written in the change's transaction). The
 * contacts interested in the property (not `not_interested`) get one job per rule and contact;
 * a further change while it waits only updates its price, so changes within the delay collapse
 * into one message with the latest price.
 */
export class PriceTriggers {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; store: JobStore; rules: ActiveRules; cursors: Cursors }) {
    const { sqlite } = deps;
    this.q = {
      maxId: sqlite.prepare<[], { id: number | null }>('select max(id) as id from property_price_history'),
      after: sqlite.prepare<[number, number], PriceRow>(
        'select id, property_id, old_price, new_price, changed_at from property_price_history where id > ? order by id limit ?',
      ),
      // Per contact, the newest interested conversation on a number the rule covers.
      interested: sqlite.prepare<[number], Interested>(
        `select r.id as rule_id, r.name as rule_name, r.delay_minutes, c.contact_id, max(c.id) as conversation_id, c.whatsapp_number_id
         from conversation_property_interests i
         join conversations c on c.id = i.conversation_id and c.is_archived = 0
         join whatsapp_numbers n on n.id = c.whatsapp_number_id and n.removed_at is null
         join contacts ct on ct.id = c.contact_id and ct.automation_opted_out_at is null
         join automation_rules r on r.is_active = 1 and r.trigger = 'price_change' and (r.whatsapp_number_id is null or r.whatsapp_number_id = c.whatsapp_number_id)
         where i.property_id = ? and i.status <> 'not_interested'
         group by r.id, c.contact_id`,
      ),
      waiting: sqlite.prepare<[number, number, number], JobRow>(
        `select * from automation_jobs where status = 'pending' and rule_id = ? and due_at >= ${pendingDueFloorSql} and property_id = ? and contact_id = ? and trigger = 'price_change' order by id desc limit 1`,
      ),
    };
  }

  drain(): number {
    let seen = 0;
    for (;;) {
      const done = this.deps.sqlite.transaction(() => {
        const now = this.deps.clock.now();
        const from = this.deps.cursors.get(cursorKeys.prices, () => this.q.maxId.get()?.id ?? 0, now);
        const batch = this.q.after.all(from, batchSize);
        if (batch.length === 0) return 0;
        if (this.deps.rules.any(['price_change'])) for (const row of batch) this.apply(row);
        this.deps.cursors.set(cursorKeys.prices, batch[batch.length - 1]!.id, now);
        return batch.length;
      })();
      seen += done;
      if (done < batchSize) return seen;
    }
  }

  private apply(row: PriceRow): void {
    for (const hit of this.q.interested.all(row.property_id)) {
      const waiting = this.q.waiting.get(hit.rule_id, row.property_id, hit.contact_id);
      if (waiting) {
        const before = waiting.context ? (JSON.parse(waiting.context) as Record<string, unknown>) : {};
        this.deps.store.setContext(waiting.id, { ...before, price: row.new_price, changes: Number(before.changes ?? 1) + 1 });
        continue;
      }
      this.deps.store.arm({
        ruleId: hit.rule_id,
        ruleName: hit.rule_name,
        trigger: 'price_change',
        whatsappNumberId: hit.whatsapp_number_id,
        conversationId: hit.conversation_id,
        contactId: hit.contact_id,
        propertyId: row.property_id,
        // The change that opened the window names it: a later window is a new job.
        key: `${hit.rule_id}:price_change:p${row.property_id}:ct${hit.contact_id}:h${row.id}`,
        dueAt: row.changed_at + hit.delay_minutes * 60_000,
        context: { oldPrice: row.old_price, price: row.new_price, changes: 1 },
      });
    }
  }
}
