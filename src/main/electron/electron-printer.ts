import { BrowserWindow } from 'electron';
import { fontsReadyScript, type InvoicePrinter } from '../services/invoices/pdf/invoice-printer';

/**
 * The desktop's invoice printer: Electron's own Chromium, `printToPDF` in a hidden window that
 * runs no Node and no preload. Fonts are awaited before printing, as on the host.
 */
export function electronPrinter(): InvoicePrinter {
  return {
    async printPdf(html, fontFamily) {
      const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true } });
      try {
        await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        const loaded = (await window.webContents.executeJavaScript(fontsReadyScript(fontFamily))) as boolean;
        if (!loaded) throw new Error(`The invoice font ${fontFamily} did not load`);
        return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        window.destroy();
      }
    },
    close: () => Promise.resolve(),
  };
}
