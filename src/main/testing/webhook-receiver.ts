import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The status it was answered with; null while held. */
  answered: number | null;
}

/**
 * A real local HTTP receiver for webhook tests: answers each POST with the next scripted status
 * (then `then`), or holds it unanswered when the script says 'hold' until `releaseHeld`.
 */
export async function startWebhookReceiver(script: (number | 'hold')[] = [], then: number | 'hold' = 200) {
  const posts: ReceivedPost[] = [];
  const held: http.ServerResponse[] = [];
  let fallback = then;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const post: ReceivedPost = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: null };
      posts.push(post);
      const answer = script.shift() ?? fallback;
      if (answer === 'hold') {
        held.push(res);
        return;
      }
      post.answered = answer;
      res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    posts,
    /** From now on, answer every POST with `status`. */
    answerWith(status: number | 'hold') {
      fallback = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
