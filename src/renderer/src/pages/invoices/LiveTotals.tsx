import { useWatch, type Control, type FieldValues } from 'react-hook-form';
import type { OfficeTaxSettings } from '../../../../shared/office/tax';
import { officeDay } from '../../format/dates';
import { liveTotals, type LineFields } from './invoice-forms';
import { TotalsTable } from './TotalsTable';

/** The editor's totals as the lines are typed, per VAT category, with the rate of today in the office's calendar. */
export function LiveTotals({ control, tax }: { control: unknown; tax: OfficeTaxSettings }) {
  const lines = (useWatch({ control: control as Control<FieldValues>, name: 'lines' }) ?? []) as LineFields[];
  return <TotalsTable totals={liveTotals(lines, tax, officeDay(new Date()))} vatRegistered={tax.vatRegistered} testId="invoice-live-totals" />;
}
