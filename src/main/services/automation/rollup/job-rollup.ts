import type Database from 'better-sqlite3';
import { officeDayFunctionName } from '../../../db/office-day-function';

/** One rollup row: the jobs of an office day, rule (0: deleted), number and trigger that ended in each status. */
export interface RollupRow {
  day: string;
  ruleId: number;
  whatsappNumberId: number;
  trigger: string;
  sent: number;
  failed: number;
  skipped: number;
  cancelled: number;
  expired: number;
}

const columns = `day, rule_id as ruleId, whatsapp_number_id as whatsappNumberId, trigger, sent, failed, skipped, cancelled, expired`;
const order = 'order by day, whatsappNumberId, ruleId, trigger';

/** The rollup counted afresh from the jobs, with the office's days in `zone`. */
const fromJobsSql = `
  select ${officeDayFunctionName}(finished_at, json_quote(@zone)) as day, coalesce(rule_id, 0) as ruleId, whatsapp_number_id as whatsappNumberId, trigger,
         sum(status = 'sent') as sent, sum(status = 'failed') as failed, sum(status = 'skipped') as skipped,
         sum(status = 'cancelled') as cancelled, sum(status = 'expired') as expired
  from automation_jobs where finished_at is not null and status <> 'pending'
  group by 1, 2, 3, 4`;

/**
 * The stats' per-day totals (migration 0033). The SQLite triggers keep them as jobs end; this
 * counts them again from the jobs when the rollup's days are not the office's (the zone was
 * changed, or the rollup was never counted: the first start after the migration).
 */
export class JobRollup {
  private readonly q;

  constructor(private readonly sqlite: Database.Database) {
    this.q = {
      zone: sqlite.prepare<[], { time_zone: string }>('select time_zone from automation_rollup_state where id = 1'),
      clear: sqlite.prepare('delete from automation_rollup'),
      fill: sqlite.prepare<[{ zone: string }]>(`insert into automation_rollup (day, rule_id, whatsapp_number_id, trigger, sent, failed, skipped, cancelled, expired) ${fromJobsSql}`),
      setZone: sqlite.prepare<[string]>('insert into automation_rollup_state (id, time_zone) values (1, ?) on conflict (id) do update set time_zone = excluded.time_zone'),
      kept: sqlite.prepare<[], RollupRow>(`select ${columns} from automation_rollup where sent + failed + skipped + cancelled + expired > 0 ${order}`),
      counted: sqlite.prepare<[{ zone: string }], RollupRow>(`select * from (${fromJobsSql}) ${order}`),
    };
  }

  /** Rebuilds the rollup unless it is already counted in `zone`; whether it rebuilt. */
  ensure(zone: string): boolean {
    if (this.q.zone.get()?.time_zone === zone) return false;
    this.rebuild(zone);
    return true;
  }

  /** Counts every ended job again into the rollup, in one transaction. */
  rebuild(zone: string): void {
    this.sqlite.transaction(() => {
      this.q.clear.run();
      this.q.fill.run({ zone });
      this.q.setZone.run(zone);
    })();
  }

  /** The rollup as kept (rows whose counts all went back to zero left out). */
  kept(): RollupRow[] {
    return this.q.kept.all();
  }

  /** The rollup as a rebuild in `zone` would write it. */
  fromJobs(zone: string): RollupRow[] {
    return this.q.counted.all({ zone });
  }
}
