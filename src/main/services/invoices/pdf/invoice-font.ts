import fs from 'node:fs';
import path from 'node:path';

/** The Arabic font the PDF embeds: IBM Plex Sans Arabic, the renderer's own, in its Arabic and Latin subsets. */
export interface InvoiceFontFiles {
  arabic400: Buffer;
  arabic700: Buffer;
  latin400: Buffer;
  latin700: Buffer;
}

const names = {
  arabic400: 'ibm-plex-sans-arabic-arabic-400-normal',
  arabic700: 'ibm-plex-sans-arabic-arabic-700-normal',
  latin400: 'ibm-plex-sans-arabic-latin-400-normal',
  latin700: 'ibm-plex-sans-arabic-latin-700-normal',
} as const;

/**
 * The font files as the renderer bundles them (`<rendererDir>/assets/<name>-<hash>.woff2`, what
 * both shells serve), else from the @fontsource package (development, tests). Read once.
 */
export function invoiceFontFiles(rendererDir: string | undefined): InvoiceFontFiles {
  const assets = rendererDir ? path.join(rendererDir, 'assets') : null;
  const listed = assets && fs.existsSync(assets) ? fs.readdirSync(assets) : [];
  const read = (name: string): Buffer => {
    const bundled = listed.find((file) => file.startsWith(`${name}-`) && file.endsWith('.woff2'));
    if (bundled && assets) return fs.readFileSync(path.join(assets, bundled));
    return fs.readFileSync(require.resolve(`@fontsource/ibm-plex-sans-arabic/files/${name}.woff2`));
  };
  return { arabic400: read(names.arabic400), arabic700: read(names.arabic700), latin400: read(names.latin400), latin700: read(names.latin700) };
}
