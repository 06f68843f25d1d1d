import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ChannelName, EventName } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { eventNames } from '../../shared/names';
import type { ServerMessage } from '../../shared/wire';
import { bindIpc, type InvokeEvent, type WindowContents } from '../electron/ipc-binding';
import { attachSocketServer } from '../host/socket-server';
import type { MessageRow } from '../ingest/records';
import { eventually, startTestCore, tempDir } from '../testing/test-core';
import { twoNumbersOffice, type TwoNumbersOffice } from '../testing/two-numbers-office';
import { pendingJobOn } from '../services/automation/runner/automation-office';
import { chromiumPrinter } from '../services/invoices/pdf/chromium-printer';
import { findChromium } from '../../../scripts/chromium';

type Who = 'admin' | 'agent' | 'rentalsAgent';
const everyone: Who[] = ['admin', 'agent', 'rentalsAgent'];

interface Seen {
  event: string;
  data: unknown;
}

/** A browser tab on the host: a real WebSocket through the host's socket server. */
async function browserTab(url: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, { origin: url });
  const seen: Seen[] = [];
  const pending = new Map<number, (r: ApiResult<unknown>) => void>();
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as ServerMessage;
    if (message.type === 'result') pending.get(message.id)?.(message.result);
    else seen.push({ event: message.event, data: message.data });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  let token: string | undefined;
  // Like the renderer, every call carries the tab's token once it has one (a call without it unbinds the session).
  const call = (channel: string, input: unknown) =>
    new Promise<ApiResult<unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, (result) => {
        if (channel === 'auth.signIn' && result.success) token = (result.data as { token: string }).token;
        resolve(result);
      });
      socket.send(JSON.stringify({ type: 'call', id, channel, input, ...(token ? { token } : {}) }));
    });
  return { socket, seen, call };
}

/** A desktop window: the Electron shell's IPC binding with the real router and bus. */
function desktopWindow(id: number, handlers: Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>) {
  const seen: Seen[] = [];
  const contents: WindowContents = {
    id,
    send: (_channel, message) => seen.push(message as Seen),
    isDestroyed: () => false,
    once: () => undefined,
  };
  const event: InvokeEvent = { sender: contents, senderFrame: { url: 'app://window' } };
  let token: string | undefined;
  const call = async (channel: string, input: unknown) => {
    const result = (await handlers.get(channel)!(event, input, token)) as ApiResult<unknown>;
    if (channel === 'auth.signIn' && result.success) token = (result.data as { token: string }).token;
    return result;
  };
  return { seen, call };
}

interface Ctx {
  t: ReturnType<typeof startTestCore>;
  w: TwoNumbersOffice;
  tabs: Record<Who, Awaited<ReturnType<typeof browserTab>>>;
  windows: Record<Who, ReturnType<typeof desktopWindow>>;
}

interface EventRule {
  /** How the event's audience is chosen. */
  scopedBy: 'number' | 'contact' | 'assignee' | 'session' | 'everyone' | 'recipient' | 'admins';
  /** Produces the event about Rentals' data. */
  produce: (ctx: Ctx) => Promise<unknown> | void;
  /** Who must receive it; everyone else must not. */
  reaches: Who[];
}

const messageRow = ({ t, w }: Ctx) => t.core.database.sqlite.prepare<[number], MessageRow>('select * from messages where id = ?').get(w.theirMessage.id)!;

/**
 * Every event of the contract, produced about the Rentals number's data. Typed by the event
 * names, so an event added later without an entry fails the typecheck (and the first test).
 * `session.ended` deactivates the Rentals agent, so it goes last.
 */
