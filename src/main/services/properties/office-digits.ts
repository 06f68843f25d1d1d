import type Database from 'better-sqlite3';
import type { DigitStyle } from '../../../shared/money';
import { storedOfficeDisplay } from '../office/office-settings-store';

/** The office's display digits (Settings → Office): Arabic-Indic when set so, Latin otherwise. */
export function officeDigitsOf(sqlite: Database.Database): DigitStyle {
  return storedOfficeDisplay(sqlite).digits;
}
