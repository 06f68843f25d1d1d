/**
 * Feature dictionaries, merged into ar.ts and en.ts. Each feature file exports `<name>Ar`
 * (the source of its keys, `as const`) and `<name>En: Record<keyof typeof <name>Ar, string>`,
 * so a missing English text fails the typecheck there.
 */
import { activityAr, activityEn } from './activity';
import { branchesAr, branchesEn } from './branches';
import { propertyRecordAr, propertyRecordEn } from './property-record';
import { accessAr, accessEn } from './access';
import { composerGuardAr, composerGuardEn } from './composer-guard';
import { contactsAr, contactsEn } from './contacts';
import { demoAr, demoEn } from './demo';
import { inboxContactAr, inboxContactEn } from './inbox-contact';
import { inboxArchivedAr, inboxArchivedEn } from './inbox-archived';
import { inboxFindAr, inboxFindEn } from './inbox-find';
import { mediaAr, mediaEn } from './media';
import { messageKindsAr, messageKindsEn } from './message-kinds';
import { numbersDisconnectAr, numbersDisconnectEn } from './numbers-disconnect';
import { offlineAr, offlineEn } from './offline';
import { numberStatesAr, numberStatesEn } from './number-states';
import { offersAr, offersEn } from './offers';
import { propertiesAr, propertiesEn } from './properties';
import { propertyPhotosAr, propertyPhotosEn } from './property-photos';
import { templatesAr, templatesEn } from './templates';

export const featureAr = {
  ...activityAr,
  ...templatesAr,
  ...inboxFindAr,
  ...inboxArchivedAr,
  ...contactsAr,
  ...inboxContactAr,
  ...propertiesAr,
  ...mediaAr,
  ...propertyPhotosAr,
  ...messageKindsAr,
  ...numbersDisconnectAr,
  ...offlineAr,
  ...numberStatesAr,
  ...accessAr,
  ...demoAr,
  ...composerGuardAr,
  ...branchesAr,
  ...propertyRecordAr,
  ...offersAr,
} as const;
export const featureEn: Record<keyof typeof featureAr, string> = {
  ...activityEn,
  ...templatesEn,
  ...inboxFindEn,
  ...inboxArchivedEn,
  ...contactsEn,
  ...inboxContactEn,
  ...propertiesEn,
  ...mediaEn,
  ...propertyPhotosEn,
  ...messageKindsEn,
  ...numbersDisconnectEn,
  ...offlineEn,
  ...numberStatesEn,
  ...accessEn,
  ...demoEn,
  ...composerGuardEn,
  ...branchesEn,
  ...propertyRecordEn,
  ...offersEn,
};
