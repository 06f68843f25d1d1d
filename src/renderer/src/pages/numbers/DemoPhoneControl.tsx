import { useState } from 'react';
import type { NumberView } from '../../../../shared/numbers/types';
import { demoPhoneEvents, type DemoPhoneEvent } from '../../../../shared/numbers/schemas';
import { call } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';

const noFields: readonly string[] = [];

/**
 * Demo mode, admins: make the simulated WhatsApp do what the real one does now and then (sync,
 * lose its servers, ban, log out…), to show how the number's card answers.
 */
export function DemoPhoneControl({ number }: { number: NumberView }) {
  const t = useT();
  const [event, setEvent] = useState<DemoPhoneEvent | ''>('');
  const submit = useSubmit(noFields);
  const newcomer = useSubmit(noFields);
  const [wrote, setWrote] = useState<{ name: string; phone: string } | null>(null);
  const options: { value: DemoPhoneEvent | ''; label: string }[] = [
    { value: '', label: t('demoPhone.choose') },
    ...demoPhoneEvents.map((name) => ({ value: name, label: t(`demoPhone.${name}`) })),
  ];
  return (
    <div className="demo-phone">
      <div className="demo-phone-row">
        <SelectField name="demoEvent" label={t('demoPhone.label')} value={event} options={options} onChange={(value) => setEvent(value)} error={submit.shown.formMessage} testId={`demo-event-${number.name}`} />
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={event === '' || submit.pending}
          onClick={() => event !== '' && void submit.run(() => call('numbers.demoEvent', { id: number.id, event }))}
          data-testid={`demo-event-run-${number.name}`}
        >
          {t('demoPhone.run')}
        </button>
      </div>
      {/* A new inquiry on demand, e.g. to watch an automation rule welcome it. */}
      <div className="demo-phone-row">
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={newcomer.pending}
          onClick={() => void newcomer.run(async () => setWrote(await call('demo.newCustomerWrites', { numberId: number.id })))}
          data-testid={`demo-new-customer-${number.name}`}
        >
          {t('demo.newCustomer')}
        </button>
        {wrote && !newcomer.hasError ? (
          <span className="muted" role="status" data-testid={`demo-new-customer-wrote-${number.name}`} data-name={wrote.name}>
            {t('demo.newCustomerWrote', { name: wrote.name, phone: `\u2066${wrote.phone}\u2069` })}
          </span>
        ) : null}
        {newcomer.shown.formMessage ? <span className="field-error">{newcomer.shown.formMessage}</span> : null}
      </div>
    </div>
  );
}
