// The controller's own small HTTP server: GET /health for operators and the
// API, and the WebSocket of browser test calls (the API forwards the
// dashboard's socket here, so browsers never need the controller's address).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BrowserClientMessage, TEST_CALL_WS_PATH, type ControllerHealth } from '../../../api/src/contract/test-call.ts';

// A page that opened the socket must say who it is quickly; an idle socket holds nothing.
export const TEST_CALL_START_TIMEOUT_MS = 5_000;
/** What a page hears when this controller has no model key. */
export const NO_MODEL_KEY_REFUSAL = "OPENAI_API_KEY n'est pas configurée sur le contrôleur : l'agent ne peut pas parler.";
// The agent's answer to a page's messages is small; anything bigger is not a test call.
const MAX_WS_MESSAGE_BYTES = 64 * 1024;

export interface TestCallHandlers {
  /** The page said which restaurant and ticket: run the call on this socket. */
  start(ws: WebSocket, start: { restaurantId: string; ticket: string }): TestCallControl | { refused: string };
}

/** What the socket may still tell a running test call. */
export interface TestCallControl {
  audio(frame: Buffer): void;
  dtmf(digit: string): void;
  hangup(): void;
}

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

export async function startControlServer(o: {
  host: string; port: number; health: () => ControllerHealth; testCalls: TestCallHandlers; log: Logger;
}): Promise<ControlServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(o.health()));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: 'Not found' } }));
  });

  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== TEST_CALL_WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket): void {
    let call: TestCallControl | undefined;
    const startTimer = setTimeout(() => ws.close(4408, 'start message expected'), TEST_CALL_START_TIMEOUT_MS);
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        call?.audio(toBuffer(data));
        return;
      }
      let msg: BrowserClientMessage;
      try {
        msg = BrowserClientMessage.parse(JSON.parse(toBuffer(data).toString('utf8')));
      } catch {
        ws.send(JSON.stringify({ type: 'error', message: 'Message illisible' }));
        return;
      }
      switch (msg.type) {
        case 'start': {
          if (call) return;
          clearTimeout(startTimer);
          const r = o.testCalls.start(ws, msg);
          if ('refused' in r) {
            ws.send(JSON.stringify({ type: 'error', message: r.refused }));
            ws.close(4403, 'refused');
            return;
          }
          call = r;
          return;
        }
        case 'dtmf':
          call?.dtmf(msg.digit);
          return;
        case 'hangup':
          call?.hangup();
          return;
      }
    });
    ws.on('close', () => {
      clearTimeout(startTimer);
      call?.hangup();
    });
    ws.on('error', (err) => o.log.warn({ err: err.message }, 'test call socket error'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => { server.off('error', reject); resolve(); });
  });
  const addr = server.address() as AddressInfo;
  return {
    url: `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => { wss.close(() => resolve()); });
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
    },
  };
}
