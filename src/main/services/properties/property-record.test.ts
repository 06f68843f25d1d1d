import { afterEach, describe, expect, it } from 'vitest';
import { trackedCores } from '../../testing/demo-core';
import { manualClock } from '../../testing/test-core';

const cores = trackedCores(afterEach);
type Core = ReturnType<typeof cores.start>;

/** The property tables as rows: a refused change must leave them as they were. */
function snapshot(t: Core) {
  const sqlite = t.core.database.sqlite;
  return {
    properties: sqlite.prepare('select * from properties order by id').all(),
    history: sqlite.prepare('select * from property_price_history order by id').all(),
    activity: sqlite.prepare('select count(*) as n from activity_log').get(),
  };
}

describe('the full property record', () => {
  it('keeps sale or rent, city and district, branch, owner, licence and descriptions, and the price in halalas from typed Arabic digits', async () => {
    const t = cores.start();
    const admin = await t.setupAdmin();
    const branch = await t.call('branches.create', { name: 'فرع الرياض' }, admin.token);
    const owner = await t.call('contacts.create', { name: 'مالك العقار', phone: '0501112222' }, admin.token);
    const created = await t.call(
      'properties.create',
      {
        name: 'شقة الملقا', type: 'apartment', price: '١٬٥٠٠٬٠٠٠', listing: 'rent', rentPeriod: 'monthly', city: 'الرياض', district: 'الملقا',
        branchId: branch.id, ownerContactId: owner.id, adLicenceNumber: '٧١٠٠٠١٢٣٤٥', adLicenceExpiry: '2027-03-31', descriptionAr: 'شقة مفروشة', descriptionEn: 'Furnished flat',
      },
      admin.token,
    );
    expect(created).toMatchObject({
      price: 150_000_000, listing: 'rent', rentPeriod: 'monthly', city: 'الرياض', district: 'الملقا', branch: { id: branch.id, name: 'فرع الرياض' },
      owner: { id: owner.id, name: 'مالك العقار', phone: '+966501112222' }, adLicenceNumber: '7100012345', adLicenceExpiry: '2027-03-31',
      descriptionAr: 'شقة مفروشة', descriptionEn: 'Furnished flat', status: 'available',
    });
    // Back to sale: the rent period goes with it.
    const sale = await t.call('properties.update', { id: created.id, listing: 'sale', status: 'off_market' }, admin.token);
    expect(sale).toMatchObject({ listing: 'sale', rentPeriod: null, status: 'off_market' });
  });

  it('writes every price change to the history with who and when, in the change’s transaction, and publishes it', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 25, 9, 0));
    const t = cores.start({ clock });
    const admin = await t.setupAdmin();
    const supervisor = await t.createUser(admin.token, 'supervisor', 'sup@office.test');
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const villa = await t.call('properties.create', { name: 'فيلا حطين', type: 'villa', price: '3,200,000' }, admin.token);
    clock.advance(60_000);
    await t.call('properties.update', { id: villa.id, price: '3,000,000.50' }, supervisor.token);
    clock.advance(60_000);
    await t.call('properties.update', { id: villa.id, name: 'فيلا حطين الجديدة', price: '3,000,000.50' }, admin.token);
    await t.call('properties.update', { id: villa.id, price: null }, admin.token);

    const history = await t.call('properties.priceHistory', { id: villa.id }, agent.token);
    expect(history).toEqual([
      { id: expect.any(Number), oldPrice: 300_000_050, newPrice: null, changedBy: { id: admin.user.id, name: 'مدير المكتب' }, changedAt: '2026-11-25T09:02:00.000Z' },
      { id: expect.any(Number), oldPrice: 320_000_000, newPrice: 300_000_050, changedBy: { id: supervisor.user.id, name: supervisor.user.name }, changedAt: '2026-11-25T09:01:00.000Z' },
    ]);
    const published = t.events.filter((e) => e.event === 'properties.priceChanged').map((e) => e.data);
    expect(published).toEqual([
      { propertyId: villa.id, oldPrice: 320_000_000, newPrice: 300_000_050, changedBy: supervisor.user.id },
      { propertyId: villa.id, oldPrice: 300_000_050, newPrice: null, changedBy: admin.user.id },
    ]);
  });

  it('refuses bad money, a rent without its period, an archived branch and an unknown owner, each on its field, leaving the database unchanged', async () => {
    const t = cores.start();
    const admin = await t.setupAdmin();
    const villa = await t.call('properties.create', { name: 'فيلا حطين', type: 'villa', price: '3,200,000' }, admin.token);
    const branch = await t.call('branches.create', { name: 'فرع قديم' }, admin.token);
    await t.call('branches.setArchived', { id: branch.id, archived: true }, admin.token);
    const before = snapshot(t);
    const fieldOf = async (input: Record<string, unknown>) => {
      const failure = await t.failure('properties.update', { id: villa.id, ...input }, admin.token);
      expect(failure.code).toBe('VALIDATION_ERROR');
      return (failure.details as { field: string; code: string }[]).map((d) => [d.field, d.code]);
    };
    expect(await fieldOf({ price: '1.5m' })).toEqual([['price', 'invalid']]);
    expect(await fieldOf({ price: '1500.555' })).toEqual([['price', 'invalid']]);
    expect(await fieldOf({ price: '-1' })).toEqual([['price', 'min_value']]);
    expect(await fieldOf({ price: '10,000,000,001' })).toEqual([['price', 'max_value']]);
    expect(await fieldOf({ listing: 'rent' })).toEqual([['rentPeriod', 'required']]);
    expect(await fieldOf({ branchId: branch.id })).toEqual([['branchId', 'invalid']]);
    expect(await fieldOf({ ownerContactId: 999 })).toEqual([['ownerContactId', 'invalid']]);
    expect(await fieldOf({ adLicenceNumber: 'abc' })).toEqual([['adLicenceNumber', 'invalid']]);
    expect(await fieldOf({ adLicenceExpiry: '2027-02-30' })).toEqual([['adLicenceExpiry', 'invalid']]);
    expect(snapshot(t)).toEqual(before);
  });

  it('filters the catalogue by status, branch, city and sale or rent', async () => {
    const t = cores.start();
    const admin = await t.setupAdmin();
    const riyadh = await t.call('branches.create', { name: 'فرع الرياض' }, admin.token);
    const jeddah = await t.call('branches.create', { name: 'فرع جدة' }, admin.token);
    const a = await t.call('properties.create', { name: 'أ', type: 'villa', city: 'الرياض', branchId: riyadh.id }, admin.token);
    const b = await t.call('properties.create', { name: 'ب', type: 'apartment', city: 'جدة', branchId: jeddah.id, listing: 'rent', rentPeriod: 'yearly' }, admin.token);
    const c = await t.call('properties.create', { name: 'ج', type: 'land', city: 'الرياض', branchId: jeddah.id, status: 'sold' }, admin.token);
    const ids = async (input: Record<string, unknown>) => (await t.call('properties.list', input, admin.token)).map((p) => p.id);
    expect(await ids({ branchId: jeddah.id })).toEqual([b.id, c.id]);
    expect(await ids({ city: 'الرياض' })).toEqual([a.id, c.id]);
    expect(await ids({ listing: 'rent' })).toEqual([b.id]);
    expect(await ids({ status: 'sold', city: 'الرياض' })).toEqual([c.id]);
    expect(await ids({ status: 'available', branchId: riyadh.id, listing: 'sale' })).toEqual([a.id]);
  });
});
