import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

/** What the host serves HTTPS with, and what people compare to trust it. */
export interface HostCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, `AB:CD:…` as browsers show it in their certificate viewer. */
  fingerprint256: string;
  /** Base64 SHA-256 of the public key, as Chromium's `--ignore-certificate-errors-spki-list` takes it. */
  spkiSha256: string;
  source: 'generated' | 'provided';
}

/** Inside the data folder: backed up and moved with it, so agents' browsers keep trusting the same key. */
export const certificatePaths = (dataDir: string) => ({
  cert: path.join(dataDir, 'tls', 'host-cert.pem'),
  key: path.join(dataDir, 'tls', 'host-key.pem'),
});

/** Long enough not to bother an office; a fingerprint pinned by people is what gives the trust. */
const validityDays = 825;

/**
 * The host's own certificate: made on first use (ECDSA P-256, self-signed) and kept in the
 * data folder with a key only its owner can read; the same one is served at every start.
 */
export async function loadOrCreateCertificate(dataDir: string, now = new Date()): Promise<HostCertificate> {
  const files = certificatePaths(dataDir);
  if (fs.existsSync(files.cert) && fs.existsSync(files.key)) {
    const cert = fs.readFileSync(files.cert, 'utf8');
    if (new Date(new X509Certificate(cert).validTo) > now) {
      fs.chmodSync(files.key, 0o600);
      return describe(cert, fs.readFileSync(files.key, 'utf8'), 'generated');
    }
  }
  const made = await generate([{ name: 'commonName', value: `Meras Desk on ${os.hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + validityDays * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: subjectNames() },
    ],
  });
  fs.mkdirSync(path.dirname(files.key), { recursive: true, mode: 0o700 });
  writePrivate(files.key, made.private);
  fs.writeFileSync(files.cert, made.cert, { mode: 0o644 });
  return describe(made.cert, made.private, 'generated');
}

/** The office's own certificate and key (`--tls-cert`, `--tls-key`), checked to belong together. */
export function readProvidedCertificate(certPath: string, keyPath: string): HostCertificate {
  const cert = fs.readFileSync(certPath, 'utf8');
  const key = fs.readFileSync(keyPath, 'utf8');
  const x509 = new X509Certificate(cert);
  if (!x509.checkPrivateKey(createPrivateKey(key))) throw new Error(`The key in ${keyPath} does not belong to the certificate in ${certPath}`);
  return describe(cert, key, 'provided');
}

function describe(cert: string, key: string, source: HostCertificate['source']): HostCertificate {
  const x509 = new X509Certificate(cert);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  return { cert, key, fingerprint256: x509.fingerprint256, spkiSha256: createHash('sha256').update(spki).digest('base64'), source };
}

/** Written to a temporary name with mode 0600 and renamed, so the key is never readable by others, even briefly. */
function writePrivate(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

/** The names and addresses agents may type; browsers still ask, since no authority signed it. */
function subjectNames() {
  const host = os.hostname();
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4')
    .map((a) => a.address);
  return [
    { type: 2 as const, value: 'localhost' },
    { type: 2 as const, value: host },
    { type: 2 as const, value: `${host}.local` },
    ...[...new Set(['127.0.0.1', ...addresses])].map((ip) => ({ type: 7 as const, ip })),
  ];
}
