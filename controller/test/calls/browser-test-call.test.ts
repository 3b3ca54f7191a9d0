// A restaurateur talks to their own agent from the dashboard: the browser's
// socket goes through the API to the controller, the same CallSession runs,
// and the agent's voice comes back paced at 20 ms, exactly as on a phone.
import t, { type Test } from 'tap';
import { pino } from 'pino';
import WebSocket from 'ws';
import { client, startTestApi } from '../../../api/test/helpers/test-api.ts';
import { DEMO_OWNER } from '../../../api/src/seed/demo-seed.ts';
import { BrowserServerMessage, TEST_CALL_WS_PATH, type TestCallStatus, type TestCallTicket } from '../../../api/src/contract/test-call.ts';
import type { MeResponse } from '../../../api/src/contract/index.ts';
import { FakeRealtimeServer, FAKE_REALTIME_API_KEY, type Scenario } from '../fakes/realtime/server.ts';
import { loadControllerConfig } from '../../src/config.ts';
import { startCallController, type Controller } from '../../src/controller.ts';
import { waitUntil } from './call-harness.ts';
import { freePort } from '../../../api/test/helpers/free-port.ts';

async function setup(t: Test) {
  const controllerPort = await freePort();
  const api = await startTestApi(t, { CONTROLLER_URL: `http://127.0.0.1:${controllerPort}` });
  const owner = client(api.url);
  const me = await owner.post<MeResponse>('/api/auth/login', DEMO_OWNER);
  const restaurantId = me.body.restaurants[0]!.id;
  const started: Controller[] = [];
  t.teardown(async () => { await Promise.all(started.map((c) => c.stop(0))); });
  async function controller(env: Record<string, string>): Promise<Controller> {
    const c = await startCallController(loadControllerConfig({
      API_URL: api.url, CONTROLLER_HTTP_PORT: String(controllerPort), LOG_LEVEL: 'silent', ...env,
    }), pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
    started.push(c);
    return c;
  }
  return { api, owner, restaurantId, controller };
}

/** The page's side of the socket: what it received, in order. */
function browser(url: string) {
  const ws = new WebSocket(url);
  const messages: BrowserServerMessage[] = [];
  const frames: Array<{ at: number; bytes: number }> = [];
  let closed = false;
  ws.on('message', (data, isBinary) => {
    if (isBinary) frames.push({ at: performance.now(), bytes: (data as Buffer).length });
    else messages.push(BrowserServerMessage.parse(JSON.parse(String(data))));
  });
  ws.on('close', () => { closed = true; });
  return {
    ws, messages, frames,
    get closed() { return closed; },
    opened: new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); }),
    send: (m: object) => ws.send(JSON.stringify(m)),
    has: (type: BrowserServerMessage['type']) => messages.find((m) => m.type === type),
  };
}

t.test('the page says what is missing before a test call can start', async (t) => {
  const s = await setup(t);
  const status = () => s.owner.get<TestCallStatus>(`/api/restaurants/${s.restaurantId}/test-call`);
  t.match((await status()).body, { ready: false, reason: 'controller_unreachable' }, 'no controller: say so');
  const c = await s.controller({});
  t.match((await status()).body, { ready: false, reason: 'openai_key_missing' }, 'a controller without OPENAI_API_KEY: say what to set');
  await c.stop(0);
  await s.controller({ OPENAI_API_KEY: FAKE_REALTIME_API_KEY, OPENAI_REALTIME_URL: 'ws://127.0.0.1:1/v1/realtime' });
  t.match((await status()).body, { ready: true, reason: null, wsPath: TEST_CALL_WS_PATH });
  const staff = client(s.api.url);
  await staff.post('/api/auth/login', { email: 'staff@voiceorder.local', password: DEMO_OWNER.password });
  t.equal((await staff.post(`/api/restaurants/${s.restaurantId}/test-call/tickets`)).status, 403, 'staff cannot spend model time on test calls');
});

