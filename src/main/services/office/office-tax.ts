import type Database from 'better-sqlite3';
import { defaultOfficeTax, officeTaxSchema, type OfficeTaxSettings } from '../../../shared/office/tax';
import type { Clock } from '../../base/clock';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';

/** Where Settings → Office → VAT lives in the settings table. */
export const officeTaxKey = 'office.tax';

/** Reads the VAT settings; a stored value that no longer validates reads as the default (not registered). */
export function readOfficeTax(sqlite: Database.Database): OfficeTaxSettings {
  const raw = sqlite.prepare<[string], { value: string }>('select value from settings where key = ?').get(officeTaxKey)?.value;
  if (raw === undefined) return defaultOfficeTax;
  try {
    const parsed = officeTaxSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultOfficeTax;
  } catch {
    return defaultOfficeTax;
  }
}

/** Settings → Office → VAT: admins change it (in the activity log with what it was), everyone reads it. */
export class OfficeTaxService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
  ) {}

  read(): OfficeTaxSettings {
    return readOfficeTax(this.sqlite);
  }

  update(caller: Caller, input: OfficeTaxSettings): OfficeTaxSettings {
    const before = this.read();
    if (JSON.stringify(before) === JSON.stringify(input)) return before;
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare('insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at')
        .run(officeTaxKey, JSON.stringify(input), this.clock.now());
      this.activity.record({ userId: caller.user.id, action: 'office.tax_updated', entityType: 'office', details: { from: before, to: input } });
    })();
    return this.read();
  }
}
