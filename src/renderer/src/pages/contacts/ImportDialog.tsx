import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ImportMapping, ImportPreview, ImportResult } from '../../../../shared/contacts/types';
import type { ApiError } from '../../../../shared/errors';
import { call, onEvent, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { contactFieldLabel, importProblemText } from './contact-labels';
import { uploadFile } from '../../media/upload-file';
import { checkCsvSize, csvMimeType, FileTooLarge } from './import-file';
import { ImportPreviewStep, type OnDuplicate } from './ImportPreviewStep';

type Step =
  | { kind: 'choose' }
  | { kind: 'preview'; fileName: string; uploadId: string; preview: ImportPreview }
  | { kind: 'importing' }
  | { kind: 'done'; result: ImportResult };

interface Progress {
  done: number;
  total: number;
}

/** Choose a file → check it and match its columns → import with a progress bar → what happened. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const fileId = useId();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  /** The last failure was the import itself: say that nothing was stored. */
  const [importFailed, setImportFailed] = useState(false);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [progress, setProgress] = useState<Progress>({ done: 0, total: 0 });
  /** How much of the chosen file has gone up (0 to 1), while it does. */
  const [uploaded, setUploaded] = useState<number | null>(null);
  const previewTicket = useRef(0);

  // The core reports each checked chunk to this window only, while the call is under way; listening
  // from the start means no report can come before the listener.
  useEffect(() => onEvent('contacts.import.progress', (reported) => setProgress(reported)), []);

  async function preview(fileName: string, uploadId: string, mapping?: ImportMapping) {
    const ticket = ++previewTicket.current;
    setBusy(true);
    setError(null);
    setImportFailed(false);
    try {
      const result = await call('contacts.importPreview', { uploadId, ...(mapping ? { mapping } : {}) });
      if (ticket === previewTicket.current) setStep({ kind: 'preview', fileName, uploadId, preview: result });
    } catch (thrown) {
      if (ticket === previewTicket.current) setError(toApiError(thrown));
    } finally {
      if (ticket === previewTicket.current) setBusy(false);
    }
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      checkCsvSize(file);
      setUploaded(0);
      const { uploadId } = await uploadFile(file, setUploaded, undefined, csvMimeType);
      setUploaded(null);
      await preview(file.name, uploadId);
    } catch (thrown) {
      setError(thrown instanceof FileTooLarge ? t('contacts.importTooLarge') : toApiError(thrown));
      setUploaded(null);
      setBusy(false);
    }
  }

  async function runImport() {
    if (step.kind !== 'preview') return;
    const { uploadId, preview: checked } = step;
    setError(null);
    setImportFailed(false);
    setProgress({ done: 0, total: checked.totalRows });
    setStep({ kind: 'importing' });
    try {
      const result = await call('contacts.import', { uploadId, mapping: checked.mapping, onDuplicate });
      setStep({ kind: 'done', result });
    } catch (thrown) {
      setError(toApiError(thrown));
      setImportFailed(true);
      setStep(step);
    }
  }

  const errorText = error === null ? null : typeof error === 'string' ? error : (describeError(t, error, []).formMessage ?? Object.values(describeError(t, error).fields).join(' '));
  const importing = step.kind === 'importing';
  const canImport = step.kind === 'preview' && step.preview.mapping.phone != null && step.preview.counts.new + step.preview.counts.existing > 0;

  return (
    <Dialog title={t('contacts.importTitle')} onClose={onClose} busy={importing} size="large" testId="import-dialog">
      <div className="dialog-body form">
        {errorText ? (
          <Alert tone="error" testId="import-error">
            {errorText}
            {importFailed ? <span className="import-error-note"> {t('contacts.importFailed')}</span> : null}
          </Alert>
        ) : null}

        {step.kind === 'choose' ? (
          <div className="import-choose">
            <p className="muted">{t('contacts.importChooseHint')}</p>
            {/* The input stays focusable; its label is the visible button and shows its focus ring. */}
            <input id={fileId} type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(e) => void onFile(e)} disabled={busy} data-testid="import-file" />
            <label className="button button-primary import-file-button" htmlFor={fileId} aria-disabled={busy}>
              {busy ? t('contacts.importReading') : t('contacts.importChoose')}
            </label>
            {uploaded !== null ? (
              <div className="import-progress" data-testid="import-upload">
                <p aria-live="polite">{t('contacts.importUploading', { percent: Math.round(uploaded * 100) })}</p>
                <div className="progress" role="progressbar" aria-label={t('contacts.importUploadLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(uploaded * 100)}>
                  <span className="progress-fill" style={{ inlineSize: `${Math.round(uploaded * 100)}%` }} />
                </div>
              </div>
            ) : null}
          </div>
        ) : null}

        {step.kind === 'preview' ? (
          <>
            <ImportPreviewStep
              fileName={step.fileName}
              preview={step.preview}
              onDuplicate={onDuplicate}
              busy={busy}
              onMapping={(mapping) => void preview(step.fileName, step.uploadId, mapping)}
              onDuplicateChange={setOnDuplicate}
            />
            {step.preview.mapping.phone == null ? <p className="field-error">{t('contacts.importNeedsPhone')}</p> : !canImport ? <p className="field-error">{t('contacts.importNothing')}</p> : null}
          </>
        ) : null}

        {step.kind === 'importing' || step.kind === 'done' ? <ImportProgress progress={progress} finished={step.kind === 'done'} /> : null}
        {step.kind === 'done' ? <ImportSummary result={step.result} /> : null}
      </div>

      <div className="dialog-footer">
        {step.kind === 'preview' ? (
          <>
            <button type="button" className="button button-secondary" onClick={() => (setError(null), setStep({ kind: 'choose' }))} disabled={busy} data-testid="import-back">
              {t('contacts.importBack')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void runImport()} disabled={busy || !canImport} data-testid="import-confirm">
              {t('contacts.importConfirm')}
            </button>
          </>
        ) : step.kind === 'done' ? (
          <button type="button" className="button button-primary" onClick={onClose} data-testid="import-close">
            {t('contacts.importClose')}
          </button>
        ) : (
          <button type="button" className="button button-secondary" onClick={onClose} disabled={importing} data-testid="import-cancel">
            {t('common.cancel')}
          </button>
        )}
      </div>
    </Dialog>
  );
}

