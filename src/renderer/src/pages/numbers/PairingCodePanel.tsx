import { useRef, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/icons';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';

const fields = ['phoneNumber'] as const;

/** WhatsApp shows its 8-character codes as two groups of four. */
export function groupPairingCode(code: string): string {
  return /^[A-Z0-9]{8}$/i.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** Linking by a code typed on the phone, for when its camera cannot scan the screen. */
export function PairingCodePanel({ numberId, knownCode }: { numberId: number; knownCode: string | null }) {
  const t = useT();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const codeRef = useRef<HTMLElement>(null);
  const submission = useSubmit(fields);
  const shownCode = code ?? knownCode;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setCopied(false);
    await submission.run(async () => {
      setCode((await call('numbers.requestPairingCode', { id: numberId, phoneNumber: phone })).code);
    });
  }

  async function copy() {
    if (!shownCode) return;
    try {
      await navigator.clipboard.writeText(shownCode);
      setCopied(true);
    } catch {
      // No clipboard outside a secure context (a LAN browser): select the code for Ctrl+C instead.
      const element = codeRef.current;
      const selection = window.getSelection();
      if (element && selection) selection.selectAllChildren(element);
    }
  }

  const { shown, pending } = submission;
  return (
    <div className="pairing" data-testid="pairing-panel">
      <form noValidate onSubmit={onSubmit} className="form">
        {shown.formMessage ? (
          <Alert tone="error" testId="pairing-error">
            {shown.formMessage}
          </Alert>
        ) : null}
        <div className="pairing-request">
          <TextField
            name="phoneNumber"
            type="tel"
            latin
            label={t('link.pairingPhone')}
            hint={t('link.pairingPhoneHint')}
            value={phone}
            onChange={setPhone}
            error={shown.fields.phoneNumber}
            autoComplete="off"
            testId="pairing-phone"
          />
          <SubmitButton label={t('link.pairingRequest')} pendingLabel={t('link.pairingRequesting')} pending={pending} testId="pairing-request" />
        </div>
      </form>
      {shownCode ? (
        <div className="pairing-result">
          <p className="pairing-label">{t('link.pairingCode')}</p>
          <div className="pairing-code-row">
            <code className="pairing-code" dir="ltr" ref={codeRef} data-testid="pairing-code" data-code={shownCode}>
              {groupPairingCode(shownCode)}
            </code>
            <button type="button" className="button button-secondary button-small" onClick={() => void copy()} data-testid="pairing-copy">
              <Icon name={copied ? 'check' : 'copy'} />
              {copied ? t('link.copied') : t('link.copy')}
            </button>
          </div>
          <p className="muted pairing-steps">{t('link.pairingSteps')}</p>
        </div>
      ) : null}
    </div>
  );
}
