import type { DigitStyle } from '../../../shared/money';

/**
 * The digits money is shown in. The office's display setting (Latin or Arabic-Indic) belongs to
 * the office settings page (issue 14); until it reaches the renderer, Latin as the rest of the app
 * writes numbers. One function, so wiring the setting changes this file alone.
 */
export function officeDigits(): DigitStyle {
  return 'latn';
}
