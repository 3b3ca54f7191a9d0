// A fake OpenAI Realtime server (GA interface) on 127.0.0.1: the same
// handshake as the real one (Bearer key, `?model=`), the same events, driven
// per connection by a scenario script. See scenario.ts for the DSL.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { FakeRealtimeConnection } from './scenario.ts';

export { FakeRealtimeConnection } from './scenario.ts';
export const FAKE_REALTIME_API_KEY = 'sk-test-fake-realtime-0000';

export type Scenario = (conn: FakeRealtimeConnection) => Promise<void>;

export interface FakeRealtimeOptions {
  apiKey?: string;
  /** Runs once per accepted connection; defaults to doing nothing (the session just answers). */
  scenario?: Scenario;
}

export interface RejectedUpgrade { status: number; reason: string }

export class FakeRealtimeServer {
  readonly connections: FakeRealtimeConnection[] = [];
  readonly rejected: RejectedUpgrade[] = [];
  /** Settles per connection with the scenario's error, or undefined when it ran to the end. */
  readonly scenarioResults: Promise<Error | undefined>[] = [];
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private connectionCursor = 0;
  private readonly arrivals = new Set<() => void>();

  private constructor(
    private readonly http: Server,
    readonly url: string,
  ) {}

  static async start(options: FakeRealtimeOptions = {}): Promise<FakeRealtimeServer> {
    const http = createServer((_req, res) => res.writeHead(426, { 'content-type': 'text/plain' }).end('Upgrade Required'));
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = http.address() as AddressInfo;
    const server = new FakeRealtimeServer(http, `ws://127.0.0.1:${port}/v1/realtime`);
    http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => server.upgrade(req, socket, head, options));
    return server;
  }

  /** The next connection not yet returned by an earlier call. */
  async nextConnection(): Promise<FakeRealtimeConnection> {
    while (this.connections.length <= this.connectionCursor) {
      await new Promise<void>((resolve) => this.arrivals.add(resolve));
    }
    return this.connections[this.connectionCursor++] as FakeRealtimeConnection;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer, options: FakeRealtimeOptions): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const apiKey = options.apiKey ?? FAKE_REALTIME_API_KEY;
    const auth = req.headers.authorization ?? '';
    if (url.pathname !== '/v1/realtime') return this.refuse(socket, 404, 'invalid_request_error', `Invalid URL (GET ${url.pathname})`, null);
    if (auth !== `Bearer ${apiKey}`) {
      const given = auth.replace(/^Bearer\s+/i, '');
      const masked = given.length > 8 ? `${given.slice(0, 3)}${'*'.repeat(given.length - 7)}${given.slice(-4)}` : '***';
      const message = given
        ? `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`
        : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
      return this.refuse(socket, 401, 'invalid_request_error', message, 'invalid_api_key');
    }
    if (req.headers['openai-beta']) {
      return this.refuse(socket, 400, 'invalid_request_error', 'This fake speaks only the GA Realtime interface; drop the OpenAI-Beta header.', null);
    }
    const model = url.searchParams.get('model');
    if (!model) return this.refuse(socket, 400, 'invalid_request_error', "Missing required parameter: 'model'.", 'missing_required_parameter');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new FakeRealtimeConnection(ws, model);
      this.connections.push(conn);
      const scenario = options.scenario ?? (() => Promise.resolve());
      this.scenarioResults.push(scenario(conn).then(() => undefined, (err: unknown) => (err instanceof Error ? err : new Error(String(err)))));
      for (const wake of [...this.arrivals]) wake();
      this.arrivals.clear();
    });
  }

  private refuse(socket: Socket, status: number, type: string, message: string, code: string | null): void {
    this.rejected.push({ status, reason: message });
    const body = JSON.stringify({ error: { message, type, param: null, code } });
    const statusText = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${statusText}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
}
