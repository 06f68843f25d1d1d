import type { z } from 'zod';
import { activityChannels } from './activity/contract';
import { backupsChannels, type BackupsEvents } from './backups/contract';
import { appChannels } from './app/contract';
import { branchesChannels, type BranchesEvents } from './branches/contract';
import { contactsChannels, type ContactsEvents } from './contacts/contract';
import { dashboardChannels } from './dashboard/contract';
import { demoChannels } from './demo/contract';
import { desktopChannels, type DesktopEvents } from './desktop/contract';
import { integrationsChannels } from './integrations/contract';
import { webhooksChannels } from './webhooks/contract';
import { automationChannels, type AutomationEvents } from './automation/contract';
import { aiChannels, type AiEvents } from './ai/contract';
import { cloudChannels, type CloudEvents } from './cloud/contract';
import { inboxChannels, type InboxEvents } from './inbox/contract';
import { mediaChannels } from './media/contract';
import { notificationsChannels, type NotificationsEvents } from './notifications/contract';
import { numbersChannels, type NumbersEvents } from './numbers/contract';
import { officeChannels, type OfficeEvents } from './office/contract';
import { offersChannels, type OffersEvents } from './offers/contract';
import { invoicesChannels, type InvoicesEvents } from './invoices/contract';
import { propertiesChannels, type PropertiesEvents } from './properties/contract';
import { templatesChannels, type TemplatesEvents } from './templates/contract';
import { usersChannels, type UsersEvents } from './users/contract';
import { viewingsChannels, type ViewingsEvents } from './viewings/contract';

export type { Access, CallKind, ChannelDef } from './contract-kit';

/**
 * The one map of every channel (request → response) and every event (core → renderer),
 * merged from the features' slices (`src/shared/<feature>/contract.ts`). The router, the
 * Electron IPC bridge, the WebSocket host and the renderer client are all built from it, so a
 * channel cannot exist in one place and not another. A new feature adds a slice and one line
 * in each list here.
 */
export const channels = {
  ...usersChannels,
  ...activityChannels,
  ...appChannels,
  ...numbersChannels,
  ...inboxChannels,
  ...mediaChannels,
  ...templatesChannels,
  ...propertiesChannels,
  ...contactsChannels,
  ...demoChannels,
  ...officeChannels,
  ...backupsChannels,
  ...integrationsChannels,
  ...webhooksChannels,
  ...branchesChannels,
  ...notificationsChannels,
  ...viewingsChannels,
  ...offersChannels,
  ...invoicesChannels,
  ...desktopChannels,
  ...automationChannels,
  ...aiChannels,
  ...dashboardChannels,
  ...cloudChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Channels[C]['output']>;

/** Events pushed from the core to open windows. */
export interface Events extends UsersEvents, NumbersEvents, InboxEvents, TemplatesEvents, PropertiesEvents, ContactsEvents, BranchesEvents, OfficeEvents, NotificationsEvents, BackupsEvents, ViewingsEvents, OffersEvents, InvoicesEvents, DesktopEvents, AutomationEvents, AiEvents, CloudEvents {}
export type EventName = keyof Events;
