import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../testing/test-core';
import { metaError } from '../../testing/fake-graph';
import { cloudCredentials, cloudOffice } from './testing/cloud-office';

let office: Awaited<ReturnType<typeof cloudOffice>> | undefined;
afterEach(async () => {
  await office?.close();
  office = undefined;
});

const secrets = [cloudCredentials.accessToken, cloudCredentials.appSecret];

describe('linking a Cloud API number', () => {
  it('checks the credentials with Meta and shows the number’s name, and the number connects', async () => {
    office = await cloudOffice();
    const { t, graph, admin } = office;
    const linked = await office.link();
    expect(linked).toMatchObject({ name: 'الرقم الرسمي', verifiedName: 'ميراس للعقار', displayPhoneNumber: '+966 11 234 5678', hasAccessToken: true, hasAppSecret: true });
    expect(linked.callbackPath).toMatch(/^\/api\/v1\/whatsapp\/webhook\/cloud\/[A-Za-z0-9_-]{20,}$/);
    expect(graph.requestsTo('GET', new RegExp(`^/${cloudCredentials.phoneNumberId}$`))[0]?.query.fields).toBe('display_phone_number,verified_name,quality_rating');
    expect(graph.requestsTo('GET', new RegExp(`^/${cloudCredentials.wabaId}$`))).toHaveLength(1);
    await eventually(async () => {
      const [number] = await t.call('numbers.list', {}, admin.token);
      expect(number).toMatchObject({ provider: 'cloud', phoneNumber: '+966112345678', connection: { state: 'CONNECTED' } });
    });
  });

  it('never gives the access token or app secret to a window, an event or a log', async () => {
    office = await cloudOffice();
    const { t, admin, logger } = office;
    const linked = await office.link();
    const seen = JSON.stringify([
      linked,
      await t.call('cloud.list', {}, admin.token),
      await t.call('cloud.get', { numberId: linked.numberId }, admin.token),
      await t.call('cloud.connection', {}, admin.token),
      await t.call('numbers.list', {}, admin.token),
      t.events,
      logger.lines,
      t.core.database.sqlite.prepare('select * from activity_log').all(),
    ]);
    for (const secret of secrets) expect(seen).not.toContain(secret);
    // Nor in clear in the database: sealed with the data folder's key.
    const stored = JSON.stringify(t.core.database.sqlite.prepare('select * from cloud_numbers').all());
    for (const secret of [...secrets, cloudCredentials.verifyToken]) expect(stored).not.toContain(secret);
  });

  it('refuses an expired or wrong token on the token field, and stores nothing', async () => {
    office = await cloudOffice();
    const { t, admin } = office;
    const error = await t.failure('cloud.link', { name: 'الرقم الرسمي', ...cloudCredentials, accessToken: 'EAAG-someone-elses-token-000' }, admin.token);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'accessToken', code: 'graph_token_invalid' }] });
    expect(await t.call('cloud.list', {}, admin.token)).toEqual([]);
    expect(await t.call('numbers.list', {}, admin.token)).toEqual([]);
  });

  it('refuses a phone-number id or WABA id Meta does not know, on that field', async () => {
    office = await cloudOffice();
    const { t, admin } = office;
    const wrongPhone = await t.failure('cloud.link', { name: 'الرقم الرسمي', ...cloudCredentials, phoneNumberId: '111111111111111' }, admin.token);
    expect(wrongPhone).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'phoneNumberId', code: 'graph_unknown_id' }] });
    const wrongWaba = await t.failure('cloud.link', { name: 'الرقم الرسمي', ...cloudCredentials, wabaId: '222222222222222' }, admin.token);
    expect(wrongWaba).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'wabaId', code: 'graph_unknown_id' }] });
    expect(await t.call('numbers.list', {}, admin.token)).toEqual([]);
  });

  it('says the Graph API cannot be reached when it does not answer, and stores nothing', async () => {
    office = await cloudOffice();
    const { t, admin } = office;
    await t.call('cloud.saveGraphSettings', { baseUrl: 'http://127.0.0.1:9', version: 'v21.0' }, admin.token);
    const error = await t.failure('cloud.link', { name: 'الرقم الرسمي', ...cloudCredentials }, admin.token);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: 'graph_unreachable' });
    expect(await t.call('numbers.list', {}, admin.token)).toEqual([]);
  });

  it('refuses the same phone-number id twice', async () => {
    office = await cloudOffice();
    const { t, admin } = office;
    await office.link();
    const error = await t.failure('cloud.link', { name: 'نسخة', ...cloudCredentials }, admin.token);
    expect(error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'phoneNumberId', code: 'cloud_id_taken' }] });
  });

  it('links a phone-number id again once its number was removed', async () => {
    office = await cloudOffice();
    const { t, admin } = office;
    const first = await office.link();
    await t.call('numbers.remove', { id: first.numberId }, admin.token);
    const again = await office.link();
    expect(again.numberId).not.toBe(first.numberId);
    expect((await t.call('cloud.list', {}, admin.token)).map((n) => n.numberId)).toEqual([again.numberId]);
  });

  it('takes the number down as "token expired" when Meta refuses the token at connect, and back up with a new one', async () => {
    office = await cloudOffice();
    const { t, graph, admin } = office;
    const linked = await office.link();
    await t.call('numbers.disconnect', { id: linked.numberId }, admin.token);
    graph.script('GET', new RegExp(`^/${cloudCredentials.phoneNumberId}$`), metaError(401, 190, 'Error validating access token: Session has expired.', { error_subcode: 463 }));
    await t.call('numbers.connect', { id: linked.numberId }, admin.token);
    await eventually(async () => {
      const [number] = await t.call('numbers.list', {}, admin.token);
      expect(number!.connection).toMatchObject({ state: 'DISCONNECTED', reason: 'token_expired' });
    });
    expect((await t.call('cloud.get', { numberId: linked.numberId }, admin.token)).tokenExpiredAt).not.toBeNull();
    expect(await t.call('cloud.health', {}, admin.token)).toEqual({ hasCloudNumbers: true, problem: 'token_expired' });

    const renewed = 'EAAGrenewed-access-token-987654321';
    graph.numbers.get(cloudCredentials.phoneNumberId)!.accessToken = renewed;
    const updated = await t.call('cloud.updateCredentials', { numberId: linked.numberId, accessToken: renewed }, admin.token);
    expect(updated.tokenExpiredAt).toBeNull();
    await eventually(async () => {
      const [number] = await t.call('numbers.list', {}, admin.token);
      expect(number!.connection.state).toBe('CONNECTED');
    });
  });
});
