import { useEffect, useState } from 'react';
import type { AutomationTrigger, TemplatePreview } from '../../../../shared/automation/types';
import { call } from '../../api/client';
import { useDebounced } from '../../hooks/use-debounced';
import { useT } from '../../i18n/use-t';

/** The chosen template filled with a real conversation's values the rule could touch; the variables it cannot fill are named. */
export function TemplatePreviewBox({ templateId, trigger, whatsappNumberId }: { templateId: number | null; trigger: AutomationTrigger; whatsappNumberId: number | null }) {
  const t = useT();
  const request = useDebounced(JSON.stringify({ templateId, trigger, whatsappNumberId }), 250);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const asked = JSON.parse(request) as { templateId: number | null; trigger: AutomationTrigger; whatsappNumberId: number | null };
    if (asked.templateId === null) {
      setPreview(null);
      return;
    }
    let current = true;
    call('automation.preview', { templateId: asked.templateId, trigger: asked.trigger, whatsappNumberId: asked.whatsappNumberId }).then(
      (answer) => {
        if (!current) return;
        setPreview(answer);
        setFailed(false);
      },
      () => {
        if (!current) return;
        setPreview(null);
        setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [request]);

  if (templateId === null) return null;
  return (
    <section className="automation-preview" aria-label={t('automation.preview.title')} data-testid="rule-preview">
      <h3 className="automation-box-title">{t('automation.preview.title')}</h3>
      {failed ? <p className="muted">{t('automation.preview.failed')}</p> : null}
      {preview ? (
        <>
          <p className="automation-preview-text" dir="auto" data-testid="rule-preview-text">
            {preview.text}
          </p>
          <p className="muted automation-preview-source">{preview.conversationId === null ? t('automation.preview.noSample') : t('automation.preview.sample')}</p>
          {preview.missing.length > 0 ? (
            <p className="field-error" data-testid="rule-preview-missing">
              {t('automation.preview.missing', { names: preview.missing.map((name) => `{{${name}}}`).join('، ') })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
