import type { AppInfo } from '../../shared/app/types';
import type { Handlers } from '../rpc/router';
import { activityHandlers } from '../services/activity/activity-handlers';
import { appHandlers } from '../services/app/app-handlers';
import { backupsHandlers } from '../services/backups/backups-handlers';
import type { BackupService } from '../backups/backup-service';
import { branchesHandlers } from '../services/branches/branches-handlers';
import type { BranchesService } from '../services/branches/branches-service';
import { contactsHandlers } from '../services/contacts/contacts-handlers';
import { dashboardHandlers } from '../services/dashboard/dashboard-handlers';
import type { DashboardService } from '../services/dashboard/dashboard-service';
import { demoHandlers } from '../services/demo/demo-handlers';
import type { DemoService } from '../services/demo/demo-service';
import { integrationsHandlers } from '../services/integrations/integrations-handlers';
import { webhooksHandlers } from '../services/webhooks/webhooks-handlers';
import { automationHandlers } from '../services/automation/automation-handlers';
import { aiHandlers } from '../services/ai/ai-handlers';
import { cloudHandlers, type CloudServices } from '../services/cloud/cloud-handlers';
import type { Ai } from '../services/ai/start-ai';
import type { Automation } from '../services/automation/start-automation';
import type { WebhookEndpoints } from '../services/webhooks/webhook-endpoints';
import type { ApiKeys } from '../services/integrations/api-keys';
import type { ApiSettingsStore } from '../services/integrations/api-settings';
import { inboxHandlers } from '../services/inbox/inbox-handlers';
import { mediaHandlers } from '../services/media/media-handlers';
import { notificationsHandlers } from '../services/notifications/notifications-handlers';
import type { NotificationsService } from '../services/notifications/notifications-service';
import { numbersHandlers } from '../services/numbers/numbers-handlers';
import { desktopHandlers } from '../services/desktop/desktop-handlers';
import type { DesktopService } from '../services/desktop/desktop-service';
import { officeHandlers } from '../services/office/office-handlers';
import type { OfficeService } from '../services/office/office-service';
import type { OfficeTaxService } from '../services/office/office-tax';
import { invoicesHandlers } from '../services/invoices/invoices-handlers';
import type { InvoicesService } from '../services/invoices/invoices-service';
import type { InvoiceDelivery } from '../services/invoices/pdf/invoice-delivery';
import type { InvoiceArchive } from '../services/invoices/archive/invoice-archive';
import { offersHandlers } from '../services/offers/offers-handlers';
import type { OffersService } from '../services/offers/offers-service';
import type { PromotionsService } from '../services/offers/promotions-service';
import { propertiesHandlers } from '../services/properties/properties-handlers';
import { templatesHandlers } from '../services/templates/templates-handlers';
import { usersHandlers } from '../services/users/users-handlers';
import { viewingsHandlers } from '../services/viewings/viewings-handlers';
import type { ViewingsService } from '../services/viewings/viewings-service';
import type { ActivityLog } from '../services/activity/activity-log';
import type { AuthService } from '../services/auth/auth-service';
import type { ProfileService } from '../services/users/profile-service';
import type { UsersService } from '../services/users/users-service';
import type { InboxService } from '../services/inbox/inbox-service';
import type { NumbersService } from '../services/numbers/numbers-service';
import type { TemplatesService } from '../services/templates/templates-service';
import type { PropertiesService } from '../services/properties/properties-service';
import type { ContactsService } from '../services/contacts/contacts-service';
import type { MediaService } from '../services/media/media-service';
import type { PropertyPhotos } from '../services/properties/property-photos';
import type { PropertyCards } from '../services/properties/property-card';

export interface Services {
  auth: AuthService;
  users: UsersService;
  profile: ProfileService;
  activity: ActivityLog;
  numbers: NumbersService;
  inbox: InboxService;
  templates: TemplatesService;
  contacts: ContactsService;
  properties: PropertiesService;
  media: MediaService;
  propertyPhotos: PropertyPhotos;
  propertyCards: PropertyCards;
  viewings: ViewingsService;
  demo: DemoService;
  office: OfficeService;
  officeTax: OfficeTaxService;
  invoices: InvoicesService;
  invoiceDelivery: InvoiceDelivery;
  invoiceArchive: InvoiceArchive;
  desktop: DesktopService;
  backups: BackupService;
  apiKeys: ApiKeys;
  apiSettings: ApiSettingsStore;
  webhooks: WebhookEndpoints;
  automation: Automation;
  ai: Ai;
  branches: BranchesService;
  notifications: NotificationsService;
  offers: OffersService;
  promotions: PromotionsService;
  dashboard: DashboardService;
  cloud: CloudServices;
  appInfo: AppInfo;
}

/**
 * Merges every feature's handler map into the router's: the typecheck fails if a contract
 * channel has no handler. A new feature adds its map here and its services above.
 */
export function createHandlers(s: Services): Handlers {
  return {
    ...usersHandlers(s),
    ...activityHandlers(s),
    ...appHandlers(s),
    ...numbersHandlers(s),
    ...inboxHandlers(s),
    ...mediaHandlers(s),
    ...demoHandlers(s),
    ...templatesHandlers(s),
    ...propertiesHandlers(s),
    ...contactsHandlers(s),
    ...officeHandlers(s),
    ...backupsHandlers(s),
    ...integrationsHandlers(s),
    ...webhooksHandlers(s),
    ...branchesHandlers(s),
    ...notificationsHandlers(s),
    ...viewingsHandlers(s),
    ...offersHandlers(s),
    ...invoicesHandlers(s),
    ...desktopHandlers(s),
    ...automationHandlers(s),
    ...aiHandlers(s),
    ...dashboardHandlers(s),
    ...cloudHandlers(s.cloud),
  };
}
