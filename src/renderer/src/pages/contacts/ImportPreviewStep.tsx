import { contactFields, type ContactField, type ImportMapping, type ImportPreview, type ImportProblem } from '../../../../shared/contacts/types';
import { SelectField } from '../../components/SelectField';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { contactFieldLabel, importProblemText } from './contact-labels';

export type OnDuplicate = 'skip' | 'update';

interface ImportPreviewStepProps {
  fileName: string;
  preview: ImportPreview;
  onDuplicate: OnDuplicate;
  busy: boolean;
  onMapping(mapping: ImportMapping): void;
  onDuplicateChange(value: OnDuplicate): void;
}

/** Rows with only a "this contact exists" note are not errors: the user decides what happens to them. */
const isWarning = (problems: ImportProblem[]) => problems.every((p) => p.code === 'duplicate_existing');
const shownOtherProblems = 100;

/** The file as the core read it: column mapping, the first rows with their problems, and the rest of the problems. */
export function ImportPreviewStep({ fileName, preview, onDuplicate, busy, onMapping, onDuplicateChange }: ImportPreviewStepProps) {
  const t = useT();
  const count = usePlural();
  const columnTitle = (index: number) => preview.columns[index] || t('contacts.importColumn', { number: index + 1 });
  const columnOptions = [{ value: '', label: t('contacts.importNotMapped') }, ...preview.columns.map((_, i) => ({ value: String(i), label: columnTitle(i) }))];
  const fieldOfColumn = new Map<number, ContactField>();
  for (const field of contactFields) {
    const column = preview.mapping[field];
    if (column != null && !fieldOfColumn.has(column)) fieldOfColumn.set(column, field);
  }
  const problemsByRow = new Map<number, ImportProblem[]>();
  for (const problem of preview.problems) problemsByRow.set(problem.row, [...(problemsByRow.get(problem.row) ?? []), problem]);
  const lastShownRow = preview.rows[preview.rows.length - 1]?.row ?? 0;
  const otherProblems = preview.problems.filter((p) => p.row > lastShownRow);
  const unlisted = preview.problemCount - preview.problems.length + Math.max(0, otherProblems.length - shownOtherProblems);

  return (
    <div className="import-preview" aria-busy={busy} data-testid="import-preview">
      <p className="muted">{t('contacts.importFile', { name: fileName })}</p>
      <p className="import-summary" data-testid="import-summary-line">
        {t('contacts.importSummary', { total: preview.totalRows, new: preview.counts.new, existing: preview.counts.existing, invalid: preview.counts.invalid })}
      </p>

      <fieldset className="import-mapping">
        <legend className="field-label">{t('contacts.importMapping')}</legend>
        <p className="field-hint">{t('contacts.importMappingHint')}</p>
        <div className="import-mapping-grid">
          {contactFields.map((field) => (
            <SelectField
              key={field}
              name={`mapping-${field}`}
              label={contactFieldLabel(t, field)}
              value={preview.mapping[field] == null ? '' : String(preview.mapping[field])}
              options={columnOptions}
              disabled={busy}
              onChange={(value) => onMapping({ ...preview.mapping, [field]: value === '' ? null : Number(value) })}
              testId={`import-map-${field}`}
            />
          ))}
        </div>
      </fieldset>

      <div className="import-table-wrap">
        <table className="table import-table" data-testid="import-table">
          <caption className="visually-hidden">{t('contacts.importPreviewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contacts.importRow')}</th>
              {preview.columns.map((_, i) => (
                <th key={i} scope="col">
                  <span dir="auto">{columnTitle(i)}</span>
                  {fieldOfColumn.has(i) ? <span className="import-field-tag">{contactFieldLabel(t, fieldOfColumn.get(i)!)}</span> : null}
                </th>
              ))}
              <th scope="col">{t('contacts.importProblems')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map(({ row, cells }) => {
              const problems = problemsByRow.get(row) ?? [];
              const state = problems.length === 0 ? 'ok' : isWarning(problems) ? 'warning' : 'error';
              return (
                <tr key={row} className={`import-row-${state}`} data-testid={`import-row-${row}`} data-state={state}>
                  <td className="import-row-number">{row}</td>
                  {cells.map((cell, i) => (
                    <td key={i} dir={fieldOfColumn.get(i) === 'phone' || fieldOfColumn.get(i) === 'email' ? 'ltr' : 'auto'}>
                      {cell}
                    </td>
                  ))}
                  <td className="import-row-problems">{state === 'ok' ? t('contacts.importOk') : problems.map((p) => importProblemText(t, p)).join(' ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {otherProblems.length > 0 ? (
        <div className="import-other-problems" data-testid="import-other-problems">
          <h3 className="field-label">{t('contacts.importOtherProblems')}</h3>
          <ul>
            {otherProblems.slice(0, shownOtherProblems).map((p) => (
              <li key={`${p.row}-${p.field}-${p.code}`} className={p.code === 'duplicate_existing' ? 'import-warning' : 'import-error'}>
                {t('contacts.importProblem', { row: p.row, text: importProblemText(t, p) })}
              </li>
            ))}
          </ul>
          {unlisted > 0 ? <p className="muted">{count('contacts.importMoreProblems', unlisted)}</p> : null}
        </div>
      ) : null}

      {preview.counts.existing > 0 ? (
        <fieldset className="import-duplicates">
          <legend className="field-label">{t('contacts.importDuplicates')}</legend>
          {(['skip', 'update'] as const).map((value) => (
            <label key={value} className="import-choice">
              <input type="radio" name="onDuplicate" value={value} checked={onDuplicate === value} onChange={() => onDuplicateChange(value)} data-testid={`import-duplicates-${value}`} />
              {value === 'skip' ? t('contacts.importSkip') : t('contacts.importUpdate')}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
