import type Database from 'better-sqlite3';
import type { PriceChange } from '../../../shared/properties/types';
import { toIso } from '../../base/clock';

interface Row {
  id: number;
  old_price: number | null;
  new_price: number | null;
  changed_by: number | null;
  user_name: string | null;
  changed_at: number;
}

/** A property's price changes (old, new, who, when), written by the update that makes them. */
export class PriceHistory {
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      insert: sqlite.prepare<[number, number | null, number | null, number, number]>(
        'insert into property_price_history (property_id, old_price, new_price, changed_by, changed_at) values (?, ?, ?, ?, ?)',
      ),
      list: sqlite.prepare<[number], Row>(
        `select h.id, h.old_price, h.new_price, h.changed_by, u.name as user_name, h.changed_at
         from property_price_history h left join users u on u.id = h.changed_by
         where h.property_id = ? order by h.changed_at desc, h.id desc`,
      ),
    };
  }

  /** Called inside the update's transaction, so a price never changes without its line here. */
  record(propertyId: number, oldPrice: number | null, newPrice: number | null, userId: number, at: number): void {
    this.q.insert.run(propertyId, oldPrice, newPrice, userId, at);
  }

  /** Newest first. */
  of(propertyId: number): PriceChange[] {
    return this.q.list.all(propertyId).map((row) => ({
      id: row.id,
      oldPrice: row.old_price,
      newPrice: row.new_price,
      changedBy: row.changed_by === null ? null : { id: row.changed_by, name: row.user_name ?? '' },
      changedAt: toIso(row.changed_at),
    }));
  }
}
