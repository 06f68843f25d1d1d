import { afterEach, describe, expect, it } from 'vitest';
import { channels, type ChannelName } from '../../../shared/contract';
import { startTestCore } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;

describe('user administration', () => {
  let t: TestCore;
  afterEach(() => t.close());

  it('lets an admin create an agent who can then sign in', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const agent = await t.call('users.create', { name: 'سارة أحمد', email: 'sara@office.test', password: 'sara-pass-123', role: 'agent', phone: '0501234567' }, token);
    expect(agent).toMatchObject({ name: 'سارة أحمد', role: 'agent', isActive: true, status: 'OFFLINE' });
    const signedIn = await t.call('auth.signIn', { email: 'sara@office.test', password: 'sara-pass-123' });
    expect(signedIn.user.id).toBe(agent.id);
  });

  it('refuses a second user with the same email, on the email field', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    await t.call('users.create', { name: 'Agent A', email: 'a@office.test', password: 'a-pass-1234', role: 'agent' }, token);
    const dup = await t.failure('users.create', { name: 'Agent B', email: 'A@Office.test', password: 'b-pass-1234', role: 'agent' }, token);
    expect(dup).toMatchObject({ code: 'CONFLICT', details: [{ field: 'email', code: 'email_taken' }] });
    expect((await t.call('users.list', {}, token)).length).toBe(2);
  });

  it('keeps agents and supervisors out of admin channels', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const supervisor = await t.createUser(admin.token, 'supervisor', 'sup@office.test');

    for (const [channel, input] of [
      ['users.list', {}],
      ['users.create', { name: 'Sneaky', email: 's@office.test', password: 'sneaky-123', role: 'admin' }],
      ['users.update', { id: agent.user.id, role: 'admin' }],
      ['users.setActive', { id: admin.user.id, isActive: false }],
      ['activity.list', {}],
      ['activity.export', {}],
      ['activity.verify', {}],
    ] as const) {
      expect((await t.failure(channel, input, agent.token)).code, channel).toBe('FORBIDDEN');
    }
    // A supervisor watches: may read the team and the log, may not change anyone.
    expect((await t.call('users.list', {}, supervisor.token)).length).toBe(3);
    expect((await t.failure('users.setActive', { id: agent.user.id, isActive: false }, supervisor.token)).code).toBe('FORBIDDEN');
    expect((await t.call('users.list', {}, admin.token)).every((u) => u.isActive)).toBe(true);
  });

  it('signs a deactivated user out at once and refuses their next sign-in', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'leaving@office.test');
    const secondWindow = await t.call('auth.signIn', { email: 'leaving@office.test', password: 'user-pass-123' });
    t.events.length = 0;

    const updated = await t.call('users.setActive', { id: agent.user.id, isActive: false }, admin.token);
    expect(updated).toMatchObject({ isActive: false, status: 'OFFLINE' });

    for (const token of [agent.token, secondWindow.token]) {
      expect(await t.failure('auth.signOut', {}, token)).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const ended = t.events.find((e) => e.event === 'session.ended');
    expect(ended).toMatchObject({ data: { reason: 'deactivated' }, audience: { kind: 'sessions' } });
    expect(ended?.audience.kind === 'sessions' && ended.audience.sessionIds.length).toBe(2);

    const again = await t.failure('auth.signIn', { email: 'leaving@office.test', password: 'user-pass-123' });
    expect(again).toMatchObject({ code: 'UNAUTHORIZED', details: 'account_inactive' });

    await t.call('users.setActive', { id: agent.user.id, isActive: true }, admin.token);
    expect((await t.call('auth.signIn', { email: 'leaving@office.test', password: 'user-pass-123' })).user.id).toBe(agent.user.id);
  });

  it('never leaves the office without an active admin', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    expect(await t.failure('users.setActive', { id: admin.user.id, isActive: false }, admin.token)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'isActive', code: 'last_admin' }],
    });
    expect(await t.failure('users.update', { id: admin.user.id, role: 'agent' }, admin.token)).toMatchObject({
      details: [{ field: 'role', code: 'last_admin' }],
    });
    const second = await t.createUser(admin.token, 'admin', 'admin2@office.test');
    await t.call('users.setActive', { id: admin.user.id, isActive: false }, second.token);
    expect((await t.call('users.list', {}, second.token)).find((u) => u.id === admin.user.id)?.isActive).toBe(false);
  });

  it('lets an admin edit a user and reset their password, ending the old sessions', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'forgetful@office.test');
    const edited = await t.call('users.update', { id: agent.user.id, name: 'Renamed Agent', role: 'supervisor', password: 'brand-new-456' }, admin.token);
    expect(edited).toMatchObject({ name: 'Renamed Agent', role: 'supervisor' });
    expect((await t.call('auth.state', {}, agent.token)).user).toBeNull();
    expect((await t.failure('auth.signIn', { email: 'forgetful@office.test', password: 'user-pass-123' })).code).toBe('UNAUTHORIZED');
    expect((await t.call('auth.signIn', { email: 'forgetful@office.test', password: 'brand-new-456' })).user.role).toBe('supervisor');
  });

  it('applies a new role to the user\'s open session at once, without signing them out', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'promoted@office.test');
    expect((await t.failure('users.list', {}, agent.token)).code).toBe('FORBIDDEN');
    await t.call('users.update', { id: agent.user.id, role: 'supervisor' }, admin.token);
    expect((await t.call('users.list', {}, agent.token)).length).toBe(2);
    await t.call('users.update', { id: agent.user.id, role: 'agent' }, admin.token);
    expect((await t.failure('users.list', {}, agent.token)).code).toBe('FORBIDDEN');
  });

  it('writes every user change to the activity log with who made it', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'logged@office.test');
    await t.call('users.update', { id: agent.user.id, name: 'Logged Agent' }, admin.token);
    await t.call('users.setActive', { id: agent.user.id, isActive: false }, admin.token);
    const log = await t.call('activity.list', { limit: 50 }, admin.token);
    const changes = log.filter((e) => e.entityId === agent.user.id && e.action.startsWith('user.'));
    expect(changes.map((e) => e.action)).toEqual(['user.deactivated', 'user.updated', 'user.created']);
    expect(changes.every((e) => e.userId === admin.user.id && e.userName === 'مدير المكتب')).toBe(true);
    expect(changes[0]?.entityName).toBe('Logged Agent');
    expect(changes[1]?.details).toEqual({ changed: ['name'] });
  });
});

