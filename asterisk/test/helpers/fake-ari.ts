// A tiny HTTP server answering the ARI requests `voiceorder asterisk check`
// and `apply` make, with the shapes Asterisk 22 returns.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';

export interface FakeAriState {
  password: string;
  apps: string[];
  endpoints: Record<string, 'online' | 'offline' | 'unknown'>;
  reloaded: string[];
}

export async function startFakeAri(t: Test, state: FakeAriState): Promise<string> {
  const server = http.createServer((req, res) => {
    const expected = `Basic ${Buffer.from(`voiceorder:${state.password}`).toString('base64')}`;
    const json = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
    };
    if (req.headers.authorization !== expected) return json(401, { message: 'Authentication required' });
    const url = req.url ?? '';
    if (req.method === 'GET' && url === '/ari/asterisk/info') return json(200, { system: { version: '22.5.0', entity_id: 'fake' } });
    if (req.method === 'GET' && url === '/ari/applications') return json(200, state.apps.map((name) => ({ name, channel_ids: [], bridge_ids: [], endpoint_ids: [], device_names: [] })));
    const ep = /^\/ari\/endpoints\/PJSIP\/([^/]+)$/.exec(url);
    if (req.method === 'GET' && ep) {
      const name = decodeURIComponent(ep[1] ?? '');
      const st = state.endpoints[name];
      return st ? json(200, { technology: 'PJSIP', resource: name, state: st, channel_ids: [] }) : json(404, { message: 'Endpoint not found' });
    }
    const mod = /^\/ari\/asterisk\/modules\/([^/]+)$/.exec(url);
    if (req.method === 'PUT' && mod) {
      state.reloaded.push(decodeURIComponent(mod[1] ?? ''));
      return json(204);
    }
    return json(404, { message: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
