import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers one chat completion with. */
export type FakeReply =
  /** A completion whose content is this JSON (the responder's structured answer) or text. */
  | { content: unknown; promptTokens?: number; completionTokens?: number; model?: string; /** Answers once this resolves (a model still thinking). */ gate?: Promise<void> }
  /** An HTTP error with OpenAI's error body (401, 404 model, 429, 500…). */
  | { status: number; message?: string }
  /** Never answers (the client's timeout ends it). */
  | { hang: true }
  /** A 200 whose body is not JSON at all. */
  | { broken: true };

export interface FakeRequest {
  model: string;
  messages: { role: string; content: string }[];
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
}

/**
 * A scripted OpenAI-compatible server (POST /v1/chat/completions, GET /v1/models), reached by the
 * real `openai` client through its base URL: tests, the benchmark and demo mode script its
 * answers. `script` is asked for each request in turn; without one it answers a default reply.
 */
export class FakeProvider {
  readonly requests: FakeRequest[] = [];
  /** Requests answered so far or hanging (for "at most 4 in flight"). */
  inFlight = 0;
  maxInFlight = 0;
  private server: http.Server | null = null;
  private readonly hanging = new Set<http.ServerResponse>();
  private queue: FakeReply[] = [];
  private listeners: (() => void)[] = [];

  constructor(private script: (request: FakeRequest) => FakeReply = () => ({ content: { decision: 'handoff', reply: '', language: 'ar', scenario: null, confidence: 1, usedRecordIds: [] } })) {}

  /** Answers the next requests with these, in order, before falling back to the script. */
  enqueue(...replies: FakeReply[]): void {
    this.queue.push(...replies);
  }

  answerWith(script: (request: FakeRequest) => FakeReply): void {
    this.script = script;
  }

  /** Resolves once `count` requests have arrived. */
  async received(count: number): Promise<void> {
    while (this.requests.length < count) await new Promise<void>((resolve) => this.listeners.push(resolve));
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model' }] }));
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const request: FakeRequest = { model: String(body.model), messages: body.messages as FakeRequest['messages'], body, headers: req.headers };
    this.requests.push(request);
    for (const wake of this.listeners.splice(0)) wake();
    const reply = this.queue.shift() ?? this.script(request);
    if ('hang' in reply) {
      this.hanging.add(res);
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => {
        this.hanging.delete(res);
        this.inFlight--;
      });
      return;
    }
    if ('broken' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [ this is not json');
      return;
    }
    if ('status' in reply) {
      // The client retries 429 and 5xx once; "retry-after-ms: 1" keeps its backoff short.
      res.writeHead(reply.status, { 'content-type': 'application/json', 'retry-after-ms': '1' }).end(JSON.stringify({ error: { message: reply.message ?? `status ${reply.status}`, type: 'fake', code: reply.status === 404 ? 'model_not_found' : null } }));
      return;
    }
    if (reply.gate) {
      // A slow answer is a call in flight until it is sent: counted like a hanging one.
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        await reply.gate;
      } finally {
        this.inFlight--;
      }
    }
    const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: 0,
        model: reply.model ?? request.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: reply.promptTokens ?? 900, completion_tokens: reply.completionTokens ?? 60, total_tokens: (reply.promptTokens ?? 900) + (reply.completionTokens ?? 60) },
      }),
    );
  }
}
