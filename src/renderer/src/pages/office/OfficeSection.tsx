import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/SubmitButton';
import { useT } from '../../i18n/use-t';
import type { OfficeForm } from './office-form';

/** One section of the page: its own card, its own Save, its own "saved" and errors. */
export function OfficeSection({ form, name, title, onSubmit, children }: { form: OfficeForm; name: string; title: string; onSubmit(event: FormEvent): Promise<boolean>; children: ReactNode }) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="card form-card office-section"
      noValidate
      onSubmit={(event) => {
        setSaved(false);
        void onSubmit(event).then(setSaved);
      }}
      onChange={() => setSaved(false)}
      data-testid={`office-${name}-form`}
    >
      <h2 className="card-title">{title}</h2>
      {form.formMessage ? (
        <Alert tone="error" testId={`office-${name}-error`}>
          {form.formMessage}
        </Alert>
      ) : null}
      {children}
      <div className="form-actions">
        <SubmitButton label={t('office.save')} pending={form.pending} testId={`office-${name}-save`} />
        {saved ? (
          <span className="office-saved" role="status" data-testid={`office-${name}-saved`}>
            {t('office.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
