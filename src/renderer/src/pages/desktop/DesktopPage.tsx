import { useCallback, useEffect, useRef, useState } from 'react';
import type { DesktopSettings } from '../../../../shared/desktop/types';
import { call, onEvent } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/use-t';
import { DesktopSettingsForm } from './DesktopSettingsForm';

/** Settings → Desktop app (admins): start at login, the update server, where WhatsApp Web runs. */
export function DesktopPage() {
  const t = useT();
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  // Another admin's save shows here too; the form starts over from what was saved.
  const [version, setVersion] = useState(0);
  // Here, not in the form: the save's own desktop.changed may remount the form before the save answers.
  const [saved, setSaved] = useState(false);
  const onEdited = useCallback(() => setSaved(false), []);
  // What this form shows as saved: its own save's echo leaves the form (and its "saved") alone.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    void call('desktop.settings', {}).then((loaded) => {
      shown.current = JSON.stringify(loaded);
      setSettings(loaded);
    });
    return onEvent('desktop.changed', (next) => {
      if (JSON.stringify(next) === shown.current) return;
      shown.current = JSON.stringify(next);
      setSettings(next);
      setVersion((v) => v + 1);
    });
  }, []);
  if (!settings) return <div className="page" aria-busy="true" />;
  return (
    <div className="page desktop-page" data-testid="desktop-page">
      <PageHeader title={t('desktop.title')} intro={t('desktop.intro')} />
      {saved ? <Alert tone="success" testId="desktop-settings-saved">{t('desktop.saved')}</Alert> : null}
      <section className="card">
        <DesktopSettingsForm key={version} settings={settings} onEdited={onEdited} onSaved={(next) => {
            shown.current = JSON.stringify(next);
            setSaved(true);
          }} />
      </section>
    </div>
  );
}