const table: Record<EventName, EventRule> = {
  'users.changed': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('users.update', { id: w.rentalsAgent.user.id, name: 'موظف الإيجارات' }, w.admin.token), reaches: everyone },
  'number.status': { scopedBy: 'number', produce: ({ t, w }) => t.call('numbers.update', { id: w.rentals.id, quotaLimit: 900 }, w.admin.token), reaches: ['admin', 'rentalsAgent'] },
  'number.removed': {
    scopedBy: 'number',
    produce: async ({ t, w }) => {
      const old = await t.call('numbers.create', { name: 'Old rentals' }, w.admin.token);
      await t.call('numbers.setAgents', { id: old.id, agentIds: [w.rentalsAgent.user.id] }, w.admin.token);
      await t.call('numbers.remove', { id: old.id }, w.admin.token);
    },
    reaches: ['admin', 'rentalsAgent'],
  },
  'message.new': { scopedBy: 'number', produce: ({ t, w }) => t.call('messages.send', { conversationId: w.theirs.id, content: 'أهلًا بك' }, w.admin.token), reaches: ['admin', 'rentalsAgent'] },
  'message.update': { scopedBy: 'number', produce: ({ t, w }) => t.core.whatsapp.pipeline.publishMessage(w.theirMessage.id), reaches: ['admin', 'rentalsAgent'] },
  'message.status': { scopedBy: 'number', produce: (ctx) => ctx.t.core.whatsapp.pipeline.publishStatus(messageRow(ctx)), reaches: ['admin', 'rentalsAgent'] },
  'conversation.update': { scopedBy: 'number', produce: ({ t, w }) => t.call('conversations.update', { id: w.theirs.id, isStarred: true }, w.admin.token), reaches: ['admin', 'rentalsAgent'] },
  'conversation.assigned': { scopedBy: 'assignee', produce: ({ t, w }) => t.call('conversations.assign', { id: w.theirs.id, agentId: w.rentalsAgent.user.id }, w.admin.token), reaches: ['rentalsAgent'] },
  'conversation.transferred': { scopedBy: 'assignee', produce: ({ t, w }) => t.call('conversations.assign', { id: w.theirs.id, agentId: null }, w.admin.token), reaches: ['rentalsAgent'] },
  'templates.changed': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('templates.update', { id: w.template.id, name: 'ترحيب عام' }, w.admin.token), reaches: everyone },
  'interests.changed': { scopedBy: 'number', produce: ({ t, w }) => t.call('conversations.removeInterest', { conversationId: w.theirs.id, propertyId: w.property.id }, w.admin.token), reaches: ['admin', 'rentalsAgent'] },
  'viewings.changed': {
    scopedBy: 'number',
    produce: ({ t, w }) => t.call('viewings.update', { id: w.theirViewing.id, notes: 'يحضر مع والده' }, w.admin.token),
    reaches: ['admin', 'rentalsAgent'],
  },
  'properties.changed': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('properties.update', { id: w.property.id, price: 55_000 }, w.admin.token), reaches: everyone },
  'properties.priceChanged': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('properties.update', { id: w.property.id, price: '٦٠٬٠٠٠' }, w.admin.token), reaches: everyone },
  'branches.changed': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('branches.create', { name: 'فرع جدة', city: 'جدة' }, w.admin.token), reaches: everyone },
  'contact.changed': { scopedBy: 'contact', produce: ({ t, w }) => t.call('contacts.update', { id: w.theirContactId, name: 'عميل الإيجارات المهم' }, w.admin.token), reaches: ['admin', 'rentalsAgent'] },
  'contacts.import.progress': {
    scopedBy: 'session',
    // The admin imports from their desktop window and from their browser tab: each hears of its own import only.
    produce: async ({ windows, tabs }) => {
      expect((await importCsv((channel, input) => windows.admin.call(channel, input))).success).toBe(true);
      expect((await importCsv((channel, input) => tabs.admin.call(channel as ChannelName, input))).success).toBe(true);
    },
    reaches: ['admin'],
  },
  'office.changed': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('office.update', { display: { digits: 'arab', calendar: 'both' } }, w.admin.token), reaches: everyone },
  'notification.new': {
    scopedBy: 'recipient',
    produce: ({ t, w }) => t.call('notifications.create', { userIds: [w.rentalsAgent.user.id], title: 'اجتماع الإيجارات' }, w.admin.token),
    reaches: ['rentalsAgent'],
  },
  // The Rentals agent reads all in their browser tab: their desktop window's count follows, nobody else's.
  'notifications.unread': { scopedBy: 'recipient', produce: ({ tabs }) => tabs.rentalsAgent.call('notifications.markAllRead', {}), reaches: ['rentalsAgent'] },
  // A backup's progress: the office's admins' Backups pages only (it names files and a folder).
  'backups.progress': {
    scopedBy: 'admins',
    produce: async ({ t, w }) => {
      await t.call('backups.updateSettings', { folder: tempDir('meras-backups-') }, w.admin.token);
      await t.call('backups.run', {}, w.admin.token);
    },
    reaches: ['admin'],
  },
  // Settings → Desktop app: the office's admins only (it names the update server).
  'desktop.changed': {
    scopedBy: 'admins',
    produce: ({ t, w }) => t.call('desktop.updateSettings', { startAtLogin: false, updateUrl: 'https://updates.office.test/meras', whatsappBrowser: 'system-browser' }, w.admin.token),
    reaches: ['admin'],
  },
  'offers.changed': {
    scopedBy: 'number',
    produce: ({ t, w }) => t.call('offers.counter', { id: w.theirOffer.id, by: 'office', amount: '2,200,000' }, w.admin.token),
    reaches: ['admin', 'rentalsAgent'],
  },
  'offers.needsAnswer': {
    scopedBy: 'number',
    produce: ({ t, w }) => t.call('offers.counter', { id: w.theirOffer.id, by: 'customer', amount: '2,100,000' }, w.admin.token),
    reaches: ['admin', 'rentalsAgent'],
  },
  'invoices.changed': {
    scopedBy: 'contact',
    produce: ({ t, w }) => t.call('invoices.updateDraft', { id: w.theirInvoice.id, notes: 'بعد المعاينة' }, w.admin.token),
    reaches: ['admin', 'rentalsAgent'],
  },
  'invoices.archiveProgress': {
    scopedBy: 'session',
    // The admin issues a Rentals invoice, then exports the day's archive from their window and from their tab: each hears of its own export only.
    produce: async ({ t, w, windows, tabs }) => {
      await t.call('office.updateTax', { vatRegistered: true, sellerNameAr: 'مكتب ميراس', sellerNameEn: 'Meras', vatNumber: '310122393500003', vatRates: [{ from: '2020-07-01', basisPoints: 1500 }] }, w.admin.token);
      const draft = await t.call('invoices.createDraft', { contactId: w.theirContactId, lines: [{ descriptionAr: 'عمولة وساطة', quantity: '1', unitPrice: '1,000', vatCategory: 'standard' }] }, w.admin.token);
      const issued = await t.call('invoices.issue', { id: draft.id }, w.admin.token);
      const day = issued.supplyDate;
      expect((await windows.admin.call('invoices.archive', { from: day, to: day })).success).toBe(true);
      expect(windows.admin.seen.some((s) => s.event === 'invoices.archiveProgress')).toBe(true);
      // A call's answer follows every event sent to the socket before it.
      await tabs.admin.call('app.info', {});
      expect(tabs.admin.seen.some((s) => s.event === 'invoices.archiveProgress')).toBe(false);
      expect((await tabs.admin.call('invoices.archive', { from: day, to: day })).success).toBe(true);
    },
    reaches: ['admin'],
  },
  'promotions.changed': {
    scopedBy: 'everyone',
    produce: ({ t, w }) => t.call('promotions.create', { name: 'عرض الصيف', detailsAr: 'خصم ٥٪', validFrom: '2030-06-01', validUntil: '2030-08-31' }, w.admin.token),
    reaches: everyone,
  },
  // A rule holds no customer: everyone signed in hears of it (even a Rentals rule) and filters by number.
  'automation.rules.changed': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('automation.toggleRule', { id: w.theirRule.id }, w.admin.token), reaches: everyone },
  'automation.jobs.changed': {
    scopedBy: 'number',
    produce: ({ t, w }) => t.call('automation.cancelJob', { id: pendingJobOn(t, w.theirs.id) }, w.admin.token),
    reaches: ['admin', 'rentalsAgent'],
  },
  // Issue 16: the AI's settings and provider state are for admins and supervisors; a conversation's AI state for its number's team.
  'ai.provider.changed': { scopedBy: 'admins', produce: ({ t, w }) => t.call('ai.saveProvider', { baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5' }, w.admin.token), reaches: ['admin'] },
  'ai.config.changed': { scopedBy: 'admins', produce: ({ t, w }) => t.call('ai.toggleConfig', { numberId: w.rentals.id }, w.admin.token), reaches: ['admin'] },
  'ai.conversation.changed': { scopedBy: 'number', produce: ({ t, w }) => t.call('ai.resume', { conversationId: w.theirs.id }, w.admin.token), reaches: ['admin', 'rentalsAgent'] },
  // Issue 19: the banner's answer goes to everyone; the connection screen's refresh to admins.
  'cloud.health.changed': { scopedBy: 'everyone', produce: ({ t, w }) => t.call('cloud.saveTunnelSettings', { mode: 'none' }, w.admin.token), reaches: everyone },
  'cloud.connection.changed': { scopedBy: 'admins', produce: ({ t, w }) => t.call('cloud.saveTunnelSettings', { mode: 'manual', publicUrl: null }, w.admin.token), reaches: ['admin'] },
  'session.ended': { scopedBy: 'session', produce: ({ t, w }) => t.call('users.setActive', { id: w.rentalsAgent.user.id, isActive: false }, w.admin.token), reaches: ['rentalsAgent'] },
};

/** What the import dialog does: the CSV goes up as an upload from that window, then is imported by its id. */
async function importCsv(call: (channel: string, input: unknown) => Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
  const bytes = Buffer.from('phone\n0509990001');
  const started = await call('media.uploadStart', { name: 'customers.csv', mimeType: 'text/csv', size: bytes.length });
  if (!started.success) return started;
  const { uploadId } = started.data as { uploadId: string };
  await call('media.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  await call('media.uploadFinish', { uploadId });
  return call('contacts.import', { uploadId, mapping: { phone: 0 } });
}

describe('every event reaches only those who may see its subject, in both shells', () => {
  let ctx: Ctx;
  let server: http.Server;
  let sockets: { close(): void };
  let ipc: { dispose(): void };
  const tabs = {} as Record<Who, Awaited<ReturnType<typeof browserTab>>>;
  const windows = {} as Record<Who, ReturnType<typeof desktopWindow>>;

  beforeAll(async () => {
    // Chromium prints the archive's PDFs (started only when the archive rule runs).
    const t = startTestCore({ invoicePrinter: chromiumPrinter(() => findChromium()) });
    ctx = { t, w: await twoNumbersOffice(t), tabs, windows };
    server = http.createServer();
    sockets = attachSocketServer(server, t.core);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
    ipc = bindIpc({
      ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: (channel) => void handlers.delete(channel) },
      router: t.core.router,
      bus: t.core.bus,
      isAppUrl: (u) => u === 'app://window',
    });
    const logins: Record<Who, { email: string; password: string }> = {
      admin: { email: 'admin@office.test', password: 'admin-pass-123' },
      agent: { email: 'sales-agent@office.test', password: 'user-pass-123' },
      rentalsAgent: { email: 'rentals-agent@office.test', password: 'user-pass-123' },
    };
    let windowId = 1;
    for (const who of everyone) {
      tabs[who] = await browserTab(url);
      expect((await tabs[who].call('auth.signIn', logins[who])).success).toBe(true);
      windows[who] = desktopWindow(windowId++, handlers);
      expect((await windows[who].call('auth.signIn', logins[who])).success).toBe(true);
    }
    // Six sign-ins hash six passwords (scrypt), slow on a busy machine.
  }, 60_000);

  afterAll(async () => {
    for (const tab of Object.values(tabs)) tab.socket.close();
    sockets?.close();
    ipc?.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await ctx.t.close();
  });

  it('has a rule for every event of the contract, and none about a number or customer reaches the Sales agent', () => {
    expect(Object.keys(table).sort()).toEqual([...eventNames].sort());
    for (const [event, rule] of Object.entries(table)) {
      if (rule.scopedBy !== 'everyone') expect(rule.reaches, event).not.toContain('agent');
    }
  });

  it.each(Object.keys(table) as EventName[])('%s about Rentals reaches only those who may see it', async (event) => {
    const rule = table[event];
    for (const who of everyone) {
      tabs[who].seen.length = 0;
      windows[who].seen.length = 0;
    }
    await rule.produce(ctx);
    const got = (seen: Seen[]) => seen.some((s) => s.event === event);
    for (const who of rule.reaches) {
      expect(got(windows[who].seen), `${who}'s window`).toBe(true);
      await eventually(() => expect(got(tabs[who].seen), `${who}'s tab`).toBe(true));
    }
    for (const who of everyone.filter((w) => !rule.reaches.includes(w))) {
      // A call's answer follows every event sent to the socket before it: once it is back, nothing is still on its way.
      await tabs[who].call('app.info', {});
      expect(got(windows[who].seen), `${who}'s window`).toBe(false);
      expect(got(tabs[who].seen), `${who}'s tab`).toBe(false);
    }
  }, 120_000);
});