/** The bar stays, full, above the summary: the rows checked are part of what happened. */
function ImportProgress({ progress, finished }: { progress: Progress; finished: boolean }) {
  const t = useT();
  const { done, total } = progress;
  return (
    <div className="import-progress" data-testid="import-progress">
      {finished ? null : <p aria-live="polite">{done < total ? t('contacts.importProgress', { done, total }) : t('contacts.importWriting')}</p>}
      <div className="progress" role="progressbar" aria-label={t('contacts.importProgressLabel')} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} data-testid="import-progress-bar">
        <span className="progress-fill" style={{ inlineSize: `${total === 0 ? 100 : Math.round((done / total) * 100)}%` }} />
      </div>
    </div>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const t = useT();
  return (
    <div className="import-result" data-testid="import-summary">
      <Alert tone="success" testId="import-done">
        {t('contacts.importDone')}
      </Alert>
      <ul className="import-counts">
        <li data-testid="import-created">{t('contacts.importCreated', { count: result.created })}</li>
        {result.updated > 0 ? <li data-testid="import-updated">{t('contacts.importUpdated', { count: result.updated })}</li> : null}
        {result.skipped > 0 ? <li data-testid="import-skipped">{t('contacts.importSkipped', { count: result.skipped })}</li> : null}
        {result.errors.length > 0 ? <li data-testid="import-errors">{t('contacts.importErrors', { count: new Set(result.errors.map((e) => e.row)).size })}</li> : null}
      </ul>
      {result.errors.length > 0 ? (
        <ul className="import-error-list">
          {result.errors.slice(0, 200).map((p) => (
            <li key={`${p.row}-${p.field}-${p.code}`}>
              {t('contacts.importProblem', { row: p.row, text: `${contactFieldLabel(t, p.field)}: ${importProblemText(t, p)}` })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