describe('own profile and password', () => {
  let t: TestCore;
  afterEach(() => t.close());

  it('changes the password only with the old one, and ends the other sessions', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'me@office.test', 'old-pass-123');
    const otherWindow = await t.call('auth.signIn', { email: 'me@office.test', password: 'old-pass-123' });

    expect(await t.failure('profile.changePassword', { oldPassword: 'guess-guess', newPassword: 'new-pass-456' }, agent.token)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'oldPassword', code: 'wrong_password' }],
    });
    expect(await t.failure('profile.changePassword', { oldPassword: 'old-pass-123', newPassword: 'short' }, agent.token)).toMatchObject({
      details: [{ field: 'newPassword', code: 'too_short', params: { min: 8 } }],
    });

    await t.call('profile.changePassword', { oldPassword: 'old-pass-123', newPassword: 'new-pass-456' }, agent.token);
    expect((await t.call('auth.state', {}, agent.token)).user?.email).toBe('me@office.test');
    expect((await t.call('auth.state', {}, otherWindow.token)).user).toBeNull();
    expect((await t.call('auth.signIn', { email: 'me@office.test', password: 'new-pass-456' })).user.id).toBe(agent.user.id);
  });

  it('updates the own name, phone and language', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const me = await t.call('profile.update', { name: 'Office Admin', phone: '+966 50 123 4567', language: 'en' }, admin.token);
    expect(me).toMatchObject({ name: 'Office Admin', phone: '+966 50 123 4567', language: 'en' });
  });
});

