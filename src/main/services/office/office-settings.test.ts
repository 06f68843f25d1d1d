import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import type { OfficeDisplay, OfficeSettings } from '../../../shared/office/types';
import { silentLogger } from '../../base/logger';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { startHost, type RunningHost } from '../../host/start-host';
import { linkedNumber, trackedCores } from '../../testing/demo-core';
import { openSocket, rendererFixture } from '../../testing/host-socket';
import { eventually, manualClock, migrationsDir, tempDir } from '../../testing/test-core';

const cores = trackedCores(afterEach);

const hour = 60 * 60_000;
/** Wednesday 25 November 2026, 12:00 in Riyadh. */
const wednesdayNoonRiyadh = Date.UTC(2026, 10, 25, 9, 0, 0);

const office: ChannelInput<'office.update'> = {
  profile: {
    legalNameAr: 'شركة ميراس العقارية',
    legalNameEn: 'Meras Real Estate Co.',
    crNumber: '1010123456',
    falLicenceNumber: '1200012345',
    nationalAddress: 'RRRD2929، حي الملقا، الرياض 13524',
    phone: '0501234567',
  },
  hours: {
    timeZone: 'Asia/Riyadh',
    workingDays: [4, 0, 1, 2, 3, 0],
    shifts: [
      { start: '09:00', end: '13:00' },
      { start: '16:30', end: '21:00' },
    ],
    holidays: [
      { from: '2027-03-09', to: '2027-03-12', name: 'عيد الفطر' },
      { from: '2027-05-16', to: '2027-05-19', name: 'عيد الأضحى' },
    ],
    responseTargetMinutes: 15,
  },
  display: { digits: 'arab', calendar: 'both' },
};

async function officeWithAdmin(options: Parameters<typeof cores.start>[0] = {}) {
  const t = cores.start(options);
  const admin = await t.setupAdmin();
  return { t, admin };
}

/** Everything the settings table holds, and the log's length: a refusal must leave both as they were. */
function snapshot(t: ReturnType<typeof cores.start>) {
  const sqlite = t.core.database.sqlite;
  return {
    settings: sqlite.prepare("select key, value from settings where key like 'office.%' order by key").all(),
    activity: (sqlite.prepare("select count(*) as n from activity_log where action = 'office.updated'").get() as { n: number }).n,
  };
}

