import { useState } from 'react';
import { consoleInput } from '../../../../shared/ai/schemas';
import type { AiConsoleResult } from '../../../../shared/ai/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { SubmitButton } from '../../components/SubmitButton';
import { useOfficeFormat } from '../../format/use-office-format';
import { FormTextAreaField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { checkName, providerErrorText, reasonText } from './ai-labels';

const questionOnly = consoleInput.pick({ question: true });
const defaults = { question: '' };

/** The test console: a question as a customer would write it → what the responder would do. Nothing is sent. */
export function ConsoleCard({ numberId }: { numberId: number }) {
  const t = useT();
  const { formatNumber, formatWeekdayTime } = useOfficeFormat();
  const form = useContractForm(questionOnly, defaults);
  const [result, setResult] = useState<AiConsoleResult | null>(null);
  const onSubmit = form.submit(async (values) => {
    setResult(null);
    setResult(await call('ai.console', { numberId, question: values.question }));
  });

  return (
    <section className="card ai-card" aria-labelledby="ai-console-title" data-testid="ai-console">
      <h2 className="section-title" id="ai-console-title">
        {t('ai.console.title')}
      </h2>
      <p className="muted ai-note">{t('ai.console.intro')}</p>
      <form noValidate onSubmit={onSubmit} className="form">
        {form.formMessage ? (
          <Alert tone="error" testId="ai-console-error">
            {form.formMessage}
          </Alert>
        ) : null}
        <FormTextAreaField form={form} name="question" label={t('ai.console.question')} rows={2} testId="ai-console-question" />
        <div className="form-actions">
          <SubmitButton label={t('ai.console.ask')} pendingLabel={t('ai.console.asking')} pending={form.pending} testId="ai-console-ask" />
        </div>
      </form>
      {result ? (
        <div className="ai-console-result" data-testid="ai-console-result" data-decision={result.decision}>
          <div className="ai-console-decision">
            <Badge tone={result.decision === 'reply' ? 'green' : 'amber'} testId="ai-console-decision">
              {t(`ai.console.decision.${result.decision}`)}
            </Badge>
            {result.reason ? <span data-testid="ai-console-reason">{t('ai.console.reason', { reason: reasonText(t, result.reason) })}</span> : null}
            {result.errorCode ? <span className="field-error">{providerErrorText(t, result.errorCode)}</span> : null}
            <span className="muted">{t('ai.console.nothingSent')}</span>
          </div>
          <h3 className="ai-box-title">{t('ai.console.answer')}</h3>
          <p className="ai-console-answer" dir="auto" data-testid="ai-console-answer">
            {result.answer || t('ai.console.noAnswer')}
          </p>
          {result.viewingOffer ? (
            <>
              <h3 className="ai-box-title">
                {t('ai.console.slots', { property: result.viewingOffer.propertyName })}
              </h3>
              <ol className="ai-console-slots" data-testid="ai-console-slots">
                {result.viewingOffer.slots.map((slot) => (
                  <li key={slot}>
                    <time dateTime={slot}>{formatWeekdayTime(slot)}</time>
                  </li>
                ))}
              </ol>
              <p className="muted" data-testid="ai-console-nothing-booked">
                {t('ai.console.nothingBooked')}
              </p>
            </>
          ) : null}
          <h3 className="ai-box-title">{t('ai.console.records')}</h3>
          {result.recordsUsed.length === 0 ? (
            <p className="muted">{t('ai.console.noRecords')}</p>
          ) : (
            <ul className="ai-console-records" data-testid="ai-console-records">
              {result.recordsUsed.map((record) => (
                <li key={`${record.kind}-${record.id}`} data-kind={record.kind}>
                  <Badge tone={record.kind === 'faq' ? 'blue' : 'gray'}>{t(`ai.console.kind.${record.kind}`)}</Badge> <bdi>{record.title}</bdi>
                </li>
              ))}
            </ul>
          )}
          <p className="muted" data-testid="ai-console-tokens">
            {t('ai.console.tokens', { prompt: formatNumber(result.promptTokens), completion: formatNumber(result.completionTokens) })}
          </p>
          <h3 className="ai-box-title">{t('ai.console.checks')}</h3>
          <ul className="ai-console-checks" data-testid="ai-console-checks">
            {result.checks.map((check, index) => (
              <li key={`${check.name}-${index}`} data-ok={check.ok} data-name={check.name}>
                <span className={check.ok ? 'ai-check-ok' : 'ai-check-failed'} aria-hidden="true">
                  {check.ok ? '✓' : '✗'}
                </span>
                <span>{checkName(t, check.name)}</span>
                <span className="visually-hidden">{t(check.ok ? 'ai.console.checkOk' : 'ai.console.checkFailed')}</span>
                {check.detail ? (
                  <span className="muted" dir="auto">
                    {check.detail}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
