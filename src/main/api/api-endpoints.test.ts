import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiOffice, type ApiOffice } from '../testing/api-office';

/** Every endpoint through HTTP with a key: the success and its refusals, in seed 003's format. */
describe('the REST API, called with an admin\'s key', () => {
  let o: ApiOffice;
  let admin: string;
  beforeAll(async () => {
    o = await startApiOffice();
    admin = (await o.newKey(o.w.admin.token, ['read', 'send', 'manage'])).secret;
  });
  afterAll(() => o.close());

  it('lists the numbers with meta.total, and gets one with its stats', async () => {
    const list = await o.request('GET', '/numbers', { key: admin });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ success: true, meta: { total: 2 } });
    const one = await o.request('GET', `/numbers/${o.w.rentals.id}`, { key: admin });
    expect(one.body).toMatchObject({ success: true, data: { id: o.w.rentals.id, name: 'Rentals', stats: { totalConversations: 1, activeConversations: 1, messagesThisMonth: 1 } } });
    expect((await o.request('GET', '/numbers/9999', { key: admin })).status).toBe(404);
    expect((await o.request('GET', '/numbers/abc', { key: admin })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'id' }] });
  });

  it('creates, renames, connects, disconnects and deletes a number', async () => {
    const created = await o.request('POST', '/numbers', { key: admin, body: { name: 'فرع جدة' } });
    expect(created.status).toBe(201);
    const id = (created.body.data as { id: number }).id;
    const renamed = await o.request('PUT', `/numbers/${id}`, { key: admin, body: { name: 'فرع جدة الجديد', quotaLimit: 500 } });
    expect(renamed.body.data).toMatchObject({ name: 'فرع جدة الجديد', quotaLimit: 500 });
    expect((await o.request('PUT', `/numbers/${id}`, { key: admin, body: { name: 'x' } })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'name', code: 'too_short' }] });
    expect((await o.request('POST', '/numbers', { key: admin, body: { name: 'ok name', phoneNumber: '+966500000000' } })).status).toBe(400);
    const disconnected = await o.request('POST', `/numbers/${id}/disconnect`, { key: admin });
    expect(disconnected.status).toBe(200);
    expect((await o.request('DELETE', `/numbers/${id}`, { key: admin })).body).toEqual({ success: true, data: { ok: true } });
    expect((await o.request('GET', `/numbers/${id}`, { key: admin })).status).toBe(404);
  });

  it('lists conversations with the seed\'s filters, sorts and page/limit meta', async () => {
    const all = await o.request('GET', '/conversations?limit=1&sortBy=customerName&sortOrder=asc', { key: admin });
    expect(all.body.meta).toMatchObject({ page: 1, limit: 1, hasNextPage: true, hasPrevPage: false });
    const second = await o.request('GET', '/conversations?limit=1&page=2&sortBy=customerName&sortOrder=asc', { key: admin });
    expect(second.body.meta).toMatchObject({ page: 2, hasNextPage: false, hasPrevPage: true });
    expect(second.body.data).not.toEqual(all.body.data);
    const rentals = await o.request('GET', `/conversations?numberId=${o.w.rentals.id}&status=active&unread=true`, { key: admin });
    expect((rentals.body.data as { id: number }[]).map((c) => c.id)).toEqual([o.w.theirs.id]);
    const found = await o.request('GET', `/conversations?search=${encodeURIComponent('العليا')}`, { key: admin });
    expect((found.body.data as { id: number }[]).map((c) => c.id)).toEqual([o.w.theirs.id]);
    expect((await o.request('GET', '/conversations?status=closed', { key: admin })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'status' }] });
    expect((await o.request('GET', '/conversations?colour=red', { key: admin })).status).toBe(400);
  });

  it('gets a conversation with its property interests, updates, stars, assigns and reads it', async () => {
    const id = o.w.theirs.id;
    const got = await o.request('GET', `/conversations/${id}`, { key: admin });
    // The shared office's customer also has a viewing of this flat and an offer on another property.
    expect(got.body.data).toMatchObject({ id });
    expect((got.body.data as { propertyInterests: unknown[] }).propertyInterests).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'viewing_scheduled', property: expect.objectContaining({ name: 'شقة العليا' }) })]),
    );
    expect((await o.request('PATCH', `/conversations/${id}`, { key: admin, body: { status: 'pending' } })).body.data).toMatchObject({ status: 'pending' });
    expect((await o.request('POST', `/conversations/${id}/star`, { key: admin })).body.data).toMatchObject({ isStarred: true });
    expect((await o.request('POST', `/conversations/${id}/assign`, { key: admin, body: { agentId: o.w.rentalsAgent.user.id } })).body.data).toMatchObject({ assignedAgentId: o.w.rentalsAgent.user.id });
    expect((await o.request('POST', `/conversations/${id}/assign`, { key: admin, body: { agentId: o.w.agent.user.id } })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'agentId', code: 'no_access' }] });
    expect((await o.request('POST', `/conversations/${id}/read`, { key: admin })).body.data).toMatchObject({ unreadCount: 0 });
    expect((await o.request('GET', '/conversations/424242', { key: admin })).status).toBe(404);
  });

  it('lists messages before and after an id, and sends a text and a template', async () => {
    const id = o.w.mine.id;
    const sent = await o.request('POST', `/conversations/${id}/messages`, { key: admin, body: { content: 'أهلاً، كيف نخدمك؟' } });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ conversationId: id, content: 'أهلاً، كيف نخدمك؟', sender: 'agent', status: 'queued' });
    const all = (await o.request('GET', `/conversations/${id}/messages`, { key: admin })).body.data as { id: number }[];
    expect(all.length).toBe(2);
    expect(((await o.request('GET', `/conversations/${id}/messages?after=${all[0]!.id}`, { key: admin })).body.data as { id: number }[]).map((m) => m.id)).toEqual([all[1]!.id]);
    expect(((await o.request('GET', `/conversations/${id}/messages?before=${all[1]!.id}`, { key: admin })).body.data as { id: number }[]).map((m) => m.id)).toEqual([all[0]!.id]);
    const templated = await o.request('POST', `/conversations/${id}/messages/template`, { key: admin, body: { templateId: o.w.template.id, variables: { name: 'سارة' } } });
    expect(templated.body.data).toMatchObject({ content: 'أهلًا سارة' });
    expect((await o.request('POST', `/conversations/${id}/messages`, { key: admin, body: { content: '   ' } })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'content', code: 'required' }] });
    expect((await o.request('POST', `/conversations/${id}/messages/template`, { key: admin, body: { templateId: 999 } })).status).toBe(404);
  });

  it('sends a file with a caption as multipart, checked like the composer\'s, and refuses a file of the wrong kind', async () => {
    const form = new FormData();
    form.set('content', 'مخطط الشقة');
    form.set('attachments', new Blob([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n')], { type: 'application/pdf' }), 'plan.pdf');
    const sent = await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: admin, body: form });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ content: 'مخطط الشقة', attachments: [{ type: 'document', name: 'plan.pdf', mimeType: 'application/pdf' }] });
    const fake = new FormData();
    fake.set('attachments', new Blob([Buffer.from('not really a png')], { type: 'image/png' }), 'x.png');
    expect((await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: admin, body: fake })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ code: 'media_content_mismatch' }] });
  });

  it('serves templates, contacts and users as the contract has them', async () => {
    const templates = await o.request('GET', '/templates?isActive=true', { key: admin });
    expect(templates.body).toMatchObject({ success: true, meta: { total: 2, categories: ['other'] } });
    const t2 = await o.request('POST', '/templates', { key: admin, body: { name: 'متابعة', content: 'مرحبا {{name}}', category: 'follow_up' } });
    expect(t2.status).toBe(201);
    const tid = (t2.body.data as { id: number }).id;
    expect((await o.request('PUT', `/templates/${tid}`, { key: admin, body: { isActive: false } })).body.data).toMatchObject({ isActive: false });
    expect((await o.request('POST', '/templates', { key: admin, body: { name: 'bad', content: 'مرحبا {{name' } })).body.error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect((await o.request('DELETE', `/templates/${tid}`, { key: admin })).status).toBe(200);

    const contact = await o.request('POST', '/contacts', { key: admin, body: { name: 'خالد', phone: '0503334444' } });
    expect(contact.body.data).toMatchObject({ phone: '+966503334444' });
    const cid = (contact.body.data as { id: number }).id;
    expect((await o.request('POST', '/contacts', { key: admin, body: { name: 'خالد', phone: '0503334444' } })).status).toBe(409);
    expect((await o.request('PATCH', `/contacts/${cid}`, { key: admin, body: { tags: ['VIP'] } })).body.data).toMatchObject({ tags: ['VIP'] });
    expect((await o.request('POST', `/contacts/${cid}/notes`, { key: admin, body: { content: 'يريد فيلا' } })).status).toBe(201);
    expect((await o.request('GET', `/contacts/${cid}`, { key: admin })).body.data).toMatchObject({ notes: [{ content: 'يريد فيلا' }] });
    expect((await o.request('GET', '/contacts?search=%D8%AE%D8%A7%D9%84%D8%AF', { key: admin })).body.meta).toMatchObject({ total: 1 });

    expect(((await o.request('GET', '/users', { key: admin })).body.data as unknown[]).length).toBe(3);
    const user = await o.request('POST', '/users', { key: admin, body: { name: 'موظفة جديدة', email: 'new@office.test', password: 'new-pass-1234', role: 'agent' } });
    expect(user.status).toBe(201);
    expect((await o.request('PUT', `/users/${(user.body.data as { id: number }).id}`, { key: admin, body: { name: 'موظفة' } })).body.data).toMatchObject({ name: 'موظفة' });
    expect((await o.request('POST', '/users', { key: admin, body: { name: 'مكرر', email: 'new@office.test', password: 'new-pass-1234', role: 'agent' } })).status).toBe(409);
  });

  it('answers an unknown route or method with 404 in the error format', async () => {
    expect((await o.request('GET', '/nothing-here', { key: admin })).body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    expect((await o.request('PATCH', '/numbers', { key: admin })).status).toBe(404);
  });
});