describe('Settings → Office', () => {
  it('keeps what the admin saves: the phone as E.164, working days in order, and the office calendar answers with the new week', async () => {
    const { t, admin } = await officeWithAdmin();
    const before = await t.call('office.get', {}, admin.token);
    expect(before.hours).toMatchObject({ timeZone: 'Asia/Riyadh', workingDays: [0, 1, 2, 3, 4], responseTargetMinutes: 60 });
    expect(before.display).toEqual({ digits: 'latn', calendar: 'gregory' });

    const saved = await t.call('office.update', office, admin.token);
    const expected: OfficeSettings = {
      profile: { ...office.profile!, phone: '+966501234567' },
      hours: { ...office.hours!, workingDays: [0, 1, 2, 3, 4] },
      display: { digits: 'arab', calendar: 'both' },
    };
    expect(saved).toEqual(expected);
    expect(await t.call('office.get', {}, admin.token)).toEqual(expected);

    // The calendar every feature asks reads the same keys.
    const calendar = officeCalendarOf(t.core.database.sqlite);
    expect(calendar.holidayOn('2027-03-10')).toBe('عيد الفطر');
    expect(calendar.isOpen(Date.UTC(2027, 2, 10, 9))).toBe(false);
    expect(calendar.isOpen(Date.UTC(2027, 2, 14, 9))).toBe(true);

    // An agent reads what their screen needs to show dates, but not the rest.
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const display = await t.call('office.display', {}, agent.token);
    expect(display).toEqual<OfficeDisplay>({
      timeZone: 'Asia/Riyadh',
      digits: 'arab',
      calendar: 'both',
      workingDays: [0, 1, 2, 3, 4],
      holidays: office.hours!.holidays,
      nameAr: 'شركة ميراس العقارية',
      nameEn: 'Meras Real Estate Co.',
      phone: '+966501234567',
    });
  });

  it('moves the office to another zone: days and hours follow its wall clock, summer time included', async () => {
    const { t, admin } = await officeWithAdmin();
    await t.call('office.update', { hours: { ...office.hours!, timeZone: 'Europe/London', workingDays: [0, 1, 2, 3, 4, 5, 6], holidays: [] } }, admin.token);
    const calendar = officeCalendarOf(t.core.database.sqlite);
    // 09:30 in London is 08:30 UTC in summer (BST) and 09:30 UTC in winter.
    expect(calendar.isOpen(Date.UTC(2026, 6, 1, 8, 30))).toBe(true);
    expect(calendar.isOpen(Date.UTC(2026, 0, 15, 8, 30))).toBe(false);
    expect(calendar.isOpen(Date.UTC(2026, 0, 15, 9, 30))).toBe(true);
    expect((await t.call('office.get', {}, admin.token)).hours.timeZone).toBe('Europe/London');
  });

  it.each([
    ['a zone Intl does not know', { hours: { ...office.hours!, timeZone: 'Asia/Atlantis' } }, 'hours.timeZone', 'unknown_time_zone'],
    ['an offset instead of a zone', { hours: { ...office.hours!, timeZone: '+03:00' } }, 'hours.timeZone', 'unknown_time_zone'],
    ['a time that is not HH:MM', { hours: { ...office.hours!, shifts: [{ start: '9:00', end: '13:00' }] } }, 'hours.shifts.0.start', 'invalid'],
    ['a time past 23:59', { hours: { ...office.hours!, shifts: [{ start: '09:00', end: '24:30' }] } }, 'hours.shifts.0.end', 'invalid'],
    [
      'two shifts that overlap on a day',
      { hours: { ...office.hours!, shifts: [{ start: '09:00', end: '13:00' }, { start: '12:30', end: '17:00' }] } },
      'hours.shifts.1.start',
      'overlapping_shifts',
    ],
    [
      'a night shift running into the next morning’s shift',
      { hours: { ...office.hours!, shifts: [{ start: '09:00', end: '13:00' }, { start: '20:00', end: '09:30' }] } },
      'hours.shifts.1.start',
      'overlapping_shifts',
    ],
    ['a holiday that ends before it starts', { hours: { ...office.hours!, holidays: [{ from: '2027-03-12', to: '2027-03-09', name: 'عيد الفطر' }] } }, 'hours.holidays.0.to', 'ends_before_start'],
    ['a holiday without a name', { hours: { ...office.hours!, holidays: [{ from: '2027-03-09', to: '2027-03-09', name: '  ' }] } }, 'hours.holidays.0.name', 'required'],
    ['a response target of zero', { hours: { ...office.hours!, responseTargetMinutes: 0 } }, 'hours.responseTargetMinutes', 'min_value'],
    ['digits the app cannot show', { display: { digits: 'thai', calendar: 'gregory' } }, 'display.digits', 'invalid'],
    // Checked by the core only (the number plan); the valid week sent with it is not saved either.
    ['a phone that is not a number', { ...office, profile: { ...office.profile!, phone: '12345' } }, 'profile.phone', 'invalid_phone'],
  ] as const)('refuses %s with VALIDATION_ERROR on the field, and saves nothing', async (_what, input, field, code) => {
    const { t, admin } = await officeWithAdmin();
    await t.call('office.update', { hours: { ...office.hours!, responseTargetMinutes: 30 } }, admin.token);
    const before = snapshot(t);
    const error = await t.failure('office.update', input, admin.token);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual([expect.objectContaining({ field, code })]);
    expect(snapshot(t)).toEqual(before);
    expect(t.events.filter((e) => e.event === 'office.changed')).toHaveLength(1);
  });

  it('accepts a shift past midnight that ends before the next morning’s, and the office is open after midnight', async () => {
    const { t, admin } = await officeWithAdmin();
    const shifts = [
      { start: '09:00', end: '13:00' },
      { start: '20:00', end: '02:00' },
    ];
    await t.call('office.update', { hours: { ...office.hours!, shifts, holidays: [] } }, admin.token);
    // Thursday 01:00 in Riyadh belongs to Wednesday's night shift.
    expect(officeCalendarOf(t.core.database.sqlite).isOpen(Date.UTC(2026, 10, 25, 22))).toBe(true);
  });

  it('writes each change in the activity log with what it was and what it became, and nothing for a save that changes nothing', async () => {
    const { t, admin } = await officeWithAdmin();
    await t.call('office.update', { display: { digits: 'arab', calendar: 'gregory' } }, admin.token);
    await t.call('office.update', { display: { digits: 'arab', calendar: 'gregory' } }, admin.token);
    await t.call('office.update', { hours: { ...office.hours!, timeZone: 'Asia/Dubai', shifts: [{ start: '08:00', end: '14:00' }] } }, admin.token);

    const log = (await t.call('activity.list', { action: 'office' }, admin.token)).filter((e) => e.action === 'office.updated');
    expect(log).toHaveLength(2);
    const [hours, display] = log;
    expect(display!.userId).toBe(admin.user.id);
    expect(display!.details).toEqual({ changes: [{ field: 'display.digits', from: 'latn', to: 'arab' }] });
    expect(hours!.details).toEqual({
      changes: [
        { field: 'hours.timeZone', from: 'Asia/Riyadh', to: 'Asia/Dubai' },
        {
          field: 'hours.shifts',
          from: [
            { start: '09:00', end: '13:00' },
            { start: '16:30', end: '21:00' },
          ],
          to: [{ start: '08:00', end: '14:00' }],
        },
        { field: 'hours.holidays', from: [], to: office.hours!.holidays },
        { field: 'hours.responseTargetMinutes', from: 60, to: 15 },
      ],
    });
  });

  it('refuses supervisors and agents at the router, reading the full settings or changing them', async () => {
    const { t, admin } = await officeWithAdmin();
    const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const before = snapshot(t);
    for (const who of [supervisor, agent]) {
      expect((await t.failure('office.update', office, who.token)).code).toBe('FORBIDDEN');
      expect((await t.failure('office.get', {}, who.token)).code).toBe('FORBIDDEN');
    }
    expect((await t.failure('office.display', {}, undefined)).code).toBe('UNAUTHORIZED');
    expect(snapshot(t)).toEqual(before);
  });

  it('says whether the office is open now and until when, or when it next opens (split shifts, holidays)', async () => {
    const clock = manualClock(wednesdayNoonRiyadh);
    const { t, admin } = await officeWithAdmin({ clock });
    await t.call('office.update', { hours: { ...office.hours!, holidays: [] } }, admin.token);
    expect(await t.call('office.status', {}, admin.token)).toEqual({
      now: '2026-11-25T09:00:00.000Z',
      isOpen: true,
      closesAt: '2026-11-25T10:00:00.000Z',
      nextOpening: null,
      officeDay: '2026-11-25',
      holiday: null,
    });
    clock.advance(1.5 * hour); // 13:30: between the shifts
    expect(await t.call('office.status', {}, admin.token)).toMatchObject({ isOpen: false, closesAt: null, nextOpening: '2026-11-25T13:30:00.000Z' });

    // Today and tomorrow become a holiday: next opening is Sunday 09:00 (Friday and Saturday are the weekend).
    await t.call('office.update', { hours: { ...office.hours!, holidays: [{ from: '2026-11-25', to: '2026-11-26', name: 'إجازة' }] } }, admin.token);
    expect(await t.call('office.status', {}, admin.token)).toMatchObject({ isOpen: false, nextOpening: '2026-11-29T06:00:00.000Z', holiday: 'إجازة' });
  });
});

