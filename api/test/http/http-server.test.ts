import t from 'tap';
import express from 'express';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { expressServerOptions, listen } from '../../src/http/http-server.ts';

t.test("requests and responses are born with the app's prototypes, so Express has none to change", async (t) => {
  const app = express();
  app.set('trust proxy', 'loopback');
  const seen: boolean[] = [];
  // Runs before Express's own handling: what the server built, not what Express made of it.
  const server = http.createServer(expressServerOptions(app), (req, res) => {
    seen.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response);
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  app.post('/echo', express.json(), (req, res) => { res.status(201).json({ ip: req.ip, body: req.body as unknown }); });

  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/echo`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body: '{"a":1}',
  });
  t.equal(res.status, 201);
  t.same(await res.json(), { ip: '203.0.113.9', body: { a: 1 } }, "Express's request and response helpers work as usual");
  t.same(seen, [true]);
});

t.test('a port already taken is an error, not a hang', async (t) => {
  const first = await listen(express(), 0, '127.0.0.1');
  t.teardown(() => new Promise<void>((resolve) => first.close(() => resolve())));
  await t.rejects(listen(express(), (first.address() as AddressInfo).port, '127.0.0.1'), { code: 'EADDRINUSE' });
});
