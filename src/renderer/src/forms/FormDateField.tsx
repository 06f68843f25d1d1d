import { useController, type Control, type FieldValues } from 'react-hook-form';
import { DateField } from '../components/DateField';
import type { ContractForm } from './use-contract-form';

// Any contract form binds: the field needs only its control and its worded errors.
type Form = Pick<ContractForm<never>, 'errorOf'> & { control: unknown };

/** The app's calendar-day field bound to a contract form (YYYY-MM-DD, an office day). */
export function FormDateField({ form, name, label, testId, min }: { form: Form; name: string; label: string; testId: string; min?: string }) {
  const { field } = useController({ control: form.control as Control<FieldValues>, name });
  return <DateField name={name} label={label} testId={testId} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} error={form.errorOf(name)} {...(min ? { min } : {})} />;
}
