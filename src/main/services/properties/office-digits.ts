import type Database from 'better-sqlite3';
import type { DigitStyle } from '../../../shared/money';
import { readSetting } from '../../base/settings';

/** Settings key of the digits numbers are shown in (the office settings page writes it). */
export const officeDigitsKey = 'office.digits';

/** The office's display digits: Arabic-Indic when set so, Latin otherwise. */
export function officeDigitsOf(sqlite: Database.Database): DigitStyle {
  return readSetting(sqlite, officeDigitsKey) === 'arab' ? 'arab' : 'latn';
}
