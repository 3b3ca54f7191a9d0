// A local stand-in for OpenAI's Chat Completions endpoint, speaking its wire
// format: POST /v1/chat/completions with a Bearer key, answered with a
// `chat.completion` object (or OpenAI's error body). It records each request
// so a test can check what the API sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest { path: string; authorization: string | undefined; body: Record<string, unknown> }

type Reply =
  | { kind: 'menu'; content: unknown }
  | { kind: 'refusal'; refusal: string }
  | { kind: 'error'; status: number; message: string; type: string; code: string | null };

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

export async function startFakeOpenAi(opts: { apiKey: string }) {
  const requests: RecordedRequest[] = [];
  let reply: Reply = { kind: 'menu', content: { categories: [] } };
  let n = 0;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_fake_${++n}` });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        send(404, { error: { message: `Unknown request URL: ${req.method} ${req.url}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
        return;
      }
      const body = await readJson(req);
      requests.push({ path: req.url, authorization: req.headers.authorization, body });
      if (req.headers.authorization !== `Bearer ${opts.apiKey}` || reply.kind === 'error') {
        const e = reply.kind === 'error' ? reply : { status: 401, message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' };
        send(e.status, { error: { message: e.message, type: e.type, param: null, code: e.code } });
        return;
      }
      const message = reply.kind === 'refusal'
        ? { role: 'assistant', content: null, refusal: reply.refusal, annotations: [] }
        : { role: 'assistant', content: JSON.stringify(reply.content), refusal: null, annotations: [] };
      send(200, {
        id: `chatcmpl-fake${n}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: typeof body.model === 'string' ? `${body.model}-2025-04-14` : 'unknown',
        choices: [{ index: 0, message, logprobs: null, finish_reason: 'stop' }],
        usage: {
          prompt_tokens: 1200, completion_tokens: 340, total_tokens: 1540,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
        },
        service_tier: 'default',
        system_fingerprint: 'fp_fake',
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** What the API's OPENAI_BASE_URL is set to. */
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answerWith(r: Reply) { reply = r; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
