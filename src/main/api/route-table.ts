import { z } from 'zod';
import type { ChannelName, ChannelOutput } from '../../shared/contract';
import { conversationStatuses } from '../../shared/domain';
import type { ApiScope } from '../../shared/integrations/types';
import { conversationSorts } from '../../shared/inbox/schemas';
import { templateCategories } from '../../shared/templates/types';
import { offerStatuses } from '../../shared/offers/types';
import { calendarSpans } from '../../shared/viewings/types';
import { automationTriggers, statsPeriods } from '../../shared/automation/types';
import { aiStatsPeriods } from '../../shared/ai/types';
import { dashboardPresets, drillFigures } from '../../shared/dashboard/types';

/**
 * The REST surface (seed 003's `/api/v1/whatsapp`): each route is a contract channel plus how
 * the URL, query and body map onto its input. Validation, access (the key's owner as caller),
 * and the work itself are the contract's, exactly as for IPC and the WebSocket; nothing here
 * re-implements a service. The OpenAPI document is generated from this table and the
 * channels' zod schemas (`openapi.ts`), so the two cannot drift.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Runs a contract channel as the key's owner; throws the contract's error (as an HttpFailure). */
export type CallChannel = <C extends ChannelName>(channel: C, input: unknown) => Promise<ChannelOutput<C>>;

export interface RouteRequest {
  params: Record<string, number>;
  query: Record<string, unknown>;
  /** The JSON body (an object), or the multipart form's fields. */
  body: Record<string, unknown>;
  files: File[];
}

export interface Route {
  method: Method;
  /** Under `/api/v1/whatsapp`, `:name` for an integer path parameter. */
  path: string;
  /** The contract channel the route serves (its input schema documents the body). */
  channel: ChannelName;
  scope: ApiScope;
  summary: string;
  /** 201 for what creates. */
  status?: 200 | 201;
  /** Query parameters, as strings from the URL, coerced by this schema before mapping. */
  query?: z.ZodObject;
  /** The body is read and handed to `input`; `multipart` also takes multipart/form-data. */
  body?: 'json' | 'multipart';
  /** A message send: Idempotency-Key and the per-number daily limit apply. */
  send?: boolean;
  /** The path parameter naming a WhatsApp number: a key limited to other numbers is refused. */
  numberParam?: string;
  /** Creates a number: a key limited to some numbers may not. */
  unlimitedKeyOnly?: boolean;
  /** The channel's input, from the request. */
  input: (r: RouteRequest) => unknown;
  /** Routes that compose more than one call, or shape seed 003's `meta` (or its `message`, as a delete answers). */
  run?: (r: RouteRequest, call: CallChannel) => Promise<{ data: unknown; meta?: Record<string, unknown>; message?: string }>;
}

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const int = (max: number) => z.coerce.number().int().min(1).max(max);

const conversationQuery = z
  .object({
    numberId: int(2 ** 31).optional(),
    status: z.enum(['all', ...conversationStatuses]).optional(),
    starred: flag.optional(),
    unread: flag.optional(),
    archived: flag.optional(),
    search: z.string().max(100).optional(),
    /** An agent's id, `me` or `unassigned`. */
    assignedAgentId: z.union([z.enum(['me', 'unassigned']), z.coerce.number().int().positive()]).optional(),
    sortBy: z.enum(conversationSorts).optional(),
    sortOrder: z.enum(['asc', 'desc']).optional(),
    /** Seed 003's page numbers; deep pages are walked by cursor, so use `cursor` (meta.next) past the first pages. */
    page: int(50).optional(),
    limit: int(100).optional(),
    cursor: z.string().max(500).optional(),
  })
  .strict();

const messageQuery = z
  .object({
    limit: int(200).optional(),
    /** A message id: the page of messages before it (infinite scroll). */
    before: int(2 ** 53 - 1).optional(),
    /** A message id: the messages stored after it (catching up). */
    after: int(2 ** 53 - 1).optional(),
  })
  .strict();

const templateQuery = z
  .object({ category: z.enum(templateCategories).optional(), isActive: flag.optional(), search: z.string().max(100).optional() })
  .strict();

