import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { DesktopSettings } from './types';

/** Settings → Desktop app (issue 20): start at login, the update server, where WhatsApp Web runs. Admins only. */
export const desktopChannels = {
  'desktop.settings': channel<DesktopSettings>()({ input: empty, access: adminOnly, kind: 'read' }),
  'desktop.updateSettings': channel<DesktopSettings>()({ input: s.desktopSettingsInput, access: adminOnly, kind: 'write' }),
} as const;

export interface DesktopEvents {
  /** An admin saved Settings → Desktop app: the desktop shell applies "start at login", admins' pages refresh. */
  'desktop.changed': DesktopSettings;
}
