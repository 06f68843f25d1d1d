import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { desktopSettingsInput } from '../../../shared/desktop/schemas';
import type { DesktopSettings } from '../../../shared/desktop/types';
import type { Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { desktopKeys, readDesktopSettings, writeDesktopSetting } from './desktop-settings-store';

/**
 * Settings → Desktop app. An admin changes it; each change is in the activity log as it was and
 * as it became, and `desktop.changed` tells the desktop shell (start at login) and admins' pages.
 */
export class DesktopService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  settings(): DesktopSettings {
    return readDesktopSettings(this.sqlite);
  }

  update(caller: Caller, input: z.output<typeof desktopSettingsInput>): DesktopSettings {
    const before = this.settings();
    const fields = ['startAtLogin', 'updateUrl', 'whatsappBrowser'] as const;
    const changes = fields.filter((field) => before[field] !== input[field]).map((field) => ({ field: `desktop.${field}`, from: before[field], to: input[field] }));
    if (changes.length === 0) return before;
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      for (const field of fields) if (before[field] !== input[field]) writeDesktopSetting(this.sqlite, desktopKeys[field], input[field], now);
      this.activity.record({ userId: caller.user.id, action: 'desktop.updated', entityType: 'desktop', details: { changes } });
    })();
    const saved = this.settings();
    const admins = this.sqlite.prepare<[], { id: number }>("select id from users where role = 'admin' and is_active = 1").all().map((r) => r.id);
    this.bus.publish('desktop.changed', saved, { kind: 'users', userIds: admins });
    return saved;
  }
}
