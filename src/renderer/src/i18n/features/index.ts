/**
 * Feature dictionaries, merged into ar.ts and en.ts. Each feature file exports `<name>Ar`
 * (the source of its keys, `as const`) and `<name>En: Record<keyof typeof <name>Ar, string>`,
 * so a missing English text fails the typecheck there.
 */
import { activityAr, activityEn } from './activity';
import { aiAr, aiEn } from './ai';
import { activityDealsAr, activityDealsEn } from './activity-deals';
import { activityChainAr, activityChainEn } from './activity-chain';
import { automationAr, automationEn } from './automation';
import { activityAutomationJobsAr, activityAutomationJobsEn } from './activity-automation-jobs';
import { backupsAr, backupsEn } from './backups';
import { branchesAr, branchesEn } from './branches';
import { propertyRecordAr, propertyRecordEn } from './property-record';
import { accessAr, accessEn } from './access';
import { automationRefusalsAr, automationRefusalsEn } from './automation-refusals';
import { composerGuardAr, composerGuardEn } from './composer-guard';
import { contactsAr, contactsEn } from './contacts';
import { dashboardAr, dashboardEn } from './dashboard';
import { contactPreferencesAr, contactPreferencesEn } from './contact-preferences';
import { demoAr, demoEn } from './demo';
import { desktopAr, desktopEn } from './desktop';
import { inboxContactAr, inboxContactEn } from './inbox-contact';
import { inboxArchivedAr, inboxArchivedEn } from './inbox-archived';
import { inboxFindAr, inboxFindEn } from './inbox-find';
import { mediaAr, mediaEn } from './media';
import { messageKindsAr, messageKindsEn } from './message-kinds';
import { notificationsAr, notificationsEn } from './notifications';
import { numbersDisconnectAr, numbersDisconnectEn } from './numbers-disconnect';
import { offlineAr, offlineEn } from './offline';
import { officeAr, officeEn } from './office';
import { numberStatesAr, numberStatesEn } from './number-states';
import { offersAr, offersEn } from './offers';
import { invoicesAr, invoicesEn } from './invoices';
import { activityInvoicesAr, activityInvoicesEn } from './activity-invoices';
import { activityAiAr, activityAiEn } from './activity-ai';
import { invoiceArchiveAr, invoiceArchiveEn } from './invoice-archive';
import { propertiesAr, propertiesEn } from './properties';
import { propertyPhotosAr, propertyPhotosEn } from './property-photos';
import { templatesAr, templatesEn } from './templates';
import { integrationsAr, integrationsEn } from './integrations';
import { viewingsAr, viewingsEn } from './viewings';
import { webhooksAr, webhooksEn } from './webhooks';
import { cloudAr, cloudEn } from './cloud';

export const featureAr = {
  ...cloudAr,
  ...activityAr,
  ...activityDealsAr,
  ...activityChainAr,
  ...activityAutomationJobsAr,
  ...templatesAr,
  ...inboxFindAr,
  ...inboxArchivedAr,
  ...contactsAr,
  ...contactPreferencesAr,
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
  ...officeAr,
  ...backupsAr,
  ...desktopAr,
  ...integrationsAr,
  ...branchesAr,
  ...propertyRecordAr,
  ...notificationsAr,
  ...viewingsAr,
  ...offersAr,
  ...dashboardAr,
  ...invoicesAr,
  ...activityInvoicesAr,
  ...activityAiAr,
  ...invoiceArchiveAr,
  ...webhooksAr,
  ...automationAr,
  ...automationRefusalsAr,
  ...aiAr,
} as const;
export const featureEn: Record<keyof typeof featureAr, string> = {
  ...cloudEn,
  ...activityEn,
  ...activityDealsEn,
  ...activityChainEn,
  ...activityAutomationJobsEn,
  ...templatesEn,
  ...inboxFindEn,
  ...inboxArchivedEn,
  ...contactsEn,
  ...contactPreferencesEn,
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
  ...officeEn,
  ...backupsEn,
  ...desktopEn,
  ...integrationsEn,
  ...branchesEn,
  ...propertyRecordEn,
  ...notificationsEn,
  ...viewingsEn,
  ...offersEn,
  ...dashboardEn,
  ...invoicesEn,
  ...activityInvoicesEn,
  ...activityAiEn,
  ...invoiceArchiveEn,
  ...webhooksEn,
  ...automationEn,
  ...automationRefusalsEn,
  ...aiEn,
};
