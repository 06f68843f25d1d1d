import { create } from 'zustand';
import { defaultOfficeHours } from '../../../shared/calendar/office-hours';
import type { OfficeDisplay } from '../../../shared/office/types';

/**
 * How the office shows dates and numbers (its zone, digits, calendar), as Settings → Office
 * says. Until the core answers, the setting's own defaults (the same the core applies when the
 * office has saved nothing).
 */
export const initialOfficeDisplay: OfficeDisplay = {
  timeZone: defaultOfficeHours.timeZone,
  digits: 'latn',
  calendar: 'gregory',
  workingDays: defaultOfficeHours.workingDays,
  holidays: [],
  nameAr: '',
  nameEn: '',
  phone: '',
};

interface OfficeDisplayState {
  display: OfficeDisplay;
  /** False until the core has answered for this session. */
  loaded: boolean;
  set(display: OfficeDisplay): void;
  reset(): void;
}

export const useOfficeDisplayStore = create<OfficeDisplayState>()((set) => ({
  display: initialOfficeDisplay,
  loaded: false,
  set: (display) => set({ display, loaded: true }),
  reset: () => set({ display: initialOfficeDisplay, loaded: false }),
}));
