import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** The office is in Saudi Arabia: a number typed without a country code is Saudi. */
export const defaultRegion = 'SA';

/**
 * A phone as the user typed it (05…, 9665…, +966 5…, 00966…) in E.164, or null when it is not
 * a valid number.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  if (parsed?.isValid()) return parsed.number;
  // "9665…" typed without the plus is international, not a Saudi local number.
  if (/^[1-9]\d{7,14}$/.test(trimmed.replace(/[\s()-]/g, ''))) {
    const international = parsePhoneNumberFromString(`+${trimmed.replace(/[\s()-]/g, '')}`);
    if (international?.isValid()) return international.number;
  }
  return null;
}

/**
 * WhatsApp's user digits (international, no plus) in E.164. WhatsApp already validated the
 * account, so a number the metadata does not know yet (a new range) is kept as it is.
 */
export function phoneFromWhatsApp(digits: string): string | null {
  if (!/^\d{6,15}$/.test(digits)) return null;
  // Parsing costs ~20 µs, a tenth of storing a message: a customer who writes again is known.
  let phone = whatsAppPhones.get(digits);
  if (phone === undefined) {
    phone = parsePhoneNumberFromString(`+${digits}`)?.number ?? `+${digits}`;
    if (whatsAppPhones.size >= 10_000) whatsAppPhones.clear();
    whatsAppPhones.set(digits, phone);
  }
  return phone;
}

const whatsAppPhones = new Map<string, string>();

/** E.164 to WhatsApp's chat id for that user. */
export function chatIdForPhone(e164: string): string {
  return `${e164.replace(/^\+/, '')}@c.us`;
}
