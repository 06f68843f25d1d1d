import type Database from 'better-sqlite3';
import type { AutomationTrigger } from '../../../../shared/automation/types';

/** An active rule as the message path needs it. */
export interface ActiveRule {
  id: number;
  name: string;
  trigger: AutomationTrigger;
  whatsappNumberId: number | null;
  delayMinutes: number;
}

/**
 * Which rules are active, per number and trigger, read once and kept until a rule is saved or
 * deleted (the rules service calls the hooks, and `automation.rules.changed` drops it too). The
 * message path asks this before any query, so a number without rules costs nothing, however
 * many rules other numbers have.
 */
export class ActiveRules {
  private byNumber: Map<number | null, Map<AutomationTrigger, ActiveRule[]>> | null = null;

  constructor(private readonly sqlite: Database.Database) {}

  invalidate(): void {
    this.byNumber = null;
  }

  /** Whether some active rule for `trigger` covers `numberId` (rules for every number included). */
  has(numberId: number, trigger: AutomationTrigger): boolean {
    const map = this.load();
    return Boolean(map.get(null)?.has(trigger) || map.get(numberId)?.has(trigger));
  }

  /** The active rules for `trigger` that cover `numberId` (rules for every number included). */
  covering(numberId: number, trigger: AutomationTrigger): readonly ActiveRule[] {
    const map = this.load();
    return [...(map.get(null)?.get(trigger) ?? []), ...(map.get(numberId)?.get(trigger) ?? [])];
  }

  /** Whether any active rule has one of these triggers, on any number. */
  any(triggers: readonly AutomationTrigger[]): boolean {
    for (const byTrigger of this.load().values()) for (const t of triggers) if (byTrigger.has(t)) return true;
    return false;
  }

  private load(): Map<number | null, Map<AutomationTrigger, ActiveRule[]>> {
    if (this.byNumber) return this.byNumber;
    const rows = this.sqlite
      .prepare<[], ActiveRule>('select id, name, trigger, whatsapp_number_id as whatsappNumberId, delay_minutes as delayMinutes from automation_rules where is_active = 1')
      .all();
    const map = new Map<number | null, Map<AutomationTrigger, ActiveRule[]>>();
    for (const row of rows) {
      const byTrigger = map.get(row.whatsappNumberId) ?? new Map<AutomationTrigger, ActiveRule[]>();
      byTrigger.set(row.trigger, [...(byTrigger.get(row.trigger) ?? []), row]);
      map.set(row.whatsappNumberId, byTrigger);
    }
    this.byNumber = map;
    return map;
  }
}
