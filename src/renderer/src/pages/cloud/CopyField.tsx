import { useState } from 'react';
import { useT } from '../../i18n/use-t';

/** A value to paste into Meta's dashboard, shown left to right, with a copy button. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="cloud-copy">
      <span className="cloud-copy-label">{label}</span>
      <code dir="ltr" className="cloud-copy-value" data-testid={testId}>
        {value}
      </code>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}
        data-testid={`${testId}-copy`}
      >
        {copied ? t('cloud.copied') : t('cloud.copy')}
      </button>
    </div>
  );
}