const contactQuery = z
  .object({ search: z.string().max(200).optional(), tag: z.string().max(100).optional(), dueToday: flag.optional(), limit: int(200).optional(), cursor: z.string().max(500).optional() })
  .strict();

/** A range of the calendar (the office's days), as the Calendar page reads it. */
const viewingQuery = z
  .object({ span: z.enum(calendarSpans).optional(), anchor: z.string().max(10).optional(), agentId: z.coerce.number().int().positive().optional() })
  .strict();

const offerQuery = z
  .object({
    status: z.enum(offerStatuses).optional(),
    propertyId: int(2 ** 31).optional(),
    conversationId: int(2 ** 31).optional(),
    agentId: int(2 ** 31).optional(),
    /** `meta.next` of the previous page: the offers older than it. */
    before: int(2 ** 31).optional(),
    limit: int(200).optional(),
  })
  .strict();
/** Seed 003's `numberId`: a number's id, or `null` for the rules that apply to every number. */
const ruleNumber = z.union([z.literal('null').transform(() => null), int(2 ** 31)]);
const ruleQuery = z.object({ numberId: ruleNumber.optional(), isActive: flag.optional(), trigger: z.enum(automationTriggers).optional() }).strict();
const statsQuery = z.object({ numberId: int(2 ** 31).optional(), period: z.enum(statsPeriods).optional() }).strict();

const aiStatsQuery = z.object({ numberId: int(2 ** 31).optional(), period: z.enum(aiStatsPeriods).optional() }).strict();

/** The dashboard's range and filters (office days YYYY-MM-DD for `custom`); the channel checks the range itself. */
const dashboardRange = {
  preset: z.enum(dashboardPresets).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  numberId: int(2 ** 31).optional(),
  branchId: int(2 ** 31).optional(),
  agentId: int(2 ** 31).optional(),
};
const dashboardQuery = z.object(dashboardRange).strict();
const drillDownQuery = z.object({ ...dashboardRange, figure: z.enum(drillFigures), repliedBy: int(2 ** 31).optional(), limit: int(500).optional() }).strict();

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function drillDownInput(q: Record<string, unknown>) {
  const { figure, repliedBy, limit, ...range } = q;
  return defined({ query: defined(range), figure, repliedBy, limit });
}

function conversationListInput(q: Record<string, unknown>, cursor?: string) {
  return defined({
    whatsappNumberId: q.numberId,
    status: q.status === 'all' ? undefined : q.status,
    starred: q.starred,
    unread: q.unread,
    archived: q.archived,
    search: q.search,
    assignedTo: q.assignedAgentId,
    sortBy: q.sortBy,
    sortOrder: q.sortOrder,
    limit: q.limit ?? 20,
    cursor: cursor ?? q.cursor,
  });
}

/** The body with the path's ids laid over it, so a body cannot point the call elsewhere. */
const withParams = (r: RouteRequest) => ({ ...r.body, ...r.params });

