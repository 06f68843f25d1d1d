/**
 * Feature dictionaries, merged into ar.ts and en.ts. Each feature file exports `<name>Ar`
 * (the source of its keys, `as const`) and `<name>En: Record<keyof typeof <name>Ar, string>`,
 * so a missing English text fails the typecheck there.
 */
import { composerGuardAr, composerGuardEn } from './composer-guard';
import { contactsAr, contactsEn } from './contacts';
import { demoAr, demoEn } from './demo';
import { inboxContactAr, inboxContactEn } from './inbox-contact';
import { inboxFindAr, inboxFindEn } from './inbox-find';
import { mediaAr, mediaEn } from './media';
import { messageKindsAr, messageKindsEn } from './message-kinds';
import { propertiesAr, propertiesEn } from './properties';
import { propertyPhotosAr, propertyPhotosEn } from './property-photos';
import { templatesAr, templatesEn } from './templates';

export const featureAr = {
  ...templatesAr,
  ...inboxFindAr,
  ...contactsAr,
  ...inboxContactAr,
  ...propertiesAr,
  ...mediaAr,
  ...propertyPhotosAr,
  ...messageKindsAr,
  ...demoAr,
  ...composerGuardAr,
} as const;
export const featureEn: Record<keyof typeof featureAr, string> = {
  ...templatesEn,
  ...inboxFindEn,
  ...contactsEn,
  ...inboxContactEn,
  ...propertiesEn,
  ...mediaEn,
  ...propertyPhotosEn,
  ...messageKindsEn,
  ...demoEn,
  ...composerGuardEn,
};
