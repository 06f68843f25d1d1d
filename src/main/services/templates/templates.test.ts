import { afterEach, describe, expect, it } from 'vitest';
import { linkedNumber, trackedCores } from '../../testing/demo-core';
import { eventually } from '../../testing/test-core';

const cores = trackedCores(afterEach);
const start = () => cores.start();
const startDemo = () => cores.startDemo();

const appointment = {
  name: 'تأكيد الموعد',
  content: 'مرحباً {{customer_name}}، نود تذكيرك بموعدك يوم {{appointment_date}} الساعة {{ appointment_time }} لمعاينة {{property_name}}. هل يناسبك الموعد يا {{customer_name}}؟',
  category: 'appointment' as const,
};

describe('templates', () => {
  it('reads the {{variables}} from the content, each once and in order, Arabic names included', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const created = await t.call('templates.create', appointment, admin.token);
    expect(created).toMatchObject({
      name: 'تأكيد الموعد',
      category: 'appointment',
      variables: ['customer_name', 'appointment_date', 'appointment_time', 'property_name'],
      isActive: true,
      usageCount: 0,
    });
    const arabic = await t.call('templates.create', { name: 'عرض', content: 'السعر {{السعر}} ريال للحي {{حي_2}}' }, admin.token);
    expect(arabic).toMatchObject({ variables: ['price', 'حي_2'], category: 'other' }); // السعر is price written in Arabic

    const changed = await t.call('templates.update', { id: created.id, content: 'أهلاً {{customer_name}}' }, admin.token);
    expect(changed.variables).toEqual(['customer_name']);
    const stored = t.core.database.sqlite.prepare('select variables from message_templates where id = ?').get(created.id) as { variables: string };
    expect(JSON.parse(stored.variables)).toEqual(['customer_name']);
    expect(t.events.filter((e) => e.event === 'templates.changed')).toHaveLength(3);
  });

  it('refuses broken braces, bad variable names, an empty name and a listed variable the text does not use, with a detail per field', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    expect(await t.failure('templates.create', { name: 'x', content: 'مرحباً {{customer_name' }, admin.token)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'content', code: 'unbalanced_braces' }],
    });
    expect(await t.failure('templates.create', { name: 'x', content: 'مرحباً customer_name}} و {{}}' }, admin.token)).toMatchObject({
      details: [
        { field: 'content', code: 'unbalanced_braces' },
        { field: 'content', code: 'invalid_variable', params: { name: '' } },
      ],
    });
    expect((await t.failure('templates.create', { name: 'x', content: 'أهلاً {{customer name}}' }, admin.token)).details).toEqual([
      expect.objectContaining({ field: 'content', code: 'invalid_variable', params: { name: 'customer name' } }),
    ]);
    expect((await t.failure('templates.create', { name: '   ', content: '   ' }, admin.token)).details).toEqual([
      expect.objectContaining({ field: 'name', code: 'required' }),
      expect.objectContaining({ field: 'content', code: 'required' }),
    ]);
    expect((await t.failure('templates.create', { name: 'x', content: 'أهلاً {{customer_name}}', variables: ['customer_name', 'price'] }, admin.token)).details).toEqual([
      expect.objectContaining({ field: 'variables', code: 'unknown_variable', params: { name: 'price' } }),
    ]);
    expect((await t.failure('templates.create', { name: 'x', content: 'hi', category: 'spam' }, admin.token)).details).toEqual([
      expect.objectContaining({ field: 'category', code: 'invalid' }),
    ]);
    expect(await t.call('templates.list', {}, admin.token)).toEqual([]);
  });

  it('refuses a second template with the same name, written with or without tashkeel, as a CONFLICT on the name', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const first = await t.call('templates.create', { name: 'ترحيب العميل الجديد', content: 'أهلاً {{customer_name}}' }, admin.token);
    expect(await t.failure('templates.create', { name: 'تَرْحِيب العميل الجديد', content: 'مرحباً' }, admin.token)).toMatchObject({
      code: 'CONFLICT',
      details: [{ field: 'name', code: 'name_taken' }],
    });
    const second = await t.call('templates.create', { name: 'متابعة', content: 'مرحباً' }, admin.token);
    expect((await t.failure('templates.update', { id: second.id, name: 'ترحيب العميل الجديد' }, admin.token)).code).toBe('CONFLICT');
    // Saving a template under its own name is not a conflict.
    expect((await t.call('templates.update', { id: first.id, name: 'ترحيب العميل الجديد', isActive: false }, admin.token)).isActive).toBe(false);
  });

  it('lists by category and active state, and finds a word typed without tashkeel or with another hamza form', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    await t.call('templates.create', appointment, admin.token);
    await t.call('templates.create', { name: 'ترحيب', content: 'أهلاً وسهلاً {{customer_name}}! كيف يمكننا مساعدتك اليوم؟', category: 'greeting' }, admin.token);
    const off = await t.call('templates.create', { name: 'عرض خاص', content: 'عَرْضٌ حصري: {{offer_details}}', category: 'promotion', isActive: false }, admin.token);
    const names = (list: { name: string }[]) => list.map((x) => x.name).sort();

    expect(names(await t.call('templates.list', { category: 'greeting' }, admin.token))).toEqual(['ترحيب']);
    expect(names(await t.call('templates.list', { isActive: false }, admin.token))).toEqual(['عرض خاص']);
    expect(names(await t.call('templates.list', { isActive: true }, admin.token))).toEqual(['ترحيب', 'تأكيد الموعد'].sort());
    expect(names(await t.call('templates.list', { search: 'تاكيد' }, admin.token))).toEqual(['تأكيد الموعد']);
    expect(names(await t.call('templates.list', { search: 'اهلا' }, admin.token))).toEqual(['ترحيب']);
    expect(names(await t.call('templates.list', { search: 'عرض حصري' }, admin.token))).toEqual(['عرض خاص']);
    expect(names(await t.call('templates.list', { search: 'معاينة الموعد' }, admin.token))).toEqual(['تأكيد الموعد']);
    expect(await t.call('templates.list', { search: 'فيلا' }, admin.token)).toEqual([]);

    await t.call('templates.delete', { id: off.id }, admin.token);
    expect(await t.call('templates.list', { isActive: false }, admin.token)).toEqual([]);
    expect((await t.failure('templates.delete', { id: off.id }, admin.token)).code).toBe('NOT_FOUND');
    const actions = (await t.call('activity.list', { limit: 10 }, admin.token)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['template.created', 'template.deleted']));
  });

  it('agents read templates but cannot create, change or delete them; supervisors can', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
    const created = await t.call('templates.create', appointment, supervisor.token);
    expect(await t.call('templates.list', {}, agent.token)).toHaveLength(1);
    expect((await t.failure('templates.create', { name: 'x', content: 'y' }, agent.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('templates.update', { id: created.id, name: 'z' }, agent.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('templates.delete', { id: created.id }, agent.token)).code).toBe('FORBIDDEN');
    expect(await t.call('templates.list', {}, agent.token)).toMatchObject([{ id: created.id, name: appointment.name }]);
    await t.call('templates.delete', { id: created.id }, supervisor.token);
    expect((await t.failure('templates.list', {})).code).toBe('UNAUTHORIZED');
  });
});

