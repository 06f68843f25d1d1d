import { useEffect, useState } from 'react';
import { useController } from 'react-hook-form';
import type { NumberView } from '../../../../shared/numbers/types';
import type { PublicUser } from '../../../../shared/users/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import { useUsersStore } from '../../stores/users-store';
import { AgentsField } from './AgentsField';
import { useLanguageStore } from '../../i18n/language-store';
import { branchOptions } from '../branches/branch-options';
import { useBranches } from '../branches/use-branches';
import { createNumber, numberForm, numberFormValues, saveAgents, updateNumber } from './number-form';

interface NumberFormDialogProps {
  number?: NumberView;
  /** Whether the caller may read the user list, which the owner choice needs. */
  canChooseEmployee: boolean;
  onClose(): void;
}

/** Active users can own a number; the current owner stays listed even if deactivated since. */
function employeeOptions(users: PublicUser[] | null, number: NumberView | undefined, none: string) {
  const options = (users ?? []).filter((u) => u.isActive).map((u) => ({ value: String(u.id), label: u.name }));
  const owner = number?.employee;
  if (owner && !options.some((o) => o.value === String(owner.id))) options.push({ value: String(owner.id), label: owner.name });
  return [{ value: '', label: none }, ...options];
}

/** Adds a WhatsApp number, or edits one when `number` is given. */
export function NumberFormDialog({ number, canChooseEmployee, onClose }: NumberFormDialogProps) {
  const t = useT();
  const [defaults] = useState(() => numberFormValues(number));
  const form = useContractForm(numberForm, defaults);
  const agents = useController({ control: form.control, name: 'agentIds' });
  /** A number this dialog already created: if saving its agents failed, the next try updates it instead of adding it twice. */
  const [created, setCreated] = useState<NumberView | null>(null);
  const users = useUsersStore((state) => state.users);
  const language = useLanguageStore((state) => state.language);
  const branches = useBranches();
  const known = number?.branchId ? branches.data?.find((b) => b.id === number.branchId) : undefined;
  const currentBranch = number?.branchId ? (known ?? { id: number.branchId, name: `#${number.branchId}`, nameEn: null }) : null;

  useEffect(() => {
    if (canChooseEmployee) void useUsersStore.getState().load();
  }, [canChooseEmployee]);

  const onSubmit = form.submit(async (values) => {
    const existing = created ?? number;
    let saved = existing ? ((await updateNumber(existing, values)) ?? existing) : await createNumber(values);
    if (!existing) setCreated(saved);
    useNumbersStore.getState().upsert(saved);
    // The agents go after the number itself: numbers.setAgents needs its id.
    if (canChooseEmployee) {
      saved = await saveAgents(saved, values.agentIds, (id) => users?.some((u) => u.id === id && u.isActive) ?? true);
      useNumbersStore.getState().upsert(saved);
    }
  });

  const { pending } = form;
  return (
    <Dialog title={number ? t('numbers.editTitle', { name: isolate(number.name) }) : t('numbers.createTitle')} onClose={onClose} busy={pending} testId="number-form-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event).then((saved) => saved && onClose())} data-testid="number-form">
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="number-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={form} name="name" label={t('field.numberName')} hint={t('field.numberNameHint')} autoComplete="off" testId="number-form-name" />
          <div className="field-row">
            {canChooseEmployee ? (
              <FormSelectField form={form} name="employeeId" label={t('field.employee')} options={employeeOptions(users, number, t('field.noEmployee'))} testId="number-form-employee" />
            ) : null}
            <FormTextField form={form} name="quotaLimit" type="number" inputMode="numeric" latin label={t('field.quota')} hint={t('field.quotaHint')} testId="number-form-quota" />
          </div>
          <FormSelectField form={form} name="branchId" label={t('branches.picker')} options={branchOptions(t, language, branches.data ?? [], currentBranch)} testId="number-form-branch" />
          {canChooseEmployee ? <AgentsField users={users} selected={(agents.field.value as number[] | undefined) ?? []} onChange={agents.field.onChange} error={form.errorOf('agentIds')} /> : null}
        </div>
        <FormDialogFooter submitLabel={number ? t('common.save') : t('numbers.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="number-form" />
      </form>
    </Dialog>
  );
}
