import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ApiSettings } from '../../../shared/integrations/types';
import type { updateApiSettingsInput } from '../../../shared/integrations/schemas';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';

const settingKey = 'api.settings';
/** Off until an admin turns it on, this computer only, no browser origins. */
export const defaultApiSettings: ApiSettings = { enabled: false, lan: false, corsOrigins: [], port: 5175 };

/** Where the REST API listens, kept in the settings table and read on every request (cheap: one row). */
export class ApiSettingsStore {
  private readonly q;
  private cached: ApiSettings | undefined;
  private readonly listeners = new Set<(settings: ApiSettings) => void>();

  constructor(
    sqlite: Database.Database,
    private readonly activity: ActivityLog,
  ) {
    this.q = {
      read: sqlite.prepare<[string], { value: string }>('select value from settings where key = ?'),
      write: sqlite.prepare<[string, string]>(
        `insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value, updated_at = cast(unixepoch('subsec') * 1000 as integer)`,
      ),
    };
  }

  get(): ApiSettings {
    if (this.cached) return this.cached;
    const row = this.q.read.get(settingKey);
    let stored: Partial<ApiSettings> = {};
    try {
      stored = row ? (JSON.parse(row.value) as Partial<ApiSettings>) : {};
    } catch {
      stored = {};
    }
    this.cached = {
      enabled: stored.enabled === true,
      lan: stored.lan === true,
      corsOrigins: Array.isArray(stored.corsOrigins) ? stored.corsOrigins.filter((o): o is string => typeof o === 'string') : [],
      port: typeof stored.port === 'number' && Number.isInteger(stored.port) ? stored.port : defaultApiSettings.port,
    };
    return this.cached;
  }

  /** Called after each change (the desktop's listener moves or stops). */
  onChange(listener: (settings: ApiSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(admin: Caller, input: z.output<typeof updateApiSettingsInput>): ApiSettings {
    const next: ApiSettings = { ...this.get(), ...input };
    this.q.write.run(settingKey, JSON.stringify(next));
    this.cached = next;
    for (const listener of this.listeners) listener(next);
    this.activity.record({ userId: admin.user.id, action: 'api.settings_changed', entityType: 'settings', details: { enabled: next.enabled, lan: next.lan, corsOrigins: next.corsOrigins.length } });
    return next;
  }
}
