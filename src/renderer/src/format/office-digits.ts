import type { DigitStyle } from '../../../shared/money';
import { useOfficeDisplayStore } from '../stores/office-display-store';

/** The digits money is shown in: the office's display setting (Settings → Office), as last heard from the core. */
export function officeDigits(): DigitStyle {
  return useOfficeDisplayStore.getState().display.digits;
}
