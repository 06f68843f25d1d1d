import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient, GraphError } from './graph-client';
import { metaError, startFakeGraph, type FakeGraph } from '../../testing/fake-graph';

let graph: FakeGraph;
const number = { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAG-good-token-0123456789', displayPhoneNumber: '+966 50 123 4567', verifiedName: 'مكتب ميراس' };

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.addNumber(number);
});
afterAll(() => graph.close());

const client = (token = number.accessToken, timeoutMs = 5_000) =>
  new GraphClient({ settings: () => ({ baseUrl: graph.baseUrl, version: 'v21.0' }), token: () => token, timeoutMs });

const failureOf = async (promise: Promise<unknown>): Promise<GraphError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
};

describe('the Graph API client', () => {
  it('calls the configured base URL and version with the bearer token', async () => {
    const answer = await client().get<{ verified_name: string }>(number.phoneNumberId, { fields: 'display_phone_number,verified_name,quality_rating' });
    expect(answer.verified_name).toBe('مكتب ميراس');
    const [request] = graph.requestsTo('GET', new RegExp(`^/${number.phoneNumberId}$`));
    expect(request).toMatchObject({ version: 'v21.0', authorization: `Bearer ${number.accessToken}`, query: { fields: 'display_phone_number,verified_name,quality_rating' } });
  });

  it('reads an expired token as Meta error 190 with its subcode and trace id', async () => {
    const error = await failureOf(client('EAAG-expired-token-000000').get(number.phoneNumberId));
    expect(error).toMatchObject({ kind: 'meta', status: 401, code: 190, subcode: 463, fbtraceId: 'trace-190', type: 'OAuthException' });
  });

  it('reads a wrong id as Meta error 100', async () => {
    const error = await failureOf(client().get('999999999999'));
    expect(error).toMatchObject({ kind: 'meta', code: 100, subcode: 33 });
  });

  it('keeps the details Meta adds to an error message', async () => {
    graph.script('POST', /\/messages$/, metaError(400, 131047, 'Re-engagement message', { details: 'Message failed to send because more than 24 hours have passed' }));
    const error = await failureOf(client().post(`${number.phoneNumberId}/messages`, { to: '966501234567' }));
    expect(error.code).toBe(131047);
    expect(error.message).toContain('more than 24 hours');
  });

  it('says a 5xx without Meta’s error object is a Graph failure with its status', async () => {
    graph.script('GET', /^\/\d+$/, { status: 502, body: '<html>Bad gateway</html>' });
    const error = await failureOf(client().get(number.phoneNumberId));
    expect(error).toMatchObject({ kind: 'meta', status: 502, code: null });
  });

  it('gives up on an answer that does not come, as a timeout (the call may have happened)', async () => {
    graph.script('POST', /\/messages$/, 'hang');
    const error = await failureOf(client(number.accessToken, 300).post(`${number.phoneNumberId}/messages`, { to: '966501234567' }));
    expect(error.kind).toBe('timeout');
  });

  it('says the Graph API is unreachable when nothing listens', async () => {
    const offline = new GraphClient({ settings: () => ({ baseUrl: 'http://127.0.0.1:9', version: 'v21.0' }), token: () => 'x' });
    expect((await failureOf(offline.get('1'))).kind).toBe('network');
  });
});
