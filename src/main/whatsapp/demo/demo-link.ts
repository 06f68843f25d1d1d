import fs from 'node:fs';
import path from 'node:path';

/**
 * A demo number's saved link: a small file in its session folder, where LocalAuth would keep
 * its Chrome profile. While it is there the demo Client restores without a QR, as a real
 * linked session does; a logout removes it.
 */
export const demoLinkFileName = 'demo-link.json';

export interface DemoLink {
  linkedAt: number;
  /** The phone linked by a pairing code, when not the number's own demo phone (digits). */
  phone?: string;
}

export function isDemoLinked(sessionDir: string): boolean {
  return readDemoLink(sessionDir) !== null;
}

export function readDemoLink(sessionDir: string): DemoLink | null {
  try {
    const link = JSON.parse(fs.readFileSync(path.join(sessionDir, demoLinkFileName), 'utf8')) as Partial<DemoLink>;
    return { linkedAt: Number(link.linkedAt) || 0, ...(typeof link.phone === 'string' ? { phone: link.phone } : {}) };
  } catch {
    return null;
  }
}

/** Marks the session folder linked (the demo Client then starts without a QR). */
export function markDemoLinked(sessionDir: string, link: Partial<DemoLink> = {}): void {
  fs.mkdirSync(sessionDir, { recursive: true });
  const file = path.join(sessionDir, demoLinkFileName);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ demo: true, linkedAt: link.linkedAt ?? Date.now(), ...(link.phone ? { phone: link.phone } : {}) }));
  fs.renameSync(`${file}.tmp`, file);
}

export function clearDemoLink(sessionDir: string): void {
  fs.rmSync(path.join(sessionDir, demoLinkFileName), { force: true });
}
