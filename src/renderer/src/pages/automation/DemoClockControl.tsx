import { useState } from 'react';
import { z } from 'zod';
import { demoAdvanceClockInput } from '../../../../shared/demo/contract';
import { latinDigits } from '../../../../shared/money';
import { call } from '../../api/client';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';

/** The minutes as typed (Arabic-Indic digits too), checked by the contract's demoAdvanceClockInput. */
const clockForm = z
  .object({ minutes: z.string().trim().min(1).transform(latinDigits) })
  .transform(({ minutes }): z.input<typeof demoAdvanceClockInput> => ({ minutes: /^\d{1,6}$/.test(minutes) ? Number(minutes) : Number.NaN }))
  .pipe(demoAdvanceClockInput);

/** Demo mode, admins: move the app's clock forward, so a rule's "in a minute" or "a day before" happens now. */
export function DemoClockControl() {
  const t = useT();
  const { formatDateTime } = useOfficeFormat();
  const form = useContractForm(clockForm, { minutes: '60' });
  const [moved, setMoved] = useState<{ now: string; offsetMinutes: number } | null>(null);
  const onSubmit = form.submit(async (values) => setMoved(await call('demo.advanceClock', values)));
  return (
    <form noValidate onSubmit={onSubmit} className="card automation-demo-clock" data-testid="demo-clock">
      <FormTextField form={form} name="minutes" label={t('automation.demoClock.minutes')} inputMode="numeric" autoComplete="off" testId="demo-clock-minutes" />
      <button type="submit" className="button button-secondary" disabled={form.pending} data-testid="demo-clock-advance">
        {t('automation.demoClock.advance')}
      </button>
      {form.formMessage ? <p className="field-error">{form.formMessage}</p> : null}
      {moved ? (
        <p className="muted" role="status" data-testid="demo-clock-now" data-offset={moved.offsetMinutes}>
          {t('automation.demoClock.now', { date: formatDateTime(moved.now) })}
        </p>
      ) : null}
    </form>
  );
}
