import type { ViewingStatus, ViewingView } from '../../../../shared/viewings/types';
import type { BadgeTone } from '../../components/Badge';
import type { Language } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';
import { formatOfficeDate, officeClock, type DateDisplay } from './calendar-dates';

export const statusTone: Record<ViewingStatus, BadgeTone> = { tentative: 'amber', confirmed: 'blue', done: 'green', no_show: 'red', cancelled: 'gray' };

export const statusLabel = (t: Translate, status: ViewingStatus): string => t(`viewingStatus.${status}`);

/** «Thursday 26 November 2026 · 16 Jumada II 1448 AH, 10:00–11:00», in the office's zone. */
export function viewingWhen(t: Translate, language: Language, viewing: ViewingView, timeZone: string, display?: DateDisplay): string {
  return t('viewings.when', {
    date: formatOfficeDate(viewing.officeDate, language, display).text,
    start: officeClock(viewing.start, timeZone),
    end: officeClock(viewing.end, timeZone),
  });
}
