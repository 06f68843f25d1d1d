import type Database from 'better-sqlite3';
import type { AutomationTrigger } from '../../../../shared/automation/types';

interface ActiveRule {
  id: number;
  trigger: AutomationTrigger;
  whatsappNumberId: number | null;
}

/**
 * Which triggers have an active rule on a number, read once and kept until a rule is saved or
 * deleted (the rules service calls the hooks, which drop it). The message path asks this before
 * any query, so a number without rules costs nothing, however many rules other numbers have.
 */
export class ActiveRules {
  private byNumber: Map<number | null, Set<AutomationTrigger>> | null = null;

  constructor(private readonly sqlite: Database.Database) {}

  invalidate(): void {
    this.byNumber = null;
  }

  /** Whether some active rule for `trigger` covers `numberId` (rules for every number included). */
  has(numberId: number, trigger: AutomationTrigger): boolean {
    const map = this.load();
    return Boolean(map.get(null)?.has(trigger) || map.get(numberId)?.has(trigger));
  }

  /** Whether any active rule has one of these triggers, on any number. */
  any(triggers: readonly AutomationTrigger[]): boolean {
    for (const set of this.load().values()) for (const t of triggers) if (set.has(t)) return true;
    return false;
  }

  private load(): Map<number | null, Set<AutomationTrigger>> {
    if (this.byNumber) return this.byNumber;
    const rows = this.sqlite
      .prepare<[], ActiveRule>('select distinct trigger, whatsapp_number_id as whatsappNumberId, 0 as id from automation_rules where is_active = 1')
      .all();
    const map = new Map<number | null, Set<AutomationTrigger>>();
    for (const row of rows) {
      const set = map.get(row.whatsappNumberId) ?? new Set<AutomationTrigger>();
      set.add(row.trigger);
      map.set(row.whatsappNumberId, set);
    }
    this.byNumber = map;
    return map;
  }
}
