/**
 * Turns the invoice's HTML into an A4 PDF. Two implementations print with Chromium: headless
 * Chromium for the host (chromium-printer.ts) and Electron's `printToPDF` in a hidden window on
 * the desktop (src/main/electron/electron-printer.ts). Both wait for the embedded font before
 * printing, so no page comes out in a fallback face.
 */
export interface InvoicePrinter {
  printPdf(html: string, fontFamily: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** The fonts are awaited in the page, then checked: a font that failed to load stops the print. */
export const fontsReadyScript = (fontFamily: string) =>
  `document.fonts.ready.then(() => Promise.all([document.fonts.load("400 12px '${fontFamily}'", "ع"), document.fonts.load("700 12px '${fontFamily}'", "ع")])).then(() => document.fonts.check("12px '${fontFamily}'", "ع"))`;
