import type { ChannelName, EventName } from './contract';
import { activityChannelNames, activityEventNames } from './activity/names';
import { backupsChannelNames, backupsEventNames } from './backups/names';
import { appChannelNames, appEventNames } from './app/names';
import { branchesChannelNames, branchesEventNames } from './branches/names';
import { contactsChannelNames, contactsEventNames } from './contacts/names';
import { dashboardChannelNames } from './dashboard/names';
import { demoChannelNames, demoEventNames } from './demo/names';
import { integrationsChannelNames, integrationsEventNames } from './integrations/names';
import { webhooksChannelNames, webhooksEventNames } from './webhooks/names';
import { automationChannelNames, automationEventNames } from './automation/names';
import { aiChannelNames, aiEventNames } from './ai/names';
import { cloudChannelNames, cloudEventNames } from './cloud/names';
import { inboxChannelNames, inboxEventNames } from './inbox/names';
import { mediaChannelNames, mediaEventNames } from './media/names';
import { notificationsChannelNames, notificationsEventNames } from './notifications/names';
import { numbersChannelNames, numbersEventNames } from './numbers/names';
import { desktopChannelNames, desktopEventNames } from './desktop/names';
import { officeChannelNames, officeEventNames } from './office/names';
import { offersChannelNames, offersEventNames } from './offers/names';
import { invoicesChannelNames, invoicesEventNames } from './invoices/names';
import { propertiesChannelNames, propertiesEventNames } from './properties/names';
import { templatesChannelNames, templatesEventNames } from './templates/names';
import { usersChannelNames, usersEventNames } from './users/names';
import { viewingsChannelNames, viewingsEventNames } from './viewings/names';

/**
 * The contract's channel and event names as plain lists, without zod: the preload and the
 * renderer need the names at run time but not the schemas. Type-only imports keep this file
 * free of the contract's code, and the checks below fail the typecheck if a name is missing,
 * extra or misspelt.
 */
export const channelNames = [
  ...usersChannelNames,
  ...activityChannelNames,
  ...appChannelNames,
  ...numbersChannelNames,
  ...inboxChannelNames,
  ...mediaChannelNames,
  ...templatesChannelNames,
  ...propertiesChannelNames,
  ...contactsChannelNames,
  ...demoChannelNames,
  ...officeChannelNames,
  ...backupsChannelNames,
  ...integrationsChannelNames,
  ...webhooksChannelNames,
  ...branchesChannelNames,
  ...notificationsChannelNames,
  ...viewingsChannelNames,
  ...offersChannelNames,
  ...invoicesChannelNames,
  ...desktopChannelNames,
  ...automationChannelNames,
  ...aiChannelNames,
  ...dashboardChannelNames,
  ...cloudChannelNames,
] as const satisfies readonly ChannelName[];

export const eventNames = [
  ...usersEventNames,
  ...activityEventNames,
  ...appEventNames,
  ...numbersEventNames,
  ...inboxEventNames,
  ...mediaEventNames,
  ...templatesEventNames,
  ...propertiesEventNames,
  ...contactsEventNames,
  ...demoEventNames,
  ...officeEventNames,
  ...backupsEventNames,
  ...integrationsEventNames,
  ...webhooksEventNames,
  ...branchesEventNames,
  ...notificationsEventNames,
  ...viewingsEventNames,
  ...offersEventNames,
  ...invoicesEventNames,
  ...desktopEventNames,
  ...automationEventNames,
  ...aiEventNames,
  ...cloudEventNames,
] as const satisfies readonly EventName[];

type Missing<All, Listed> = Exclude<All, Listed>;
const everyChannelListed: Missing<ChannelName, (typeof channelNames)[number]> extends never ? true : never = true;
const everyEventListed: Missing<EventName, (typeof eventNames)[number]> extends never ? true : never = true;
void everyChannelListed;
void everyEventListed;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && (channelNames as readonly string[]).includes(name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}