describe('every channel, called by an admin', () => {
  it('returns no password hash, and changes the activity log only by appending to it', async () => {
    const t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'hash@office.test');
    const hashes = (t.core.database.sqlite.prepare('select password_hash as h from users').all() as { h: string }[]).map((r) => r.h);
    const inputs: { [C in ChannelName]: unknown } = {
      'auth.state': {},
      'auth.setupAdmin': { name: 'X Y', email: 'x@office.test', password: 'xxxx-xxxx' },
      'auth.signIn': { email: 'hash@office.test', password: 'user-pass-123' },
      'auth.signOut': {},
      'profile.update': { name: 'Admin Again' },
      'profile.changePassword': { oldPassword: 'admin-pass-123', newPassword: 'admin-pass-456' },
      'users.list': {},
      'users.create': { name: 'Another', email: 'another@office.test', password: 'another-123', role: 'agent' },
      'users.update': { id: agent.user.id, name: 'Hash Agent' },
      'users.setActive': { id: agent.user.id, isActive: true },
      'activity.list': { limit: 200 },
      'activity.export': {},
      'activity.verify': {},
      'app.info': {},
      'numbers.list': {},
      'numbers.get': { id: 1 },
      'apiKeys.list': {},
      'apiKeys.create': { name: 'CRM', scopes: ['read'] },
      'apiKeys.revoke': { id: 999 },
      'webhooks.list': {},
      'webhooks.create': { url: 'https://crm.example/hook', events: ['message.new'] },
      'webhooks.update': { id: 999, paused: true },
      'webhooks.delete': { id: 999 },
      'webhooks.deliveries': { endpointId: 999 },
      'webhooks.sendTest': { id: 999 },
      'automation.listRules': {},
      'automation.getRule': { id: 999 },
      'automation.createRule': { name: 'x', trigger: 'new_inquiry', templateId: 999 },
      'automation.updateRule': { id: 999, name: 'x' },
      'automation.toggleRule': { id: 999 },
      'automation.deleteRule': { id: 999 },
      'automation.dryRun': { trigger: 'new_inquiry' },
      'automation.preview': { templateId: 999, trigger: 'new_inquiry' },
      'automation.stats': {},
      'automation.ruleJobs': { ruleId: 999 },
      'automation.conversationJobs': { conversationId: 999 },
      'automation.cancelJob': { id: 999 },
      'automation.followUp': { conversationId: 999, inMinutes: 60 },
      'automation.contactState': { contactId: 999 },
      'automation.resumeContact': { contactId: 999 },
      // Issue 19: nothing here reaches Meta (an id that is refused before any call, unknown numbers, no public URL).
      'cloud.link': { name: 'Cloud', phoneNumberId: 'not-digits', wabaId: '102290129340398', accessToken: 'EAAG-token-0123456789abc', appSecret: 'a'.repeat(32) },
      'cloud.updateCredentials': { numberId: 999, appSecret: 'b'.repeat(32) },
      'cloud.list': {},
      'cloud.get': { numberId: 999 },
      'cloud.getGraphSettings': {},
      'cloud.saveGraphSettings': { baseUrl: 'http://127.0.0.1:9', version: 'v21.0' },
      'cloud.connection': {},
      'cloud.saveTunnelSettings': { mode: 'none' },
      'cloud.startTunnel': {},
      'cloud.stopTunnel': {},
      'cloud.selfTest': {},
      'cloud.health': {},
      'cloud.window': { conversationId: 1 },
      'cloud.templates': { numberId: 999 },
      'cloud.syncTemplates': { numberId: 999 },
      'cloud.sendTemplate': { conversationId: 1, templateId: 999 },
      'ai.getConfig': { numberId: 999 },
      'ai.saveConfig': { numberId: 999, enabled: true },
      'ai.toggleConfig': { numberId: 999 },
      'ai.getProvider': {},
      'ai.saveProvider': { baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5', apiKey: 'sk-test' },
      'ai.testConnection': { baseUrl: 'http://127.0.0.1:9/v1', model: 'none', timeoutMs: 1_000 },
      'ai.listFaq': {},
      'ai.saveFaq': { question: 'متى تفتحون؟', answer: 'من ٩ صباحاً إلى ٥ مساءً', language: 'ar' },
      'ai.deleteFaq': { id: 999 },
      'ai.console': { numberId: 999, question: 'كم سعر الفيلا؟' },
      'ai.conversationState': { conversationId: 999 },
      'ai.resume': { conversationId: 999 },
      'ai.rateMessage': { messageId: 999, rating: 'up' },
      'ai.stats': {},
      'ai.logs': {},
      'api.settings': {},
      'api.updateSettings': { enabled: false },
      'numbers.create': { name: 'Sales', employeeId: agent.user.id },
      'numbers.update': { id: 1, name: 'Sales team' },
      // Unknown numbers: these would start or stop real sessions.
      'numbers.connect': { id: 999 },
      'numbers.disconnect': { id: 999 },
      'numbers.remove': { id: 999 },
      'numbers.requestPairingCode': { id: 999, phoneNumber: '0501234567' },
      'numbers.demoScan': { id: 999 },
      'numbers.demoEvent': { id: 999, event: 'TIMEOUT' },
      'demo.customerSends': { conversationId: 1, kind: 'call' },
      'demo.customerSays': { conversationId: 1, text: 'مرحبا' },
      'demo.newCustomerWrites': { numberId: 1 },
      'demo.advanceClock': { minutes: 60 },
      'office.get': {},
      'office.update': { display: { digits: 'arab', calendar: 'both' } },
      'desktop.settings': {},
      'desktop.updateSettings': { startAtLogin: false, updateUrl: null, whatsappBrowser: 'system-browser' },
      'office.display': {},
      'office.status': {},
      'backups.list': {},
      'backups.updateSettings': { dailyTime: '04:00' },
      'backups.run': {},
      'backups.restore': { id: '20261125T090000Z', confirm: true },
      'conversations.list': {},
      'conversations.get': { id: 1 },
      'conversations.markRead': { id: 1 },
      'conversations.unread': {},
      'messages.list': { conversationId: 1 },
      'messages.send': { conversationId: 1, content: 'hi' },
      'messages.retry': { id: 1 },
      'messages.versions': { id: 1 },
      'media.uploadStart': { name: 'plan.pdf', mimeType: 'application/pdf', size: 4 },
      'media.uploadChunk': { uploadId: '00000000-0000-4000-8000-000000000000', offset: 0, data: 'AAAA' },
      'media.uploadFinish': { uploadId: '00000000-0000-4000-8000-000000000000' },
      'media.uploadCancel': { uploadId: '00000000-0000-4000-8000-000000000000' },
      'media.read': { attachmentId: 1 },
      'properties.addPhoto': { id: 999, uploadId: '00000000-0000-4000-8000-000000000000' },
      'properties.removePhoto': { id: 999, photo: 'a'.repeat(64) },
      'properties.photo': { id: 999, photo: 'a'.repeat(64) },
      'messages.sendTemplate': { conversationId: 1, templateId: 1, variables: { customer_name: 'سارة' } },
      'templates.list': {},
      'templates.create': { name: 'ترحيب', content: 'أهلاً {{customer_name}}' },
      'templates.update': { id: 1, name: 'ترحيب العميل' },
      'templates.delete': { id: 999 },
      'conversations.update': { id: 1, isStarred: true },
      'conversations.assign': { id: 1, agentId: null },
      'numbers.setAgents': { id: 1, agentIds: [agent.user.id] },
      'properties.list': {},
      'properties.create': { name: 'فيلا', type: 'villa' },
      'properties.update': { id: 1, price: 1 },
      'properties.delete': { id: 999 },
      'properties.priceHistory': { id: 1 },
      'properties.sendCard': { conversationId: 1, propertyId: 1, language: 'ar', clientId: '00000000-0000-4000-8000-000000000001' },
      'branches.list': { includeArchived: true },
      'branches.create': { name: 'فرع جدة', managerId: agent.user.id },
      'branches.update': { id: 1, name: 'فرع جدة الجديد' },
      'branches.setArchived': { id: 1, archived: true },
      'branches.delete': { id: 999 },
      'properties.interestedConversations': { id: 1 },
      'conversations.interests': { conversationId: 1 },
      'conversations.setInterest': { conversationId: 1, propertyId: 1 },
      'conversations.removeInterest': { conversationId: 1, propertyId: 1 },
      'contacts.list': { search: 'x' },
      'contacts.get': { id: 1 },
      'contacts.create': { name: 'عميل', phone: '0501234567' },
      'contacts.update': { id: 1, name: 'عميل جديد' },
      'contacts.addNote': { contactId: 1, content: 'ملاحظة' },
      'contacts.deleteNote': { id: 999 },
      'contacts.tags': {},
      'contacts.importPreview': { csv: 'name,phone\nA,0501234568\n' },
      'contacts.import': { csv: 'name,phone\nA,0501234568\n', mapping: { name: 0, phone: 1 } },
      'contacts.export': {},
      'notifications.list': {},
      'notifications.unread': {},
      'notifications.markRead': { id: 1 },
      'notifications.markAllRead': {},
      'notifications.preferences': {},
      'notifications.setPreference': { type: 'office_message', mode: 'in_app' },
      'notifications.create': { roles: ['agent'], title: 'اجتماع الفريق' },
      'viewings.calendar': {},
      'viewings.get': { id: 1 },
      'viewings.forConversation': { conversationId: 1 },
      'viewings.forContact': { contactId: 1 },
      'viewings.agents': {},
      'viewings.suggestSlot': { conversationId: 1 },
      'viewings.book': { conversationId: 1, propertyId: 1, date: '2030-01-06', time: '10:00' },
      'viewings.reschedule': { id: 1, date: '2030-01-06', time: '10:00' },
      'viewings.update': { id: 1, notes: 'x' },
      'viewings.setStatus': { id: 1, status: 'confirmed' },
      'offers.list': {},
      'offers.get': { id: 999 },
      'offers.create': { conversationId: 999, propertyId: 999, amount: '1,000', validUntil: '2030-01-01' },
      'offers.counter': { id: 999, by: 'office', amount: 100 },
      'offers.accept': { id: 999 },
      'offers.reject': { id: 999 },
      'offers.withdraw': { id: 999 },
      'offers.undoAcceptance': { id: 999, outcome: 'rejected' },
      'office.tax': {},
      'office.updateTax': { vatRegistered: true, sellerNameAr: 'مكتب ميراس', sellerNameEn: 'Meras', vatNumber: '310122393500003', vatRates: [{ from: '2020-07-01', basisPoints: 1500 }] },
      'invoices.list': {},
      'invoices.get': { id: 999 },
      'invoices.createDraft': { contactId: 999, lines: [{ descriptionAr: 'عمولة', quantity: '1', unitPrice: '100', vatCategory: 'standard' }] },
      'invoices.createNote': { originalId: 999, kind: 'credit_note', reason: 'خصم', lines: [{ descriptionAr: 'خصم', quantity: '1', unitPrice: '100', vatCategory: 'standard' }] },
      'invoices.updateDraft': { id: 999, notes: 'x' },
      'invoices.deleteDraft': { id: 999 },
      'invoices.issue': { id: 999 },
      'invoices.addPayment': { id: 999, paidOn: '2030-01-01', amount: '100', method: 'cash' },
      'invoices.pdf': { id: 999 },
      'invoices.sendToChat': { id: 999 },
      'invoices.brokerage': { offerId: 999 },
      'invoices.archive': { from: '2030-01-01', to: '2030-01-31' },
      'invoices.archiveRead': { archiveId: '00000000-0000-4000-8000-000000000000' },
      'promotions.list': {},
      'promotions.current': {},
      'promotions.create': { name: 'عرض', detailsAr: 'خصم', validFrom: '2030-01-01', validUntil: '2030-01-31' },
      'promotions.update': { id: 999, name: 'x' },
      'promotions.delete': { id: 999 },
      'dashboard.summary': { preset: '30d' },
      'dashboard.drillDown': { query: { preset: '7d' }, figure: 'answered' },
      'dashboard.rebuild': {},
    };
    const order = (Object.keys(channels) as ChannelName[]).filter((c) => c !== 'auth.signOut');
    const bodies: string[] = [];
    // Without the triggers that refuse rewrites, so a channel that tried one would be seen here.
    const { sqlite } = t.core.database;
    sqlite.exec('drop trigger activity_log_no_update; drop trigger activity_log_no_delete;');
    const log = () => sqlite.prepare('select * from activity_log order by id').all();
    const start = log().length;
    for (const channel of order) {
      const before = log();
      const { result } = await t.core.router.call(channel, inputs[channel], { clientKey: 'test', token: admin.token });
      bodies.push(JSON.stringify(result));
      expect(log().slice(0, before.length), channel).toEqual(before);
    }
    // Channels did append (users, templates, office settings…), and the chain holds.
    expect(log().length).toBeGreaterThan(start + 5);
    expect(await t.call('activity.verify', {}, admin.token)).toMatchObject({ ok: true, broken: null });
    const all = bodies.join('\n');
    expect(all).not.toMatch(/password_?hash/i);
    expect(all).not.toContain('scrypt$');
    for (const h of hashes) expect(all).not.toContain(h.split('$').at(-1));
    await t.close();
  });
});
