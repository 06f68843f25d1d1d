import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../../testing/test-core';
import { automationOffice } from './automation-office';
import { JobVariables, spokenPrice, variableSettingsOf } from './job-variables';

let t: ReturnType<typeof startTestCore>;
afterEach(() => t?.close());

async function office() {
  t = startTestCore({ clock: manualClock(Date.UTC(2026, 11, 3, 9, 0)) });
  const o = await automationOffice(t);
  const sqlite = t.core.database.sqlite;
  const setting = (key: string, value: unknown) =>
    sqlite.prepare('insert into settings (key, value, updated_at) values (?, ?, 0) on conflict (key) do update set value = excluded.value').run(key, JSON.stringify(value));
  const property = (price: number | null, location: string | null = 'حي الملقا، الرياض') =>
    Number(sqlite.prepare("insert into properties (name, type, location, price, created_at, updated_at) values ('فيلا الملقا', 'villa', ?, ?, 0, 0)").run(location, price).lastInsertRowid);
  const agentId = sqlite.prepare<[], { id: number }>('select id from users limit 1').get()!.id;
  const viewing = (propertyId: number, startAt: number) =>
    Number(
      sqlite
        .prepare(`insert into viewings (contact_id, conversation_id, whatsapp_number_id, property_id, agent_id, start_at, end_at, duration_minutes, status, created_at, updated_at)
                  values (?, ?, ?, ?, ?, ?, ?, 60, 'confirmed', 0, 0)`)
        .run(o.contactId, o.conversationId, o.sales.id, propertyId, agentId, startAt, startAt + 3_600_000).lastInsertRowid,
    );
  const variables = new JobVariables(sqlite);
  const settings = () => variableSettingsOf(sqlite, () => ({ office_phone: '+966112223333' }));
  return { ...o, sqlite, setting, property, viewing, variables, settings };
}

describe('the values an automated message is filled with', () => {
  it('greets the customer by name and gives the number they wrote to and the office phone', async () => {
    const o = await office();
    const filled = o.variables.fill(
      { content: 'مرحباً {{customer_name}}، اتصل بنا على {{contact_number}} أو {{office_phone}}', variables: ['customer_name', 'contact_number', 'office_phone'] },
      { trigger: 'new_inquiry', conversationId: o.conversationId, contactId: o.contactId },
      o.settings(),
    );
    expect(filled).toEqual({ text: 'مرحباً أبو خالد، اتصل بنا على +966550000001 أو +966112223333', missing: [] });
  });

  it('writes a viewing reminder in the office zone and in the Hijri calendar when the office uses it', async () => {
    const o = await office();
    o.setting('office.timeZone', 'Asia/Riyadh');
    const villa = o.property(150_000_000);
    // 2026-12-10 13:30 UTC is 16:30 in Riyadh.
    const viewingId = o.viewing(villa, Date.UTC(2026, 11, 10, 13, 30));
    const subject = { trigger: 'appointment_reminder' as const, conversationId: o.conversationId, contactId: o.contactId, viewingId };
    const template = { content: 'نراك {{appointment_date}} الساعة {{appointment_time}} في {{property_name}}', variables: ['appointment_date', 'appointment_time', 'property_name'] };

    const gregorian = o.variables.fill(template, subject, o.settings()).text;
    expect(gregorian).toContain('ديسمبر');
    expect(gregorian).toContain('4:30');
    expect(gregorian).toContain('فيلا الملقا');

    o.setting('office.display', { digits: 'latn', calendar: 'islamic-umalqura' });
    const hijri = o.variables.fill(template, subject, o.settings()).text;
    expect(hijri).not.toContain('ديسمبر');
    expect(hijri).toMatch(/جمادى|رجب|هـ/u);

    // The same instant in another office zone reads another hour, whatever the process's zone.
    o.setting('office.timeZone', 'America/New_York');
    expect(o.variables.fill(template, subject, o.settings()).text).toContain('8:30');
  });

  it('groups prices with the riyal in Arabic and SAR in English, never doubling a currency the template writes', async () => {
    const o = await office();
    expect(spokenPrice(150_000_000, 'ar', 'latn')).toBe('1,500,000 ريال');
    expect(spokenPrice(150_000_050, 'en', 'latn')).toBe('SAR 1,500,000.50');
    expect(spokenPrice(150_000_000, 'ar', 'latn', '💰 {{price}} ريال')).toBe('1,500,000');
    expect(spokenPrice(150_000_000, 'ar', 'arab')).toBe('١٬٥٠٠٬٠٠٠ ريال');
    const villa = o.property(150_000_000);
    const text = o.variables.fill({ content: 'The villa at {{location}} now costs {{price}}', variables: ['location', 'price'] }, { trigger: 'property_match', conversationId: o.conversationId, contactId: o.contactId, propertyId: villa }, o.settings()).text;
    expect(text).toBe('The villa at حي الملقا، الرياض now costs SAR 1,500,000');
  });

  it('announces the price a price change was armed with rather than the stored one', async () => {
    const o = await office();
    const villa = o.property(150_000_000);
    const subject = { trigger: 'price_change' as const, conversationId: o.conversationId, contactId: o.contactId, propertyId: villa, context: { price: 140_000_000 } };
    expect(o.variables.fill({ content: 'السعر الجديد {{price}}', variables: ['price'] }, subject, o.settings()).text).toBe('السعر الجديد 1,400,000 ريال');
  });

  it('names what it cannot fill instead of leaving a placeholder for the customer', async () => {
    const o = await office();
    const unpriced = o.property(null);
    const filled = o.variables.fill(
      { content: 'السعر {{price}} موعدك {{appointment_date}}', variables: ['price', 'appointment_date'] },
      { trigger: 'property_match', conversationId: o.conversationId, contactId: o.contactId, propertyId: unpriced },
      o.settings(),
    );
    expect(filled.text).toBe('');
    expect(filled.missing.sort()).toEqual(['appointment_date', 'price']);
    // A name in the text the stored list forgot is caught all the same.
    const forgotten = o.variables.fill({ content: 'أهلاً {{agent_name}}', variables: [] }, { trigger: 'new_inquiry', conversationId: o.conversationId, contactId: o.contactId }, o.settings());
    expect(forgotten).toEqual({ text: '', missing: ['agent_name'] });
  });

  it('names the assigned agent, and the office phone only once it is set', async () => {
    const o = await office();
    o.sqlite.prepare('update conversations set assigned_agent_id = (select id from users limit 1) where id = ?').run(o.conversationId);
    const subject = { trigger: 'follow_up' as const, conversationId: o.conversationId, contactId: o.contactId };
    expect(o.variables.values(subject, 'ar', o.settings()).agent_name).toBe('مدير المكتب');
    const noPhone = variableSettingsOf(o.sqlite, () => ({}));
    expect(o.variables.values(subject, 'ar', noPhone).office_phone).toBeUndefined();
  });
});