describe('sending a template', () => {
  async function conversationWithCustomer(t: ReturnType<typeof startDemo>) {
    const linked = await linkedNumber(t);
    t.world.deliverInbound(linked.phoneWid, { from: '966501112233', body: 'أبغى أشوف الشقة', profileName: 'محمد أحمد' });
    const conversation = await eventually(async () => {
      const page = await t.call('conversations.list', {}, linked.admin.token);
      expect(page.data).toHaveLength(1);
      return page.data[0]!;
    });
    return { ...linked, conversation };
  }

  it('a template with a missing or blank variable is refused with a detail per variable, and nothing is stored', async () => {
    const t = startDemo();
    const { admin, conversation, phoneWid } = await conversationWithCustomer(t);
    const template = await t.call('templates.create', appointment, admin.token);
    const messages = () => (t.core.database.sqlite.prepare('select count(*) as n from messages').get() as { n: number }).n;
    const before = messages();

    const error = await t.failure(
      'messages.sendTemplate',
      { conversationId: conversation.id, templateId: template.id, variables: { customer_name: 'محمد أحمد', appointment_date: '  ' } },
      admin.token,
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [
        { field: 'variables.appointment_date', code: 'required' },
        { field: 'variables.appointment_time', code: 'required' },
        { field: 'variables.property_name', code: 'required' },
      ],
    });
    expect(messages()).toBe(before);
    expect((await t.call('templates.list', {}, admin.token))[0]?.usageCount).toBe(0);
    expect(t.events.some((e) => e.event === 'message.new' && (e.data as { message: { sender: string } }).message.sender === 'agent')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.world.sentMessages(phoneWid)).toHaveLength(0);

    expect((await t.failure('messages.sendTemplate', { conversationId: conversation.id, templateId: 999, variables: {} }, admin.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('messages.sendTemplate', { conversationId: 999, templateId: template.id, variables: {} }, admin.token)).code).toBe('NOT_FOUND');
    await t.call('templates.update', { id: template.id, isActive: false }, admin.token);
    const inactive = await t.failure(
      'messages.sendTemplate',
      { conversationId: conversation.id, templateId: template.id, variables: { customer_name: 'a', appointment_date: 'b', appointment_time: 'c', property_name: 'd' } },
      admin.token,
    );
    expect(inactive).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'template_inactive' });
    expect(messages()).toBe(before);
  });

  it('sends the filled text through the outbox to read, counts the use and links the message to its template', async () => {
    const t = startDemo();
    const { admin, conversation, phoneWid } = await conversationWithCustomer(t);
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const template = await t.call('templates.create', appointment, admin.token);
    const filled = 'مرحباً محمد أحمد، نود تذكيرك بموعدك يوم الأحد 25 يناير الساعة 4:00 مساءً لمعاينة شقة فاخرة في حي النرجس. هل يناسبك الموعد يا محمد أحمد؟';

    const sent = await t.call(
      'messages.sendTemplate',
      {
        conversationId: conversation.id,
        templateId: template.id,
        variables: { customer_name: 'محمد أحمد', appointment_date: 'الأحد 25 يناير', appointment_time: '4:00 مساءً', property_name: 'شقة فاخرة في حي النرجس', unused: 'x' },
      },
      admin.token,
    );
    expect(sent).toMatchObject({ content: filled, sender: 'agent', status: 'queued', conversationId: conversation.id });
    await eventually(async () => {
      const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
      expect(thread.find((m) => m.id === sent.id)?.status).toBe('read');
    });
    expect(t.world.sentMessages(phoneWid).filter((m) => m.body === filled)).toHaveLength(1);
    const row = t.core.database.sqlite.prepare('select template_id, content from messages where id = ?').get(sent.id) as { template_id: number; content: string };
    expect(row).toEqual({ template_id: template.id, content: filled });
    expect((await t.call('conversations.get', { id: conversation.id }, admin.token)).lastMessage).toBe(filled);

    // Any signed-in user who works the number may send one; each send counts.
    await t.call('numbers.update', { id: conversation.whatsappNumberId, employeeId: agent.user.id }, admin.token);
    const second = await t.call(
      'messages.sendTemplate',
      { conversationId: conversation.id, templateId: template.id, variables: { customer_name: 'محمد', appointment_date: 'a', appointment_time: 'b', property_name: 'c' } },
      agent.token,
    );
    expect(second).toMatchObject({ senderName: agent.user.name, status: 'queued' });
    expect((await t.call('templates.list', {}, agent.token))[0]?.usageCount).toBe(2);
    // An agent who does not work the number is refused before anything is stored or counted.
    const outsider = await t.createUser(admin.token, 'agent', 'outsider@office.test');
    const refused = await t.failure('messages.sendTemplate', { conversationId: conversation.id, templateId: template.id, variables: { customer_name: 'x', appointment_date: 'a', appointment_time: 'b', property_name: 'c' } }, outsider.token);
    expect(refused.code).toBe('FORBIDDEN');
    expect((await t.call('templates.list', {}, admin.token))[0]?.usageCount).toBe(2);
    expect(t.events.some((e) => e.event === 'message.new' && (e.data as { message: { id: number } }).message.id === sent.id)).toBe(true);
    expect((await t.call('activity.list', { limit: 20 }, admin.token)).map((a) => a.action)).toContain('template.used');
  });
});
