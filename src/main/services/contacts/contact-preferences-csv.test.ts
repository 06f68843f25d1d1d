import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;

async function csvUpload(t: TestCore, token: string, csv: string): Promise<string> {
  const bytes = Buffer.from(csv);
  const { uploadId } = await t.call('media.uploadStart', { name: 'عملاء.csv', mimeType: 'text/csv', size: bytes.length }, token);
  await t.call('media.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') }, token);
  await t.call('media.uploadFinish', { uploadId }, token);
  return uploadId;
}

const file = [
  'الاسم,الجوال,الميزانية من,الميزانية إلى,المدينة المفضلة,الأحياء المفضلة,أنواع العقار,غرف النوم',
  'نورة,0501110001,"700,000","900,000",الرياض,"الياسمين، النرجس","شقة، Villa",3',
  'ماجد,0501110002,,1.5 مليون,,,,',
  'ريم,0501110003,900000,800000,,,قصر,ثلاث',
].join('\r\n');

describe("contacts' property preferences in CSV", () => {
  let t: TestCore;
  afterEach(() => t.close());

  it('imports budget, city, districts, types and bedrooms from their guessed columns, reporting bad cells; exports them back', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const uploadId = await csvUpload(t, token, file);
    const preview = await t.call('contacts.importPreview', { uploadId }, token);
    expect(preview.mapping).toEqual({ name: 0, phone: 1, budgetMin: 2, budgetMax: 3, city: 4, districts: 5, propertyTypes: 6, bedrooms: 7 });
    expect(preview.problems).toEqual([
      { row: 3, field: 'budgetMax', code: 'invalid_amount' },
      { row: 4, field: 'propertyTypes', code: 'invalid_property_type' },
      { row: 4, field: 'bedrooms', code: 'invalid_bedrooms' },
      { row: 4, field: 'budgetMax', code: 'budget_range' },
    ]);
    await t.call('contacts.import', { uploadId, mapping: preview.mapping, onDuplicate: 'skip' }, token);
    const { data } = await t.call('contacts.list', { search: 'نورة' }, token);
    expect(data[0]!.preferences).toEqual({ budgetMin: 70_000_000, budgetMax: 90_000_000, city: 'الرياض', districts: ['الياسمين', 'النرجس'], propertyTypes: ['apartment', 'villa'], bedrooms: 3 });

    const { csv } = await t.call('contacts.export', {}, token);
    const lines = csv.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('الاسم,الجوال,البريد الإلكتروني,الوسوم,تاريخ المتابعة,الميزانية من,الميزانية إلى,المدينة المفضلة,الأحياء المفضلة,أنواع العقار,غرف النوم (حد أدنى)');
    expect(lines[1]).toContain('"700,000.00","900,000.00",الرياض,الياسمين، النرجس,شقة، فيلا,3');
  });
});