t.test('a browser test call: microphone in, paced voice out, transcript, transfer explained, hang-up recorded', async (t) => {
  const s = await setup(t);
  let heardMs = 0;
  let transferOutput = '';
  // The caller speaks once the whole greeting has reached the page. Without this, a slow
  // start (a cold CI machine) let the microphone's 400 ms reach the model before the 600 ms
  // greeting had played out, and the barge-in rightly cut its last frames.
  let greetingHeard!: () => void;
  const greetingPlayed = new Promise<void>((resolve) => { greetingHeard = resolve; });
  const scenario: Scenario = async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 600, text: 'Bonjour, Pizzeria Bella, je vous écoute !' });
    await rt.waitForAudio(400);
    await greetingPlayed;
    heardMs = rt.appendedMs;
    rt.speechStarted();
    rt.speechStopped();
    rt.transcript('Je voudrais parler au patron.');
    const call = await rt.callTool('transfer_to_human', { reason: 'le client veut parler au patron' });
    transferOutput = await rt.waitForToolOutput(call);
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 200, text: 'Lors d’un vrai appel, je vous passerais l’équipe.' });
  };
  const realtime = await FakeRealtimeServer.start({ scenario });
  t.teardown(() => realtime.close());
  const controller = await s.controller({ OPENAI_API_KEY: FAKE_REALTIME_API_KEY, OPENAI_REALTIME_URL: realtime.url });

  const ticket = await s.owner.post<TestCallTicket>(`/api/restaurants/${s.restaurantId}/test-call/tickets`);
  t.equal(ticket.status, 201);
  const page = browser(`${s.api.url.replace(/^http/, 'ws')}${ticket.body.wsPath}`);
  await page.opened;
  page.send({ type: 'start', restaurantId: s.restaurantId, ticket: ticket.body.ticket });

  const ready = await waitUntil('ready', () => page.has('ready'));
  t.match(ready, { type: 'ready', codec: 'pcmu' }, 'the page is told the codec it must encode the microphone in');
  // The microphone: 20 ms µ-law frames, as the page's worklet sends them.
  const mic = setInterval(() => { if (page.ws.readyState === WebSocket.OPEN) page.ws.send(Buffer.alloc(160, 0xff)); }, 20);
  t.teardown(() => clearInterval(mic));

  await waitUntil('the greeting audio', () => page.frames.length >= 30, 10_000);
  greetingHeard();
  t.ok(page.frames.every((f) => f.bytes === 160), 'the voice arrives as 20 ms G.711 frames');
  const span = page.frames[29]!.at - page.frames[0]!.at;
  t.ok(span >= 29 * 20 * 0.7, `600 ms of voice is paced, not burst (${span.toFixed(0)} ms for 30 frames)`);
  await waitUntil('the microphone reaches the model', () => heardMs >= 400);
  await waitUntil('the transfer is explained', () => page.has('transfer'));
  t.match(JSON.parse(transferOutput), { ok: true }, 'transfer_to_human ran against the API');
  await waitUntil('the agent transcript', () => page.messages.find((m) => m.type === 'transcript' && m.role === 'agent'));
  t.ok(page.messages.find((m) => m.type === 'transcript' && m.role === 'caller' && m.text.includes('patron')), 'the caller transcript is shown');
  t.ok(page.messages.find((m) => m.type === 'tool' && m.name === 'transfer_to_human'), 'the tool call is shown');

  page.send({ type: 'hangup' });
  await waitUntil('the socket closes', () => page.closed);
  clearInterval(mic);
  const prisma = s.api.db.prisma;
  const call = await waitUntil('the call record', () => prisma.call.findFirst({ where: { restaurantId: s.restaurantId, direction: 'test', endedAt: { not: null } } }));
  t.equal(call.endedBy, 'caller');
  t.equal(call.phoneLineId, null, 'a test call needs no phone line');
  t.ok(await prisma.callTurn.findFirst({ where: { callId: call.id, role: 'caller' } }), 'the transcript is in the call log');
  await waitUntil('the model socket closed', () => realtime.connections[0]?.closed);
  // The session leaves the tracker once the API has acknowledged the call's end, a moment
  // after the row changed: waited for, not sampled (an orphan still fails here).
  await waitUntil('the session is released', () => controller.tracker.size === 0, 5_000).catch(() => undefined);
  t.equal(controller.tracker.size, 0, 'no orphan session');
});

t.test('a forged or foreign ticket starts nothing', async (t) => {
  const s = await setup(t);
  const realtime = await FakeRealtimeServer.start({ scenario: async () => {} });
  t.teardown(() => realtime.close());
  const controller = await s.controller({ OPENAI_API_KEY: FAKE_REALTIME_API_KEY, OPENAI_REALTIME_URL: realtime.url });
  const foreign = await s.api.db.prisma.restaurant.create({ data: { slug: 'ailleurs-test-call', name: 'Ailleurs', addressLine1: '1 quai', postcode: '13002', city: 'Marseille' } });
  const ticket = await s.owner.post<TestCallTicket>(`/api/restaurants/${s.restaurantId}/test-call/tickets`);
  for (const [what, start] of [
    ['forged ticket', { restaurantId: s.restaurantId, ticket: 'vo_forged' }],
    ["another restaurant's id with this restaurant's ticket", { restaurantId: foreign.id, ticket: ticket.body.ticket }],
  ] as const) {
    const page = browser(`${s.api.url.replace(/^http/, 'ws')}${TEST_CALL_WS_PATH}`);
    await page.opened;
    page.send({ type: 'start', ...start });
    await waitUntil(`${what}: refused`, () => page.closed);
    t.ok(page.has('error'), `${what}: the page is told why`);
    t.notOk(page.has('ready'), `${what}: no session`);
  }
  t.equal(await s.api.db.prisma.call.count({ where: { restaurantId: foreign.id } }), 0, 'nothing recorded for the other restaurant');
  t.equal(realtime.connections.length, 0, 'no model time spent');
  t.equal(controller.tracker.size, 0);
});

t.test('a caller who hangs up while the call is being set up leaves no model socket and no media behind', async (t) => {
  const s = await setup(t);
  const realtime = await FakeRealtimeServer.start({ scenario: async (rt) => { await rt.waitForSessionUpdate(); } });
  t.teardown(() => realtime.close());
  const controller = await s.controller({ OPENAI_API_KEY: FAKE_REALTIME_API_KEY, OPENAI_REALTIME_URL: realtime.url });
  const ticket = await s.owner.post<TestCallTicket>(`/api/restaurants/${s.restaurantId}/test-call/tickets`);
  const page = browser(`${s.api.url.replace(/^http/, 'ws')}${ticket.body.wsPath}`);
  await page.opened;
  page.send({ type: 'start', restaurantId: s.restaurantId, ticket: ticket.body.ticket });
  page.ws.close();
  await waitUntil('the session closed', () => controller.tracker.size === 0);
  // Long enough for a model socket that was still opening to have connected.
  await new Promise((r) => setTimeout(r, 1_000));
  t.ok(realtime.connections.every((c) => c.closed), 'every model socket opened for it is closed');
  t.equal(controller.pacer.size, 0, 'no media stream left on the clock');
  const calls = await s.api.db.prisma.call.findMany({ where: { restaurantId: s.restaurantId, direction: 'test' } });
  t.ok(calls.every((c) => c.endedAt !== null), 'the call record is closed, not left "in progress"');
});
