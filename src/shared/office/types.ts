import type { Holiday, Shift } from '../calendar/office-hours';

/** How digits are written on screen: Latin (0-9) or Arabic-Indic (٠-٩), Intl's `numberingSystem`. */
export const officeDigits = ['latn', 'arab'] as const;
export type OfficeDigits = (typeof officeDigits)[number];

/** Which calendar dates are shown in: Gregorian, Hijri (Umm al-Qura), or Hijri beside Gregorian. */
export const officeCalendars = ['gregory', 'islamic-umalqura', 'both'] as const;
export type OfficeCalendarKind = (typeof officeCalendars)[number];

/** The office as registered: what goes on letters, property cards and templates. */
export interface OfficeProfile {
  legalNameAr: string;
  legalNameEn: string;
  /** Commercial registration (السجل التجاري). */
  crNumber: string;
  /** REGA's FAL brokerage licence (رخصة فال). */
  falLicenceNumber: string;
  nationalAddress: string;
  /** E.164, or '' when not set. */
  phone: string;
}

/** The office's week in its zone, and how fast it means to answer. */
export interface OfficeWeek {
  timeZone: string;
  /** Sunday = 0 … Saturday = 6. */
  workingDays: number[];
  shifts: Shift[];
  holidays: Holiday[];
  responseTargetMinutes: number;
}

export interface OfficeDisplaySettings {
  digits: OfficeDigits;
  calendar: OfficeCalendarKind;
}

/** Everything an admin edits on Settings → Office. */
export interface OfficeSettings {
  profile: OfficeProfile;
  hours: OfficeWeek;
  display: OfficeDisplaySettings;
}

/**
 * What every signed-in window needs to show the office's dates, numbers and week: its zone,
 * digits and calendar, working days and holidays (to shade a calendar), its names and phone.
 */
export interface OfficeDisplay extends OfficeDisplaySettings {
  timeZone: string;
  workingDays: number[];
  holidays: Holiday[];
  nameAr: string;
  nameEn: string;
  phone: string;
}

/** "Open now, closes at …" or "closed, opens at …", as the office calendar answers for now. */
export interface OfficeStatus {
  now: string;
  isOpen: boolean;
  /** When the shift open now ends; null when closed. */
  closesAt: string | null;
  /** When the office next opens; null when open now or when it never opens. */
  nextOpening: string | null;
  /** Today's office day (YYYY-MM-DD) and its holiday's name, if it is one. */
  officeDay: string;
  holiday: string | null;
}
