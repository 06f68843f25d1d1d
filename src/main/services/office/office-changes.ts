import type { OfficeSettings } from '../../../shared/office/types';

/** One setting as it was and as it is now, for the activity log. */
export interface OfficeChange {
  /** The section and field, e.g. `hours.shifts`, `display.digits`. */
  field: string;
  from: unknown;
  to: unknown;
}

/** Every field that differs between two versions of the settings, section by section, in a stable order. */
export function officeChanges(before: OfficeSettings, after: OfficeSettings): OfficeChange[] {
  const changes: OfficeChange[] = [];
  for (const section of ['profile', 'hours', 'display'] as const) {
    const was = before[section] as unknown as Record<string, unknown>;
    const now = after[section] as unknown as Record<string, unknown>;
    for (const key of Object.keys(now)) {
      if (JSON.stringify(was[key]) !== JSON.stringify(now[key])) changes.push({ field: `${section}.${key}`, from: was[key], to: now[key] });
    }
  }
  return changes;
}
