import type { Page } from '@playwright/test';

/**
 * A few lines on what a failed test's page showed: its address, open dialogs with their text,
 * alerts, field errors and the connection banner. Never throws: the page may be gone.
 */
export async function describePage(page: Page, width = 600): Promise<string> {
  try {
    const found = await page.evaluate(() => {
      const text = (element: Element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
      const pick = (selector: string, label: string) => Array.from(document.querySelectorAll(selector)).map((element) => `${label}: ${text(element)}`);
      return [
        `url: ${location.pathname}${location.search}${location.hash}`,
        ...pick('dialog[open]', 'dialog'),
        ...pick('[role="alert"]', 'alert'),
        ...pick('[data-testid^="field-error-"]', 'field error'),
        ...pick('[role="status"]', 'status'),
      ];
    });
    return found.map((line) => (line.length > width ? `${line.slice(0, width)}…` : line)).join('\n');
  } catch (error) {
    return `(page not readable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}
