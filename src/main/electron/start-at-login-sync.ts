import type { Logger } from '../base/logger';
import type { EventBus } from '../events/event-bus';
import { setStartAtLogin, type LoginItemHost } from './login-item';

/**
 * Keeps the computer's login item in step with Settings → Desktop app: once when the app starts
 * (the setting may have changed on another window, or been restored from a backup) and at every
 * `desktop.changed`. A failure (a read-only autostart folder) is logged, never thrown at the admin's save.
 */
export function syncStartAtLogin(deps: { bus: EventBus; host: LoginItemHost; current: () => boolean; logger: Logger }): () => void {
  let applied: boolean | null = null;
  const apply = (enabled: boolean) => {
    if (enabled === applied) return;
    try {
      setStartAtLogin(deps.host, enabled);
      applied = enabled;
    } catch (error) {
      deps.logger.warn('start at login not applied', { enabled, error: String(error) });
    }
  };
  apply(deps.current());
  return deps.bus.subscribe((message) => {
    if (message.event === 'desktop.changed') apply((message.data as { startAtLogin: boolean }).startAtLogin);
  });
}
