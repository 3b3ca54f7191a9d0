// Forwards the dashboard's test-call WebSocket to the controller, byte for
// byte, so the page talks to one origin (the API's) and the controller's
// address never has to be reachable from browsers.
import { connect, type Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { TEST_CALL_WS_PATH } from '../contract/test-call.ts';

// A controller that does not accept the connection this fast is down: the page says so instead of hanging.
export const CONTROLLER_CONNECT_TIMEOUT_MS = 3_000;
// Headers that belong to this hop, not to the controller's.
const HOP_HEADERS = new Set(['host', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host']);

export function testCallProxy(controllerUrl: string, log: Logger) {
  const target = new URL(controllerUrl);
  const port = Number(target.port || 80);
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== TEST_CALL_WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream: Socket = connect({ host: target.hostname, port, timeout: CONTROLLER_CONNECT_TIMEOUT_MS });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      upstream.setTimeout(0);
      const lines = [`GET ${TEST_CALL_WS_PATH} HTTP/1.1`, `host: ${target.host}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]!;
        if (!HOP_HEADERS.has(name.toLowerCase())) lines.push(`${name}: ${req.rawHeaders[i + 1]}`);
      }
      lines.push(`x-forwarded-for: ${req.socket.remoteAddress ?? ''}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const fail = (why: string) => {
      if (connected) { socket.destroy(); return; }
      log.warn({ controllerUrl, why }, 'test call: controller not reachable');
      if (socket.writable) socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      upstream.destroy();
    };
    upstream.once('timeout', () => fail('timeout'));
    upstream.once('error', (err) => fail(err.message));
    socket.once('error', () => upstream.destroy());
    socket.once('close', () => upstream.destroy());
    upstream.once('close', () => socket.destroy());
  };
}
