import { afterEach, describe, expect, it } from 'vitest';
import { trackedCores } from '../../testing/demo-core';
import { houseSketchPng, simplePdf } from '../../whatsapp/demo/demo-files';

const cores = trackedCores(afterEach);

type Core = ReturnType<typeof cores.start>;

async function upload(t: Core, token: string, name: string, mimeType: string, data: Buffer) {
  const { uploadId } = await t.call('media.uploadStart', { name, mimeType, size: data.length }, token);
  await t.call('media.uploadChunk', { uploadId, offset: 0, data: data.toString('base64') }, token);
  return (await t.call('media.uploadFinish', { uploadId }, token)).uploadId;
}

describe('property photos', () => {
  it('are added by managers in order, seen by everyone, and taken off again', async () => {
    const t = cores.start();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const villa = await t.call('properties.create', { name: 'فيلا حطين', type: 'villa' }, admin.token);
    const front = houseSketchPng(64, 48);
    const side = houseSketchPng(32, 24);

    const first = await t.call('properties.addPhoto', { id: villa.id, uploadId: await upload(t, admin.token, 'front.png', 'image/png', front) }, admin.token);
    const both = await t.call('properties.addPhoto', { id: villa.id, uploadId: await upload(t, admin.token, 'side.png', 'image/png', side) }, admin.token);
    expect(first.photos).toHaveLength(1);
    expect(both.photos).toEqual([first.photos[0], expect.stringMatching(/^[0-9a-f]{64}$/)]);
    const listed = (await t.call('properties.list', {}, agent.token)).find((p) => p.id === villa.id)!;
    expect(listed.photos).toEqual(both.photos);

    // An agent sees the photos but may not change them.
    const piece = await t.call('properties.photo', { id: villa.id, photo: both.photos[0]! }, agent.token);
    expect(Buffer.from(piece.data, 'base64')).toEqual(front);
    expect(piece).toMatchObject({ size: front.length, mimeType: 'image/png' });
    const mine = await upload(t, agent.token, 'mine.png', 'image/png', side);
    expect((await t.failure('properties.addPhoto', { id: villa.id, uploadId: mine }, agent.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('properties.removePhoto', { id: villa.id, photo: both.photos[0]! }, agent.token)).code).toBe('FORBIDDEN');

    const after = await t.call('properties.removePhoto', { id: villa.id, photo: both.photos[0]! }, admin.token);
    expect(after.photos).toEqual([both.photos[1]]);
    // A photo the property does not have is not served, even if the file exists.
    expect((await t.failure('properties.photo', { id: villa.id, photo: both.photos[0]! }, agent.token)).code).toBe('NOT_FOUND');
    const log = await t.call('activity.list', { limit: 10 }, admin.token);
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['property.photo_added', 'property.photo_removed']));
  });

  it('must be images, twelve at most, and a refused one changes nothing', async () => {
    const t = cores.start();
    const admin = await t.setupAdmin();
    const land = await t.call('properties.create', { name: 'أرض القيروان', type: 'land' }, admin.token);
    const pdf = await upload(t, admin.token, 'plan.pdf', 'application/pdf', simplePdf('plan'));
    expect(await t.failure('properties.addPhoto', { id: land.id, uploadId: pdf }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ code: 'media_type_not_allowed' }] });
    for (let i = 0; i < 12; i++) {
      await t.call('properties.addPhoto', { id: land.id, uploadId: await upload(t, admin.token, `${i}.png`, 'image/png', houseSketchPng(10 + i, 10)) }, admin.token);
    }
    const thirteenth = await upload(t, admin.token, '13.png', 'image/png', houseSketchPng(40, 10));
    expect(await t.failure('properties.addPhoto', { id: land.id, uploadId: thirteenth }, admin.token)).toMatchObject({ details: [{ code: 'too_many_photos', params: { max: 12 } }] });
    expect((await t.call('properties.list', {}, admin.token)).find((p) => p.id === land.id)!.photos).toHaveLength(12);
  });
});
