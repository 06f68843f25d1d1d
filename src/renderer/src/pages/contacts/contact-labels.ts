import type { ContactField, ImportProblem } from '../../../../shared/contacts/types';
import type { BadgeTone } from '../../components/Badge';
import { formatDay as formatOfficeDay, officeDay } from '../../format/dates';
import type { Language } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

export type FollowUpState = 'today' | 'overdue' | 'upcoming';

/** Where a follow-up day stands against today in the office's calendar (its zone). */
export function followUpState(day: string, now: Date = new Date()): FollowUpState {
  const today = officeDay(now);
  return day === today ? 'today' : day < today ? 'overdue' : 'upcoming';
}

export const followUpTone: Record<FollowUpState, BadgeTone> = { today: 'amber', overdue: 'red', upcoming: 'gray' };

/** A calendar day (YYYY-MM-DD) as the office reads it, the same day in any zone. */
export const formatDay = (day: string, language: Language): string => formatOfficeDay(day, language);

export function followUpLabel(t: Translate, day: string, language: Language, now?: Date): string {
  const state = followUpState(day, now);
  if (state === 'today') return t('contacts.followUpToday');
  if (state === 'overdue') return t('contacts.followUpOverdue');
  return t('contacts.followUpOn', { date: formatDay(day, language) });
}

export const contactFieldLabel = (t: Translate, field: ContactField): string => t(`contactField.${field}`);
export const importProblemText = (t: Translate, problem: ImportProblem): string => t(`importProblem.${problem.code}`);
