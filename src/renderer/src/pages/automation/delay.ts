import type { AutomationTrigger } from '../../../../shared/automation/types';
import type { PluralBase } from '../../i18n/plural';
import type { Translate } from '../../i18n/translate';

/** The form's delay units, in minutes. */
export const delayUnits = { minutes: 1, hours: 60, days: 24 * 60 } as const;
export type DelayUnit = keyof typeof delayUnits;
export type DelayDirection = 'before' | 'after';

export interface DelayParts {
  amount: number;
  unit: DelayUnit;
  /** Only reminders run before their moment (a negative delay). */
  direction: DelayDirection;
}

/** Minutes as the largest unit that divides them: 1440 → 1 day, 90 → 90 minutes, −60 → 1 hour before. */
export function splitDelay(minutes: number): DelayParts {
  const direction: DelayDirection = minutes < 0 ? 'before' : 'after';
  const size = Math.abs(minutes);
  const unit: DelayUnit = size > 0 && size % delayUnits.days === 0 ? 'days' : size > 0 && size % delayUnits.hours === 0 ? 'hours' : 'minutes';
  return { amount: size / delayUnits[unit], unit, direction };
}

/** The other way; `before` counts only on reminders, whose negative delay means "before the viewing". */
export function joinDelay(parts: DelayParts, trigger: AutomationTrigger): number {
  const size = parts.amount * delayUnits[parts.unit];
  return trigger === 'appointment_reminder' && parts.direction === 'before' ? -size : size;
}

const unitPlural: Record<DelayUnit, PluralBase> = { minutes: 'automation.minutes', hours: 'automation.hours', days: 'automation.days' };

/** "after 1 minute", "1 day before the viewing", "at once", in the current language's plural forms. */
export function delayText(t: Translate, plural: (base: PluralBase, count: number) => string, trigger: AutomationTrigger, minutes: number): string {
  const reminder = trigger === 'appointment_reminder';
  if (minutes === 0) return t(reminder ? 'automation.delay.atViewing' : 'automation.delay.now');
  const parts = splitDelay(minutes);
  const amount = plural(unitPlural[parts.unit], parts.amount);
  if (!reminder) return t('automation.delay.after', { amount });
  return t(parts.direction === 'before' ? 'automation.delay.beforeViewing' : 'automation.delay.afterViewing', { amount });
}
