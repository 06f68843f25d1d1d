import { branchFields, createBranchInput } from '../../../../shared/branches/schemas';
import type { BranchView } from '../../../../shared/branches/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useQuery } from '../../hooks/use-query';
import { z } from 'zod';

/** The form holds the manager as a select's text ('' for none); everything else is the contract's own fields. */
const branchForm = createBranchInput.extend({ managerId: z.string().transform((v) => (v === '' ? null : Number(v))) });
type BranchFormInput = z.input<typeof branchForm>;

function formValues(branch?: BranchView): BranchFormInput {
  return {
    name: branch?.name ?? '',
    nameEn: branch?.nameEn ?? '',
    city: branch?.city ?? '',
    address: branch?.address ?? '',
    phone: branch?.phone ?? '',
    managerId: branch?.manager ? String(branch.manager.id) : '',
  };
}

/** Adds a branch, or edits `branch` (admin). Checked by the contract's schema before sending; the core's field errors land under their fields. */
export function BranchFormDialog({ branch, onClose, onSaved }: { branch?: BranchView; onClose(): void; onSaved(branch: BranchView): void }) {
  const t = useT();
  const form = useContractForm(branchForm, formValues(branch));
  const users = useQuery(() => call('users.list', {}));
  const managers: { value: string; label: string }[] = [
    { value: '', label: t('branches.field.noManager') },
    ...(users.data ?? []).filter((u: PublicUser) => u.isActive || u.id === branch?.manager?.id).map((u) => ({ value: String(u.id), label: u.name })),
  ];

  const onSubmit = form.submit(async (values) => {
    const saved = branch ? await call('branches.update', { id: branch.id, ...changed(branch, values) }) : await call('branches.create', values);
    onSaved(saved);
    onClose();
  });

  return (
    <Dialog title={branch ? t('branches.editTitle', { name: isolate(branch.name) }) : t('branches.createTitle')} onClose={onClose} busy={form.pending} testId="branch-form-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="branch-form">
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="branch-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={form} name="name" label={t('branches.field.name')} testId="branch-form-name" autoComplete="off" />
          <FormTextField form={form} name="nameEn" label={t('branches.field.nameEn')} testId="branch-form-name-en" autoComplete="off" latin />
          <div className="field-row">
            <FormTextField form={form} name="city" label={t('branches.field.city')} testId="branch-form-city" autoComplete="off" />
            <FormTextField form={form} name="phone" label={t('branches.field.phone')} hint={t('branches.field.phoneHint')} testId="branch-form-phone" type="tel" inputMode="tel" autoComplete="off" latin />
          </div>
          <FormTextField form={form} name="address" label={t('branches.field.address')} testId="branch-form-address" autoComplete="off" />
          <FormSelectField form={form} name="managerId" label={t('branches.field.manager')} options={managers} testId="branch-form-manager" />
        </div>
        <FormDialogFooter submitLabel={branch ? t('common.save') : t('branches.createSubmit')} pending={form.pending} onCancel={onClose} testIdPrefix="branch-form" />
      </form>
    </Dialog>
  );
}

/** Only the fields that changed, so the activity log shows the real change. */
function changed(branch: BranchView, values: z.output<typeof branchFields>): Partial<z.output<typeof branchFields>> {
  const out: Record<string, unknown> = {};
  const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null));
  for (const key of ['name', 'nameEn', 'city', 'address', 'phone'] as const) if (blank(values[key]) !== blank(branch[key])) out[key] = values[key] ?? null;
  if ((values.managerId ?? null) !== (branch.manager?.id ?? null)) out.managerId = values.managerId ?? null;
  return out;
}
