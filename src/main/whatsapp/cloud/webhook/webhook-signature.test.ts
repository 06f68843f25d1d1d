import { afterEach, describe, expect, it } from 'vitest';
import { cloudCallbackPath } from '../../../../shared/cloud/types';
import { cloudSecretBox } from '../cloud-store';
import { signatureFor } from './signature';
import { insertCloudNumber } from './testing/cloud-number';
import { messagesValue, metaBody, sender, textMessage } from './testing/meta-payloads';
import { appSecret, pathKey, startWebhookFixture, verifyToken } from './testing/webhook-fixture';

let fixture: Awaited<ReturnType<typeof startWebhookFixture>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const arabic = 'السلام عليكم، أبحث عن شقة في الرياض';
const genuine = () => metaBody({ changes: [{ value: messagesValue([textMessage('wamid.SIG1', '966512345678', arabic, 1_705_766_400)], [sender('966512345678', 'محمد أحمد')]) }] });

describe('Cloud webhook: verify handshake', () => {
  it('answers Meta’s handshake with exactly the challenge, as plain text, for the right verify token', async () => {
    fixture = await startWebhookFixture();
    const response = await fetch(`${fixture.base}${cloudCallbackPath(pathKey)}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('1158201444');
    // Seed 003's path verifies the same way.
    const seed = await fetch(`${fixture.base}/api/v1/whatsapp/webhook/verify?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=abc`);
    expect([seed.status, await seed.text()]).toEqual([200, 'abc']);
  });

  it('refuses the handshake with a wrong token, another mode or an unknown callback path', async () => {
    fixture = await startWebhookFixture();
    for (const query of [
      `${cloudCallbackPath(pathKey)}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`,
      `${cloudCallbackPath(pathKey)}?hub.mode=unsubscribe&hub.verify_token=${verifyToken}&hub.challenge=1`,
      `${cloudCallbackPath(pathKey)}?hub.mode=subscribe&hub.challenge=1`,
      `${cloudCallbackPath('other-key')}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1`,
    ]) {
      const response = await fetch(`${fixture.base}${query}`);
      expect(response.status, query).toBe(403);
      expect(await response.text()).not.toBe('1');
    }
  });
});

describe('Cloud webhook: signatures', () => {
  it('refuses forged, tampered, unsigned and sha1-only bodies with 401 and stores nothing, then stores the genuine one once', async () => {
    fixture = await startWebhookFixture();
    const bytes = Buffer.from(JSON.stringify(genuine()));
    const tampered = Buffer.from(JSON.stringify(genuine()).replace('الرياض', 'جدة'));
    const eventsBefore = fixture.t.events.length;
    const refused = [
      await fixture.post(bytes, { signature: signatureFor(bytes, 'not-the-secret') }),
      await fixture.post(tampered, { signature: signatureFor(bytes, appSecret) }),
      await fixture.post(bytes, { signature: null }),
      await fixture.post(bytes, { signature: `sha1=${'0'.repeat(40)}` }),
      await fixture.post(bytes, { signature: 'sha256=' }),
      await fixture.post(bytes, { signature: signatureFor(bytes, appSecret), path: cloudCallbackPath('unknown-key') }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    }
    await fixture.receiver.idle();
    expect(fixture.count('cloud_webhook_inbox')).toBe(0);
    expect(fixture.count('messages')).toBe(0);
    expect(fixture.t.events.length).toBe(eventsBefore);
    expect(fixture.sqlite.prepare('select last_webhook_at from cloud_numbers').get()).toEqual({ last_webhook_at: null });

    expect((await fixture.post(bytes)).status).toBe(200);
    expect((await fixture.post(bytes)).status).toBe(200);
    await fixture.receiver.idle();
    expect(fixture.sqlite.prepare('select content, whatsapp_message_id from messages').all()).toEqual([{ content: arabic, whatsapp_message_id: 'wamid.SIG1' }]);
    expect(fixture.t.events.filter((e) => e.event === 'message.new')).toHaveLength(1);
    // "Last webhook received" moves only with a genuine body.
    expect(fixture.sqlite.prepare('select last_webhook_at from cloud_numbers').get()).toEqual({ last_webhook_at: fixture.clock.now() });
  });

  it('checks the HMAC over the bytes received, whether Arabic comes \\u-escaped or as raw UTF-8', async () => {
    fixture = await startWebhookFixture();
    const raw = JSON.stringify(genuine());
    const escaped = raw.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace('wamid.SIG1', 'wamid.SIG2');
    expect(escaped).not.toContain('ا');
    expect((await fixture.post(Buffer.from(raw, 'utf8'))).status).toBe(200);
    expect((await fixture.post(Buffer.from(escaped, 'utf8'))).status).toBe(200);
    // Re-serialising the parsed JSON would give other bytes: that signature must not pass.
    const reserialised = JSON.stringify(JSON.parse(escaped));
    expect((await fixture.post(Buffer.from(escaped, 'utf8'), { signature: signatureFor(reserialised, appSecret) })).status).toBe(401);
    await fixture.receiver.idle();
    expect(fixture.sqlite.prepare('select content from messages order by id').all()).toEqual([{ content: arabic }, { content: arabic }]);
  });

  it('answers malformed JSON with 400 after the signature, and over 1 MB with 413, storing nothing', async () => {
    fixture = await startWebhookFixture();
    expect((await fixture.post('{"object": "whatsapp_business_account", ')).status).toBe(400);
    expect((await fixture.post('{not json', { signature: null })).status).toBe(401);
    const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
    expect((await fixture.post(big)).status).toBe(413);
    await fixture.receiver.idle();
    expect(fixture.count('cloud_webhook_inbox')).toBe(0);
  });

  it('receives nothing for a number without an app secret (fail closed)', async () => {
    fixture = await startWebhookFixture({ appSecret: null });
    const bytes = Buffer.from(JSON.stringify(genuine()));
    expect((await fixture.post(bytes, { signature: signatureFor(bytes, '') })).status).toBe(401);
    expect((await fixture.post(bytes, { path: '/api/v1/whatsapp/webhook/incoming' })).status).toBe(401);
    expect(fixture.count('cloud_webhook_inbox')).toBe(0);
  });

  it('follows a new app secret at once, and a removed number receives nothing', async () => {
    fixture = await startWebhookFixture();
    const bytes = Buffer.from(JSON.stringify(genuine()));
    expect((await fixture.post(bytes)).status).toBe(200);
    fixture.sqlite.prepare('update cloud_numbers set app_secret_sealed = ?').run(cloudSecretBox(fixture.sqlite).seal('the-new-app-secret'));
    expect((await fixture.post(bytes)).status).toBe(401);
    expect((await fixture.post(bytes, { signature: signatureFor(bytes, 'the-new-app-secret') })).status).toBe(200);
    fixture.sqlite.prepare('update whatsapp_numbers set removed_at = 1').run();
    expect((await fixture.post(bytes, { signature: signatureFor(bytes, 'the-new-app-secret') })).status).toBe(401);
    const verify = await fetch(`${fixture.base}${cloudCallbackPath(pathKey)}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1`);
    expect(verify.status).toBe(403);
  });

  it('keeps two Meta apps apart: each number’s callback path takes only its own app’s signature, and one app cannot write to the other’s number', async () => {
    fixture = await startWebhookFixture();
    const otherPhoneNumberId = '106540352200002';
    insertCloudNumber(fixture.sqlite, { name: 'Cloud 2', phoneNumberId: otherPhoneNumberId, wabaId: 'WABA2', accessToken: 't2', appSecret: 'second-app-secret', verifyToken: 'v2', pathKey: 'k3y-of-number-2' });
    const forSecond = (id: string) => Buffer.from(JSON.stringify(metaBody({ changes: [{ value: messagesValue([textMessage(id, '966512345678', arabic, 1_705_766_400)], [sender('966512345678', 'محمد')], otherPhoneNumberId) }] })));
    // The second app's signature on the first number's path: refused before anything is read.
    const a = forSecond('wamid.APP2A');
    expect((await fixture.post(a, { signature: signatureFor(a, 'second-app-secret') })).status).toBe(401);
    // The first app signing a body about the second number: acknowledged (Meta must stop retrying), nothing written.
    const b = forSecond('wamid.APP2B');
    expect((await fixture.post(b, { signature: signatureFor(b, appSecret) })).status).toBe(200);
    await fixture.receiver.idle();
    expect(fixture.count('messages')).toBe(0);
    // The second app on its own path: stored, for the second number.
    const c = forSecond('wamid.APP2C');
    expect((await fixture.post(c, { signature: signatureFor(c, 'second-app-secret'), path: cloudCallbackPath('k3y-of-number-2') })).status).toBe(200);
    await fixture.receiver.idle();
    expect(fixture.sqlite.prepare('select whatsapp_message_id, n.name from messages m join whatsapp_numbers n on n.id = m.whatsapp_number_id').all()).toEqual([{ whatsapp_message_id: 'wamid.APP2C', name: 'Cloud 2' }]);
  });

  it('accepts every body on seed 003’s /incoming and /status paths, signed by a Cloud number’s app', async () => {
    fixture = await startWebhookFixture();
    expect((await fixture.post(genuine(), { path: '/api/v1/whatsapp/webhook/incoming' })).status).toBe(200);
    expect((await fixture.post(genuine(), { path: '/api/v1/whatsapp/webhook/status' })).status).toBe(200);
    await fixture.receiver.idle();
    expect(fixture.count('messages')).toBe(1);
  });

  // Meta verifies a callback URL with GET and then POSTs every event to that same URL: an office
  // that gave Meta seed 003's /verify address receives its messages there, so a POST there is an
  // event (refusing it would lose them all), held to the same signature.
  it('takes Meta’s signed events on seed 003’s /verify path, the URL Meta verified, and refuses unsigned ones there with 401', async () => {
    fixture = await startWebhookFixture();
    const path = '/api/v1/whatsapp/webhook/verify';
    const unsigned = await fixture.post(genuine(), { path, signature: null });
    expect(unsigned.status).toBe(401);
    expect(JSON.parse(unsigned.text)).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED', details: 'bad_signature' } });
    expect((await fixture.post(genuine(), { path })).status).toBe(200);
    await fixture.receiver.idle();
    expect(fixture.count('messages')).toBe(1);
    // Neither GET nor POST: not a call Meta makes.
    const put = await fetch(`${fixture.base}${path}`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(await put.json()).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR', details: 'method_not_allowed' } });
  });
});
