import { useCallback, useState } from 'react';
import type { ViewingView } from '../../../../shared/viewings/types';
import { call, toApiError } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { formatOfficeDate } from './calendar-dates';

export interface PendingMove {
  id: number;
  date: string;
  time: string;
}

export type MoveNotice = { tone: 'success' | 'error'; text: string } | null;

/**
 * Moves a viewing (a drop or Shift+arrow) with the booking's checks. The viewing shows at its new
 * place while the core decides; a refusal puts it back and says why.
 */
export function useMoveViewing(onMoved: () => void) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [notice, setNotice] = useState<MoveNotice>(null);
  const move = useCallback(
    async (viewing: ViewingView, date: string, time: string) => {
      if (date === viewing.officeDate && time === viewing.officeTime) return;
      setPending({ id: viewing.id, date, time });
      setNotice(null);
      try {
        await call('viewings.reschedule', { id: viewing.id, date, time });
        setNotice({ tone: 'success', text: t('viewings.moved', { date: formatOfficeDate(date, language, undefined, 'medium').text, time }) });
        onMoved();
      } catch (thrown) {
        const described = describeError(t, toApiError(thrown));
        const reason = Object.values(described.fields).join(' ') || described.formMessage || '';
        setNotice({ tone: 'error', text: t('viewings.moveRefused', { reason }) });
      } finally {
        setPending(null);
      }
    },
    [onMoved, t, language],
  );
  return { pending, notice, move, clearNotice: () => setNotice(null) };
}

/** Where a viewing shows now: its pending place while a move is under way. */
export function placeOf(viewing: ViewingView, pending: PendingMove | null): ViewingView {
  return pending && pending.id === viewing.id ? { ...viewing, officeDate: pending.date, officeTime: pending.time } : viewing;
}
