import { useEffect, useState } from 'react';
import { notificationModes, type NotificationMode, type NotificationPreference, type NotificationType } from '../../../../shared/notifications/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { useNotifyStore } from '../../stores/desktop-notifications';
import { applyNotificationPreferences } from '../../stores/notification-modes';

/**
 * Per type: in the app, on the desktop too, or off — saved as each is chosen (no form to
 * submit: one choice, one call). Desktop notices also need this computer's permission, shown
 * below with its switch.
 */
export function NotificationSettings() {
  const t = useT();
  const [preferences, setPreferences] = useState<NotificationPreference[] | null>(null);
  const [status, setStatus] = useState<'saved' | 'failed' | null>(null);
  const desktop = useNotifyStore((state) => state.state);
  const toggleDesktop = useNotifyStore((state) => state.toggle);

  useEffect(() => {
    useNotifyStore.getState().refresh();
    call('notifications.preferences', {}).then(setPreferences, () => setStatus('failed'));
  }, []);

  async function choose(type: NotificationType, mode: NotificationMode) {
    setStatus(null);
    try {
      const saved = await call('notifications.setPreference', { type, mode });
      setPreferences(saved);
      // The window's own alerts (new messages, assignments) follow the choice at once.
      applyNotificationPreferences(saved);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }

  const options = notificationModes.map((mode) => ({ value: mode, label: t(`notificationSettings.mode.${mode}` as MessageKey) }));
  return (
    <section className="card form-card notification-settings" aria-labelledby="notification-settings-title" data-testid="notification-settings">
      <h2 className="card-title" id="notification-settings-title">
        {t('notificationSettings.title')}
      </h2>
      <p className="card-intro">{t('notificationSettings.intro')}</p>
      <div className="notification-settings-desktop" data-testid="notification-settings-desktop">
        <span>{t(`notificationSettings.desktop.${desktop}` as MessageKey)}</span>
        {desktop === 'on' || desktop === 'off' ? (
          <button type="button" className="button button-secondary button-small" onClick={() => void toggleDesktop()} data-testid="notification-settings-desktop-toggle">
            {t(desktop === 'on' ? 'notificationSettings.desktop.turnOff' : 'notificationSettings.desktop.turnOn')}
          </button>
        ) : null}
      </div>
      {status === 'failed' ? <Alert tone="error" testId="notification-settings-error">{t('notificationSettings.saveFailed')}</Alert> : null}
      <p className="visually-hidden" role="status">
        {status === 'saved' ? t('notificationSettings.saved') : ''}
      </p>
      {preferences?.map((preference) => (
        <div className="notification-settings-row" key={preference.type}>
          <SelectField
            name={`notify-${preference.type}`}
            label={t(`notificationType.${preference.type}` as MessageKey)}
            value={preference.mode}
            options={options}
            onChange={(mode) => void choose(preference.type, mode)}
            testId={`notification-mode-${preference.type}`}
          />
        </div>
      ))}
    </section>
  );
}
