import type { WhatsappBrowser } from './schemas';

/** The desktop app's settings as an admin sees them. */
export interface DesktopSettings {
  /** The app starts hidden in the tray when the computer's account signs in. */
  startAtLogin: boolean;
  /** The generic update server; null: the one the installer was built with. Read when the app starts. */
  updateUrl: string | null;
  /** Read when a number's session starts. */
  whatsappBrowser: WhatsappBrowser;
}
