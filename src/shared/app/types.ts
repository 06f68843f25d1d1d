export interface AppInfo {
  version: string;
  /** Demo mode: simulated WhatsApp, demo data, a "scan" button in the QR dialog. */
  demo: boolean;
  /** How the host serves the office network; absent in the desktop window and on this computer only. */
  connection?: ConnectionInfo;
}

export interface ConnectionInfo {
  /** `insecure`: plain HTTP on the network (`--lan-insecure`), shown with a warning. */
  security: 'tls' | 'insecure';
  /** SHA-256 of the host's certificate, for agents to compare with what their browser shows. */
  fingerprint256?: string;
}
