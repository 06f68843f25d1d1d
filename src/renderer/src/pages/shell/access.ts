import type { ChannelName } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain';
import type { Route } from '../../stores/route-store';

const everyone: readonly Role[] = ['admin', 'supervisor', 'agent'];

/**
 * Which roles see which page, mirroring the contract's access lists so the menu shows only
 * what will work. The core is the real guard: a hidden page is still refused there.
 */
const pageAccess: Record<Route, { roles: readonly Role[]; channel: ChannelName }> = {
  inbox: { roles: everyone, channel: 'conversations.list' },
  // Agents see their numbers and their own figures; the core scopes them (issue 17).
  dashboard: { roles: everyone, channel: 'dashboard.summary' },
  contacts: { roles: everyone, channel: 'contacts.list' },
  properties: { roles: everyone, channel: 'properties.list' },
  calendar: { roles: everyone, channel: 'viewings.calendar' },
  offers: { roles: everyone, channel: 'offers.list' },
  invoices: { roles: everyone, channel: 'invoices.list' },
  templates: { roles: everyone, channel: 'templates.list' },
  // Agents read the rules touching their numbers; the core filters them (issue 15).
  automation: { roles: everyone, channel: 'automation.listRules' },
  // Admins set the AI up, supervisors read it; agents meet it in their conversations (issue 16).
  ai: { roles: ['admin', 'supervisor'], channel: 'ai.getConfig' },
  numbers: { roles: everyone, channel: 'numbers.list' },
  users: { roles: ['admin', 'supervisor'], channel: 'users.list' },
  branches: { roles: ['admin'], channel: 'branches.create' },
  activity: { roles: ['admin', 'supervisor'], channel: 'activity.list' },
  office: { roles: ['admin'], channel: 'office.get' },
  backups: { roles: ['admin'], channel: 'backups.list' },
  desktop: { roles: ['admin'], channel: 'desktop.settings' },
  integrations: { roles: ['admin'], channel: 'apiKeys.list' },
  // Issue 19: linking Cloud API numbers and reaching the desk from Meta, admins only.
  cloud: { roles: ['admin'], channel: 'cloud.connection' },
  profile: { roles: everyone, channel: 'auth.state' },
};

export const canSee = (role: Role, route: Route): boolean => pageAccess[route].roles.includes(role);
export const pageChannel = (route: Route): ChannelName => pageAccess[route].channel;
/** Everyone lands on the inbox: answering customers is what the app is for. */
export const defaultRoute = (_role: Role): Route => 'inbox';
/** Only admins change other users. */
export const canManageUsers = (role: Role): boolean => role === 'admin';
/** Only admins add, link and remove WhatsApp numbers; everyone else sees them read-only. */
export const canManageNumbers = (role: Role): boolean => role === 'admin';
/** Admins and supervisors write the office's templates; agents use them. */
export const canManageTemplates = (role: Role): boolean => role === 'admin' || role === 'supervisor';
/** Only admins and supervisors take back an accepted offer, and keep the office's promotions. */
export const canUndoAcceptance = (role: Role): boolean => role === 'admin' || role === 'supervisor';
export const canManagePromotions = (role: Role): boolean => role === 'admin' || role === 'supervisor';
/** Admins and supervisors keep the office's properties catalogue; agents read it and record interests. */
export const canManageProperties = (role: Role): boolean => role === 'admin' || role === 'supervisor';
/** Only admins write automation rules; admins and supervisors read their stats and jobs. */
export const canManageAutomation = (role: Role): boolean => role === 'admin';
export const canSeeAutomationStats = (role: Role): boolean => role === 'admin' || role === 'supervisor';
/** Only admins set the AI responder up and try it in the console; supervisors read its settings, stats and logs. */
export const canManageAi = (role: Role): boolean => role === 'admin';
/** Importing and exporting the whole customer list is for admins and supervisors. */
export const canTransferContacts = (role: Role): boolean => role === 'admin' || role === 'supervisor';
/** Choosing a number's owner needs the user list, which admins and supervisors may read. */
export const canListUsers = (role: Role): boolean => role === 'admin' || role === 'supervisor';
/** Agents draft invoices; supervisors and admins issue them and record payments. */
export const canIssueInvoices = (role: Role): boolean => role === 'admin' || role === 'supervisor';
