// Asterisk's HTTP side of ARI on 127.0.0.1: Basic auth or api_key, the
// api-docs with basePath rewritten to the Host the client used, the REST
// routes, and the /ari/events WebSocket.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { EventHub } from './events.ts';
import { AriHttpError, type Router } from './router.ts';
import { servedDoc, type AriDocs } from './swagger.ts';
import type { AriWorld } from './world.ts';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  auth: 'basic' | 'api_key' | 'none';
  status: number;
  at: number;
}

export interface AriHttpDeps {
  docs: AriDocs;
  router: Router;
  world: AriWorld;
  hub: EventHub;
  username: string;
  password: string;
  requests: RequestLogEntry[];
  /** While true (a restart), connections are cut as soon as they open. */
  isDown: () => boolean;
}

type Auth = RequestLogEntry['auth'];

function authOf(req: IncomingMessage, query: URLSearchParams, deps: AriHttpDeps): { auth: Auth; valid: boolean } {
  const expected = `${deps.username}:${deps.password}`;
  const header = req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    return { auth: 'basic', valid: Buffer.from(header.slice(6), 'base64').toString('utf8') === expected };
  }
  const key = query.get('api_key');
  if (key !== null) return { auth: 'api_key', valid: key === expected };
  return { auth: 'none', valid: false };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers }).end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AriHttpError(400, 'Error parsing request body');
  }
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, deps: AriHttpDeps): Promise<number> {
  const url = new URL(req.url ?? '/', 'http://fake-asterisk');
  const { valid } = authOf(req, url.searchParams, deps);
  if (!url.pathname.startsWith('/ari/')) throw new AriHttpError(404, 'Resource not found');
  if (!valid) {
    sendJson(res, 401, { message: 'Authentication required' }, { 'WWW-Authenticate': 'Basic realm="Asterisk REST Interface"' });
    return 401;
  }
  const below = url.pathname.slice('/ari'.length);
  const doc = /^\/api-docs\/([A-Za-z]+)\.json$/.exec(below);
  if (doc?.[1] && req.method === 'GET') {
    const text = servedDoc(deps.docs, doc[1], `http://${req.headers.host ?? '127.0.0.1'}/ari`);
    if (text === undefined) throw new AriHttpError(404, 'Resource not found');
    sendJson(res, 200, text);
    return 200;
  }
  const body = await readBody(req);
  const result = await deps.router.dispatch(req.method ?? 'GET', below, url.searchParams, body, deps.world);
  sendJson(res, result.status, result.body, result.headers);
  return result.status;
}

export interface AriHttp {
  port: number;
  /** Cut every open connection now, the WebSocket included: Asterisk going away. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startAriHttp(deps: AriHttpDeps): Promise<AriHttp> {
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true });
  const log = (req: IncomingMessage, auth: Auth, status: number): void => {
    const url = new URL(req.url ?? '/', 'http://fake-asterisk');
    const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'api_key'));
    deps.requests.push({ method: req.method ?? 'GET', path: url.pathname, query, auth, status, at: Date.now() });
  };

  const server: Server = createServer((req, res) => {
    const auth = authOf(req, new URL(req.url ?? '/', 'http://fake-asterisk').searchParams, deps).auth;
    handleRequest(req, res, deps).then(
      (status) => log(req, auth, status),
      (err: unknown) => {
        const status = err instanceof AriHttpError ? err.status : 500;
        if (!(err instanceof AriHttpError)) console.error('fake ARI: internal error', err);
        sendJson(res, status, { message: err instanceof AriHttpError ? err.message : 'Internal Server Error' });
        log(req, auth, status);
      },
    );
  });

  server.on('connection', (socket) => {
    if (deps.isDown()) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://fake-asterisk');
    const { auth, valid } = authOf(req, url.searchParams, deps);
    const refuse = (status: number, text: string): void => {
      log(req, auth, status);
      socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname !== '/ari/events') return refuse(404, 'Not Found');
    if (!valid) return refuse(401, 'Unauthorized');
    const apps = (url.searchParams.get('app') ?? '').split(',').filter((a) => a !== '');
    if (apps.length === 0) return refuse(400, 'Bad Request');
    const subscribeAll = /^(true|yes|1)$/i.test(url.searchParams.get('subscribeAll') ?? '');
    wss.handleUpgrade(req, socket, head, (ws) => {
      log(req, auth, 101);
      deps.hub.register(apps, subscribeAll, ws);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    dropAll() {
      deps.hub.closeAll();
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      deps.hub.closeAll();
      for (const socket of sockets) socket.destroy();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
