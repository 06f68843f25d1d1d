import { useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import { isOpenOffer, type OfferView } from '../../../../shared/offers/types';
import { call, toApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { CounterOfferDialog } from './CounterOfferDialog';
import { actionErrorText, money } from './offer-format';
import { UndoAcceptanceDialog } from './UndoAcceptanceDialog';

type Answer = 'accept' | 'reject' | 'withdraw';
const answers: Record<Answer, { title: MessageKey; message: MessageKey; label: MessageKey; channel: 'offers.accept' | 'offers.reject' | 'offers.withdraw'; danger: boolean }> = {
  accept: { title: 'offers.acceptTitle', message: 'offers.acceptMessage', label: 'offers.accept', channel: 'offers.accept', danger: false },
  reject: { title: 'offers.rejectTitle', message: 'offers.rejectMessage', label: 'offers.reject', channel: 'offers.reject', danger: true },
  withdraw: { title: 'offers.withdrawTitle', message: 'offers.withdrawMessage', label: 'offers.withdraw', channel: 'offers.withdraw', danger: true },
};

/** An open offer's answers (accept, counter, reject, withdraw), and for managers taking an acceptance back; each asks first. */
export function OfferActions({ offer, canUndo }: { offer: OfferView; canUndo: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [open, setOpen] = useState<Answer | 'counter' | 'undo' | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const close = () => {
    setOpen(null);
    setError(null);
  };
  const customer = isolate(offer.customerName ?? offer.customerPhone ?? '');
  const property = isolate(offer.propertyName);

  async function answer(kind: Answer) {
    setPending(true);
    try {
      await call(answers[kind].channel, { id: offer.id });
      close();
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setPending(false);
    }
  }

  const button = (kind: Answer | 'counter' | 'undo', label: MessageKey, tone: string) => (
    <button type="button" className={`button button-small ${tone}`} onClick={() => setOpen(kind)} data-testid={`offer-${kind}-${offer.id}`}>
      {t(label)}
    </button>
  );

  const live = isOpenOffer(offer.status);
  if (!live && !(offer.status === 'accepted' && canUndo)) return null;
  const confirming = open === 'accept' || open === 'reject' || open === 'withdraw' ? answers[open] : null;
  return (
    <span className="offer-actions">
      {live ? (
        <>
          {button('accept', 'offers.accept', 'button-primary')}
          {button('counter', 'offers.counter', 'button-secondary')}
          {button('reject', 'offers.reject', 'button-danger-ghost')}
          {button('withdraw', 'offers.withdraw', 'button-ghost')}
        </>
      ) : (
        button('undo', 'offers.undo', 'button-secondary')
      )}
      {confirming && open !== 'counter' && open !== 'undo' && open ? (
        <ConfirmDialog
          title={t(confirming.title)}
          message={t(confirming.message, { customer, property, amount: money(offer.amount, language) })}
          confirmLabel={t(confirming.label)}
          danger={confirming.danger}
          pending={pending}
          error={error ? actionErrorText(t, error) : undefined}
          onConfirm={() => void answer(open)}
          onCancel={close}
        />
      ) : null}
      {open === 'counter' ? <CounterOfferDialog offer={offer} onClose={close} /> : null}
      {open === 'undo' ? <UndoAcceptanceDialog offer={offer} onClose={close} /> : null}
    </span>
  );
}