describe('the office phone in templates', () => {
  it('fills {{office_phone}} from the setting when the agent leaves it blank, and asks for it while it is not set', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid } = await linkedNumber(t);
    t.world.deliverInbound(phoneWid, { from: '966501112233', body: 'كم رقم المكتب؟', profileName: 'محمد أحمد' });
    const conversation = await eventually(async () => (await t.call('conversations.list', {}, admin.token)).data[0]!);
    const template = await t.call('templates.create', { name: 'رقم المكتب', content: 'أهلاً {{customer_name}}، اتصل بنا على {{هاتف_المكتب}}' }, admin.token);
    const send = () => t.call('messages.sendTemplate', { conversationId: conversation.id, templateId: template.id, variables: { customer_name: 'محمد', office_phone: ' ' } }, admin.token);

    await expect(send()).rejects.toMatchObject({ error: { code: 'VALIDATION_ERROR', details: [{ field: 'variables.office_phone', code: 'required' }] } });
    await t.call('office.update', { profile: { ...office.profile!, phone: '+966 11 234 5678' } }, admin.token);
    expect((await send()).content).toBe('أهلاً محمد، اتصل بنا على +966112345678');
    // A number the agent types wins over the setting.
    const typed = await t.call('messages.sendTemplate', { conversationId: conversation.id, templateId: template.id, variables: { customer_name: 'محمد', office_phone: '920000000' } }, admin.token);
    expect(typed.content).toBe('أهلاً محمد، اتصل بنا على 920000000');
  });
});

describe('an open window hears of a change at once', () => {
  let host: RunningHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  it('sends the new display settings to every signed-in tab, an agent’s too', async () => {
    host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger });
    const adminTab = await openSocket(host);
    const agentTab = await openSocket(host);
    const setup = await adminTab.call('auth.setupAdmin', { name: 'مدير المكتب', email: 'admin@office.test', password: 'admin-pass-123' });
    if (!setup.success) throw new Error(setup.error.message);
    const token = setup.data.token;
    expect((await adminTab.call('users.create', { name: 'موظف', email: 'agent@office.test', password: 'user-pass-123', role: 'agent' }, token)).success).toBe(true);
    const signIn = await agentTab.call('auth.signIn', { email: 'agent@office.test', password: 'user-pass-123' });
    if (!signIn.success) throw new Error(signIn.error.message);

    expect((await adminTab.call('office.update', { display: { digits: 'arab', calendar: 'islamic-umalqura' }, hours: { ...office.hours!, timeZone: 'Asia/Dubai' } }, token)).success).toBe(true);
    for (const tab of [agentTab, adminTab]) {
      await eventually(() => expect(tab.events.find((m) => m.type === 'event' && m.event === 'office.changed')).toMatchObject({ data: { digits: 'arab', calendar: 'islamic-umalqura', timeZone: 'Asia/Dubai' } }));
    }
    await Promise.all([adminTab.close(), agentTab.close()]);
  });
});
