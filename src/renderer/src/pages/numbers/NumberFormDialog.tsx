import { useEffect, useState, type FormEvent } from 'react';
import type { NumberView } from '../../../../shared/numbers/types';
import type { PublicUser } from '../../../../shared/users/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import { useUsersStore } from '../../stores/users-store';
import { AgentsField } from './AgentsField';
import { useLanguageStore } from '../../i18n/language-store';
import { branchOptions } from '../branches/branch-options';
import { useBranches } from '../branches/use-branches';
import { createNumber, numberFormValues, saveAgents, updateNumber, type NumberFormValues } from './number-form';

const fields = ['name', 'employeeId', 'quotaLimit', 'agentIds', 'branchId'] as const;

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
  const [values, setValues] = useState<NumberFormValues>(() => numberFormValues(number));
  const [agentIds, setAgentIds] = useState<number[]>(() => number?.agentIds ?? []);
  /** A number this dialog already created: if saving its agents failed, the next try updates it instead of adding it twice. */
  const [created, setCreated] = useState<NumberView | null>(null);
  const submission = useSubmit(fields);
  const users = useUsersStore((state) => state.users);
  const language = useLanguageStore((state) => state.language);
  const branches = useBranches();
  const known = number?.branchId ? branches.data?.find((b) => b.id === number.branchId) : undefined;
  const currentBranch = number?.branchId ? (known ?? { id: number.branchId, name: `#${number.branchId}`, nameEn: null }) : null;
  const set = (field: keyof NumberFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  useEffect(() => {
    if (canChooseEmployee) void useUsersStore.getState().load();
  }, [canChooseEmployee]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const existing = created ?? number;
      let saved = existing ? ((await updateNumber(existing, values)) ?? existing) : await createNumber(values);
      if (!existing) setCreated(saved);
      useNumbersStore.getState().upsert(saved);
      // The agents go after the number itself: numbers.setAgents needs its id.
      if (canChooseEmployee) {
        saved = await saveAgents(saved, agentIds, (id) => users?.some((u) => u.id === id && u.isActive) ?? true);
        useNumbersStore.getState().upsert(saved);
      }
    });
    if (ok) onClose();
  }

  const { shown, pending } = submission;
  return (
    <Dialog title={number ? t('numbers.editTitle', { name: isolate(number.name) }) : t('numbers.createTitle')} onClose={onClose} busy={pending} testId="number-form-dialog">
      <form noValidate onSubmit={onSubmit} data-testid="number-form">
        <div className="dialog-body form">
          {shown.formMessage ? (
            <Alert tone="error" testId="number-form-error">
              {shown.formMessage}
            </Alert>
          ) : null}
          <TextField
            name="name"
            label={t('field.numberName')}
            hint={t('field.numberNameHint')}
            value={values.name}
            onChange={set('name')}
            error={shown.fields.name}
            autoComplete="off"
            testId="number-form-name"
          />
          <div className="field-row">
            {canChooseEmployee ? (
              <SelectField
                name="employeeId"
                label={t('field.employee')}
                value={values.employeeId}
                options={employeeOptions(users, number, t('field.noEmployee'))}
                onChange={set('employeeId')}
                error={shown.fields.employeeId}
                testId="number-form-employee"
              />
            ) : null}
            <TextField
              name="quotaLimit"
              type="number"
              inputMode="numeric"
              min={1}
              max={100000}
              latin
              label={t('field.quota')}
              hint={t('field.quotaHint')}
              value={values.quotaLimit}
              onChange={set('quotaLimit')}
              error={shown.fields.quotaLimit}
              testId="number-form-quota"
            />
          </div>
          <SelectField
            name="branchId"
            label={t('branches.picker')}
            value={values.branchId}
            options={branchOptions(t, language, branches.data ?? [], currentBranch)}
            onChange={set('branchId')}
            error={shown.fields.branchId}
            testId="number-form-branch"
          />
          {canChooseEmployee ? <AgentsField users={users} selected={agentIds} onChange={setAgentIds} error={shown.fields.agentIds} /> : null}
        </div>
        <FormDialogFooter submitLabel={number ? t('common.save') : t('numbers.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="number-form" />
      </form>
    </Dialog>
  );
}
