import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets at rest (the AI provider's API key, the Cloud API's tokens and app secrets): AES-256-GCM with a random 32-byte key kept in a
 * file in the data folder (0600), never in the database. A stolen database alone does not give
 * the key; a backup restored elsewhere asks the admin to enter the key again (opening fails).
 */
export class SecretBox {
  private key: Buffer | null = null;

  constructor(private readonly keyFile: string) {}

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.keyBytes(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  /** The plain text, or null when it was sealed with another key (or altered). */
  open(sealed: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.keyBytes(), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  private keyBytes(): Buffer {
    if (this.key) return this.key;
    try {
      const existing = fs.readFileSync(this.keyFile);
      if (existing.length === 32) return (this.key = existing);
    } catch {
      // No key yet: made below.
    }
    const made = crypto.randomBytes(32);
    fs.mkdirSync(path.dirname(this.keyFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.keyFile, made, { mode: 0o600 });
    return (this.key = made);
  }
}
