export interface AppInfo {
  version: string;
  /** Demo mode: simulated WhatsApp, demo data, a "scan" button in the QR dialog. */
  demo: boolean;
}