export const routes: Route[] = [
  // 1. WhatsApp numbers
  {
    method: 'GET', path: '/numbers', channel: 'numbers.list', scope: 'read', summary: 'The WhatsApp numbers the key may see',
    input: () => ({}),
    run: async (_r, call) => {
      const data = await call('numbers.list', {});
      return { data, meta: { total: data.length } };
    },
  },
  { method: 'GET', path: '/numbers/:id', channel: 'numbers.get', scope: 'read', summary: 'One number with its stats', numberParam: 'id', input: (r) => r.params },
  { method: 'POST', path: '/numbers', channel: 'numbers.create', scope: 'manage', status: 201, summary: 'Add a WhatsApp number (linked afterwards by QR)', body: 'json', unlimitedKeyOnly: true, input: (r) => r.body },
  { method: 'PUT', path: '/numbers/:id', channel: 'numbers.update', scope: 'manage', summary: 'Rename a number, change its owner or daily quota', body: 'json', numberParam: 'id', input: withParams },
  { method: 'POST', path: '/numbers/:id/connect', channel: 'numbers.connect', scope: 'manage', summary: 'Start the number\'s WhatsApp session; `connection.qr` carries the QR to scan', body: 'json', numberParam: 'id', input: withParams },
  { method: 'POST', path: '/numbers/:id/disconnect', channel: 'numbers.disconnect', scope: 'manage', summary: 'Stop the session, keeping the link', numberParam: 'id', input: (r) => r.params },
  { method: 'DELETE', path: '/numbers/:id', channel: 'numbers.remove', scope: 'manage', summary: 'Log the number out and remove it (its conversations stay)', numberParam: 'id', input: (r) => r.params },

  // 2. Conversations
  {
    method: 'GET', path: '/conversations', channel: 'conversations.list', scope: 'read', query: conversationQuery,
    summary: 'Conversations, filtered, searched and sorted; `page`/`limit` or `cursor`',
    input: (r) => conversationListInput(r.query),
    run: async (r, call) => {
      const page = (r.query.page as number | undefined) ?? 1;
      let cursor: string | undefined;
      let result = await call('conversations.list', conversationListInput(r.query));
      // Keyset pages underneath: page n is reached by following n − 1 cursors.
      for (let n = 1; n < page && !r.query.cursor; n++) {
        cursor = result.meta.next ?? undefined;
        if (!cursor) {
          result = { data: [], meta: { ...result.meta, next: null } };
          break;
        }
        result = await call('conversations.list', conversationListInput(r.query, cursor));
      }
      const { limit, next, ...rest } = result.meta;
      return { data: result.data, meta: { page: r.query.cursor ? null : page, limit, hasNextPage: next !== null, hasPrevPage: !r.query.cursor && page > 1, next, ...rest } };
    },
  },
  {
    method: 'GET', path: '/conversations/:id', channel: 'conversations.get', scope: 'read', summary: 'One conversation with its property interests',
    input: (r) => r.params,
    run: async (r, call) => {
      const conversation = await call('conversations.get', r.params);
      const propertyInterests = await call('conversations.interests', { conversationId: r.params.id });
      return { data: { ...conversation, propertyInterests } };
    },
  },
  { method: 'PATCH', path: '/conversations/:id', channel: 'conversations.update', scope: 'manage', summary: 'Star, archive, change status, mark unread', body: 'json', input: withParams },
  { method: 'POST', path: '/conversations/:id/assign', channel: 'conversations.assign', scope: 'manage', summary: 'Assign or transfer to an agent (`agentId`, null to unassign)', body: 'json', input: withParams },
  { method: 'POST', path: '/conversations/:id/read', channel: 'conversations.markRead', scope: 'send', summary: 'Mark every message read', input: (r) => r.params },
  {
    method: 'POST', path: '/conversations/:id/star', channel: 'conversations.update', scope: 'manage', summary: 'Toggle the star',
    input: (r) => r.params,
    run: async (r, call) => {
      const current = await call('conversations.get', r.params);
      return { data: await call('conversations.update', { id: r.params.id, isStarred: !current.isStarred }) };
    },
  },

  // 3. Messages
  {
    method: 'GET', path: '/conversations/:id/messages', channel: 'messages.list', scope: 'read', query: messageQuery, summary: 'Messages, oldest first; `before`/`after` a message id',
    input: (r) => defined({ conversationId: r.params.id, limit: r.query.limit, beforeId: r.query.before, afterId: r.query.after }),
    run: async (r, call) => {
      const data = await call('messages.list', defined({ conversationId: r.params.id, limit: r.query.limit, beforeId: r.query.before, afterId: r.query.after }));
      return { data, meta: { limit: (r.query.limit as number | undefined) ?? 50, count: data.length } };
    },
  },
  {
    method: 'POST', path: '/conversations/:id/messages', channel: 'messages.send', scope: 'send', status: 201, body: 'multipart', send: true,
    summary: 'Send a text, or a file with a caption (multipart/form-data: `content`, `attachments`); queued at once, `message.status` follows',
    input: (r) => ({ ...r.body, conversationId: r.params.id }),
  },
  {
    method: 'POST', path: '/conversations/:id/messages/template', channel: 'messages.sendTemplate', scope: 'send', status: 201, body: 'json', send: true,
    summary: 'Send a template with its variables filled',
    input: (r) => ({ ...r.body, conversationId: r.params.id }),
  },

  // 4. Templates
  {
    method: 'GET', path: '/templates', channel: 'templates.list', scope: 'read', query: templateQuery, summary: 'Message templates',
    input: (r) => defined(r.query),
    run: async (r, call) => {
      const data = await call('templates.list', defined(r.query));
      return { data, meta: { total: data.length, categories: [...new Set(data.map((t) => t.category))] } };
    },
  },
  { method: 'POST', path: '/templates', channel: 'templates.create', scope: 'manage', status: 201, summary: 'Create a template', body: 'json', input: (r) => r.body },
  { method: 'PUT', path: '/templates/:id', channel: 'templates.update', scope: 'manage', summary: 'Change a template', body: 'json', input: withParams },
  { method: 'DELETE', path: '/templates/:id', channel: 'templates.delete', scope: 'manage', summary: 'Delete a template', input: (r) => r.params },

  // 5. Automation rules
  {
    method: 'GET', path: '/automation/rules', channel: 'automation.listRules', scope: 'read', query: ruleQuery,
    summary: 'Automation rules; `numberId` (`null`: the every-number rules), `isActive`, `trigger`; meta counts active and inactive',
    input: (r) => defined(r.query),
    run: async (r, call) => {
      const list = await call('automation.listRules', defined(r.query));
      return { data: list.data, meta: list.meta };
    },
  },
  { method: 'GET', path: '/automation/rules/:id', channel: 'automation.getRule', scope: 'read', summary: 'One automation rule with its template', input: (r) => r.params },
  { method: 'POST', path: '/automation/rules', channel: 'automation.createRule', scope: 'manage', status: 201, summary: 'Create an automation rule (admins)', body: 'json', input: (r) => r.body },
  { method: 'PUT', path: '/automation/rules/:id', channel: 'automation.updateRule', scope: 'manage', summary: 'Change an automation rule (admins)', body: 'json', input: withParams },
  {
    method: 'PATCH', path: '/automation/rules/:id/toggle', channel: 'automation.toggleRule', scope: 'manage', summary: 'Switch a rule on or off (admins); answers `{ id, isActive, updatedAt }`',
    input: (r) => r.params,
    run: async (r, call) => {
      const rule = await call('automation.toggleRule', r.params);
      return { data: { id: rule.id, isActive: rule.isActive, updatedAt: rule.updatedAt } };
    },
  },
  {
    method: 'DELETE', path: '/automation/rules/:id', channel: 'automation.deleteRule', scope: 'manage', summary: 'Delete an automation rule (admins); its pending jobs are cancelled',
    input: (r) => r.params,
    run: async (r, call) => ({ data: await call('automation.deleteRule', r.params), message: 'Automation rule deleted successfully' }),
  },
  {
    method: 'GET', path: '/automation/stats', channel: 'automation.stats', scope: 'read', query: statsQuery,
    summary: 'Automation statistics (supervisors and admins): `numberId`, `period` 24h, 7d or 30d (24h unless given)',
    input: (r) => defined(r.query),
  },

  // Seed 003 §6: the AI responder
  {
    method: 'GET', path: '/ai/config/:numberId', channel: 'ai.getConfig', scope: 'read', numberParam: 'numberId',
    summary: 'A number\'s AI responder settings (supervisors and admins); the seed\'s defaults (`id` null) until saved',
    input: (r) => ({ numberId: r.params.numberId }),
  },
  {
    method: 'PUT', path: '/ai/config/:numberId', channel: 'ai.saveConfig', scope: 'manage', numberParam: 'numberId', body: 'json',
    summary: 'Update or create a number\'s AI responder settings (admins); fields left out keep their value',
    input: (r) => ({ ...r.body, numberId: r.params.numberId }),
  },
  {
    method: 'PATCH', path: '/ai/config/:numberId/toggle', channel: 'ai.toggleConfig', scope: 'manage', numberParam: 'numberId',
    summary: 'Switch a number\'s AI responder on or off (admins); answers `{ whatsappNumberId, enabled, updatedAt }`',
    input: (r) => ({ numberId: r.params.numberId }),
  },
  {
    method: 'GET', path: '/ai/stats', channel: 'ai.stats', scope: 'read', query: aiStatsQuery,
    summary: 'AI responder statistics (supervisors and admins): `numberId`, `period` 24h, 7d or 30d (24h unless given)',
    input: (r) => defined(r.query),
  },

  // Seed 000 §6: the dashboard's figures (issue 17)
  {
    method: 'GET', path: '/dashboard/stats', channel: 'dashboard.summary', scope: 'read', query: dashboardQuery,
    summary: 'The dashboard of a range (`preset` today, 7d, 30d (default), 12m, or custom with `from` and `to`; filters `numberId`, `branchId`, `agentId`): seed 000\'s `stats`, `charts`, `recentConversations`, `whatsappAccounts`, `teamPerformance`, and first response, waiting, funnel, viewings and invoices. Agents see their numbers and their own figures',
    input: (r) => defined(r.query),
    run: async (r, call) => {
      const summary = await call('dashboard.summary', defined(r.query));
      // Seed 000 names a message type `name`; the contract's `type` stays beside it.
      return { data: { ...summary, charts: { ...summary.charts, messageTypes: summary.charts.messageTypes.map((t) => ({ name: t.type, ...t })) } } };
    },
  },
  {
    method: 'GET', path: '/dashboard/drill-down', channel: 'dashboard.drillDown', scope: 'read', query: drillDownQuery,
    summary: 'The episodes behind a figure of the dashboard (`figure`, the same range and filters as /dashboard/stats, `repliedBy` an agent, `limit` up to 500), newest first; `meta.total` counts them all',
    input: (r) => drillDownInput(r.query),
    run: async (r, call) => {
      const { figure, total, rows } = await call('dashboard.drillDown', drillDownInput(r.query));
      return { data: rows, meta: { figure, total } };
    },
  },
  {
    method: 'POST', path: '/dashboard/rebuild', channel: 'dashboard.rebuild', scope: 'manage',
    summary: 'Compute every dashboard figure again from the stored messages (admins); answers the number of episodes',
    input: () => ({}),
  },

  // Seed 000: contacts
  { method: 'GET', path: '/contacts', channel: 'contacts.list', scope: 'read', query: contactQuery, summary: 'Customers, searched; `cursor` pages', input: (r) => defined(r.query),
    run: async (r, call) => {
      const page = await call('contacts.list', defined(r.query));
      return { data: page.data, meta: page.meta };
    },
  },
  { method: 'GET', path: '/contacts/:id', channel: 'contacts.get', scope: 'read', summary: 'One customer with notes and conversations', input: (r) => r.params },
  { method: 'POST', path: '/contacts', channel: 'contacts.create', scope: 'manage', status: 201, summary: 'Add a customer', body: 'json', input: (r) => r.body },
  { method: 'PATCH', path: '/contacts/:id', channel: 'contacts.update', scope: 'manage', summary: 'Change a customer', body: 'json', input: withParams },
  { method: 'POST', path: '/contacts/:id/notes', channel: 'contacts.addNote', scope: 'manage', status: 201, summary: 'Add a note to a customer', body: 'json', input: (r) => ({ ...r.body, contactId: r.params.id }) },

  // Seed 000: viewings (bookings), as the contract has them: agents on their numbers, managers all
  {
    method: 'GET', path: '/viewings', channel: 'viewings.calendar', scope: 'read', query: viewingQuery,
    summary: 'Viewings starting in a day, week or month of the office calendar (`anchor` YYYY-MM-DD, today when absent); `meta` has the range and the office\'s time zone',
    input: (r) => defined(r.query),
    run: async (r, call) => {
      const { viewings, timeZone, span, from, to } = await call('viewings.calendar', defined(r.query));
      return { data: viewings, meta: { total: viewings.length, timeZone, span, from, to } };
    },
  },
  { method: 'GET', path: '/viewings/:id', channel: 'viewings.get', scope: 'read', summary: 'One viewing', input: (r) => r.params },
  {
    method: 'GET', path: '/conversations/:id/viewings', channel: 'viewings.forConversation', scope: 'read', summary: 'The conversation\'s viewings, newest start first',
    input: (r) => ({ conversationId: r.params.id }),
    run: async (r, call) => {
      const { viewings, timeZone } = await call('viewings.forConversation', { conversationId: r.params.id });
      return { data: viewings, meta: { total: viewings.length, timeZone } };
    },
  },
  {
    method: 'POST', path: '/viewings', channel: 'viewings.book', scope: 'manage', status: 201, body: 'json',
    summary: 'Book a viewing at an office date and time (refused in the past, outside office hours without a reason, or when the agent is busy: 409)',
    input: (r) => r.body,
  },
  { method: 'PATCH', path: '/viewings/:id', channel: 'viewings.update', scope: 'manage', summary: 'Change a viewing\'s place or notes', body: 'json', input: withParams },
  { method: 'POST', path: '/viewings/:id/reschedule', channel: 'viewings.reschedule', scope: 'manage', summary: 'Move a viewing (and its agent), with the booking\'s checks', body: 'json', input: withParams },
  { method: 'POST', path: '/viewings/:id/status', channel: 'viewings.setStatus', scope: 'manage', summary: 'Confirm, mark done or no-show, or cancel (`status`)', body: 'json', input: withParams },

  // Seed 000: offers on properties
  {
    method: 'GET', path: '/offers', channel: 'offers.list', scope: 'read', query: offerQuery, summary: 'Offers, newest first; `before` = `meta.next` for the next page',
    input: (r) => defined(r.query),
    run: async (r, call) => {
      const page = await call('offers.list', defined(r.query));
      return { data: page.data, meta: { limit: (r.query.limit as number | undefined) ?? 50, hasNextPage: page.nextCursor !== null, next: page.nextCursor } };
    },
  },
  { method: 'GET', path: '/offers/:id', channel: 'offers.get', scope: 'read', summary: 'One offer with its history', input: (r) => r.params },
  { method: 'POST', path: '/offers', channel: 'offers.create', scope: 'manage', status: 201, summary: 'Log a customer\'s offer (`amount` in riyals as text, `validUntil` YYYY-MM-DD)', body: 'json', input: (r) => r.body },
  { method: 'POST', path: '/offers/:id/counter', channel: 'offers.counter', scope: 'manage', summary: 'A counter-offer by the office or the customer\'s new amount (`by`)', body: 'json', input: withParams },
  { method: 'POST', path: '/offers/:id/accept', channel: 'offers.accept', scope: 'manage', summary: 'Accept (one accepted offer per property: 409 names it); the property is reserved', input: (r) => r.params },
  { method: 'POST', path: '/offers/:id/reject', channel: 'offers.reject', scope: 'manage', summary: 'Reject', input: (r) => r.params },
  { method: 'POST', path: '/offers/:id/withdraw', channel: 'offers.withdraw', scope: 'manage', summary: 'The customer withdrew it', input: (r) => r.params },
  { method: 'POST', path: '/offers/:id/undo-acceptance', channel: 'offers.undoAcceptance', scope: 'manage', summary: 'Take an acceptance back (managers): `outcome` rejected or withdrawn', body: 'json', input: withParams },

  // Seed 000: users (as the contract has them: managers list, admins change)
  { method: 'GET', path: '/users', channel: 'users.list', scope: 'read', summary: 'The office\'s users (admins and supervisors)', input: () => ({}) },
  { method: 'POST', path: '/users', channel: 'users.create', scope: 'manage', status: 201, summary: 'Add a user (admins)', body: 'json', input: (r) => r.body },
  { method: 'PUT', path: '/users/:id', channel: 'users.update', scope: 'manage', summary: 'Change a user (admins)', body: 'json', input: withParams },
];

/** Where the API lives under the host's origin. */
export const apiBase = '/api/v1/whatsapp';
