// The fake Asterisk checked against Asterisk's own api-docs (routes,
// parameters, event and response models) and against the real ari-client.
import t from 'tap';
import Ari from 'ari-client';
import { ModelValidator } from './fakes/ari/model-validator.ts';
import {
  alawToLinear, decodeG711, encodeG711, linearToAlaw, linearToUlaw, packRtp, parseRtp, toneFrames, ulawToLinear,
} from './fakes/ari/rtp-packet.ts';
import { FakeAri } from './fakes/ari/server.ts';
import { allModels, findOperation, loadAriDocs } from './fakes/ari/swagger.ts';
import { openEvents, rest, sleep, udpSink, until } from './fakes/ari/test-helpers.ts';

/** ari-client never rejects on some server faults (an uncaught string instead): guard connect. */
const CONNECT_TIMEOUT_MS = 5000;

const docs = await loadAriDocs();
const validator = new ModelValidator(allModels(docs));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms))]);
}

t.test('every route the fake serves is an Asterisk operation with declared query parameters', async (t) => {
  const fake = await FakeAri.start({ docs });
  t.teardown(() => fake.close());
  for (const route of fake.router.routes) {
    const op = findOperation(docs, route.method, route.path);
    t.ok(op, `${route.method} ${route.path} exists in api-docs`);
    const declared = new Map((op?.parameters ?? []).filter((p) => p.paramType === 'query').map((p) => [p.name, p]));
    for (const [name, need] of Object.entries(route.query)) {
      t.ok(declared.has(name), `${route.method} ${route.path}: ${name} is a declared query parameter`);
      t.equal(need === 'required', declared.get(name)?.required === true, `${route.method} ${route.path}: ${name} required as declared`);
    }
    for (const p of declared.values()) {
      if (p.required) t.ok(route.query[p.name], `${route.method} ${route.path}: requires ${p.name} like Asterisk`);
    }
  }
});

t.test('auth, unknown resources and documented errors answer like Asterisk', async (t) => {
  const fake = await FakeAri.start({ docs });
  t.teardown(() => fake.close());
  const anonymous = await fetch(`${fake.url}/ari/api-docs/resources.json`);
  t.equal(anonymous.status, 401);
  t.match(anonymous.headers.get('www-authenticate'), /Basic realm="Asterisk REST Interface"/);
  const keyed = await fetch(`${fake.url}/ari/api-docs/channels.json?api_key=${fake.username}:${fake.password}`);
  t.equal((await keyed.json() as { basePath: string }).basePath, `${fake.url}/ari`, 'basePath names the fake');
  t.same(await rest(fake, 'GET', '/sounds'), { status: 404, body: { message: 'Resource not found' } });
  t.same(await rest(fake, 'GET', '/channels/nope'), { status: 404, body: { message: 'Channel not found' } });
  t.equal((await rest(fake, 'POST', '/channels/nope/answer')).status, 404);
  t.equal((await rest(fake, 'DELETE', '/bridges/nope')).status, 404);
  t.equal((await rest(fake, 'POST', '/bridges', { bridgeId: 'b1' })).status, 200);
  t.equal((await rest(fake, 'POST', '/bridges', { bridgeId: 'b1' })).status, 409, 'duplicate bridgeId');
  t.equal((await rest(fake, 'POST', '/bridges/b1/addChannel', { channel: 'nope' })).status, 400, 'unknown channel');
  t.equal((await rest(fake, 'POST', '/bridges/b1/record', { name: 'r', format: 'wav', ifExists: 'maybe' })).status, 400);
  t.equal((await rest(fake, 'POST', '/bridges/b1/record', { name: 'r', format: 'mp9' })).status, 422);
  t.equal((await rest(fake, 'POST', '/channels/externalMedia', { app: 'voiceorder', format: 'ulaw', externalHost: 'x' })).status, 400,
    'an undeclared parameter is refused');
  t.equal((await rest(fake, 'PUT', '/asterisk/modules/res_pjsip.so')).status, 204);
  t.equal((await rest(fake, 'PUT', '/asterisk/modules/nope.so')).status, 404);
  t.equal((await rest(fake, 'DELETE', '/channels/nope', { reason: 'bored' })).status, 400);
});

t.test('RTP and G.711 helpers round-trip', async (t) => {
  const payload = Buffer.alloc(160, 0xd5);
  const packet = { marker: true, payloadType: 8, sequence: 65535, timestamp: 4294967200, ssrc: 0xdeadbeef, payload };
  t.same(parseRtp(packRtp(packet)), { version: 2, ...packet });
  for (let byte = 0; byte < 256; byte++) {
    t.equal(linearToUlaw(ulawToLinear(byte)), byte === 0x7f ? 0xff : byte, `ulaw ${byte}`);
    t.equal(linearToAlaw(alawToLinear(byte)), byte, `alaw ${byte}`);
  }
  const tone = toneFrames(20, true)[0] ?? new Int16Array();
  t.same(encodeG711(decodeG711(encodeG711(tone, 'ulaw'), 'ulaw'), 'ulaw'), encodeG711(tone, 'ulaw'));
});

t.test('the model validator flags what Asterisk would not send', async (t) => {
  t.same(validator.validate('Variable', { value: 'x' }), []);
  t.match(validator.validate('Variable', {}), [{ path: '$.value', message: /required/ }]);
  t.match(validator.validate('Variable', { value: 1 }), [{ path: '$.value', message: /string/ }]);
  t.match(validator.validate('Variable', { value: 'x', extra: 1 }), [{ path: '$.extra', message: /not declared/ }]);
  t.match(validator.validateEvent({ type: 'StasisEnd', timestamp: '2026-11-21T12:00:00Z', application: 'a', channel: {} }), [
    { path: '$.timestamp' }, { path: '$.channel.id' },
  ]);
  t.match(validator.validate('Bridge', { channels: [1] }), [{ path: '$.id' }]);
});

t.test('a scripted call emits only events and bodies that match Asterisk\'s models', async (t) => {
  const fake = await FakeAri.start({ docs });
  t.teardown(() => fake.close());
  const events = await openEvents(fake, 'voiceorder', true);
  t.teardown(() => events.close());
  const sink = await udpSink();
  t.teardown(() => sink.close());
  const body = (r: { body: unknown }): Record<string, unknown> => r.body as Record<string, unknown>;
  const check = (model: string, value: unknown): void => {
    t.same(validator.validateType(model, value, model), [], `${model} matches its model`);
  };

  const callerId = fake.startCall({ did: '0491000000', callerNumber: '0612345678', callerName: 'Jean' });
  const start = await events.next('StasisStart');
  t.same(start.args, ['0491000000']);
  t.match(start.channel, { id: callerId, state: 'Ring', name: /^PJSIP\/ovh-trunk-[0-9a-f]{8}$/, dialplan: { app_data: 'voiceorder,0491000000' } });
  t.equal((await rest(fake, 'POST', `/channels/${callerId}/answer`)).status, 204);
  await events.next('ChannelStateChange', (e) => (e.channel as { state: string }).state === 'Up');
  t.equal((await rest(fake, 'POST', `/channels/${callerId}/variable`, { variable: 'VO_CALL', value: '42' })).status, 204);
  check('Variable', body(await rest(fake, 'GET', `/channels/${callerId}/variable`, { variable: 'VO_CALL' })));
  const bridge = await rest(fake, 'POST', '/bridges', { type: 'mixing', name: 'call' });
  check('Bridge', bridge.body);
  const bridgeId = String(body(bridge).id);
  const ext = await rest(fake, 'POST', '/channels/externalMedia', {
    app: 'voiceorder', external_host: `127.0.0.1:${sink.port}`, format: 'ulaw', channelId: 'media-1',
  }, { variables: { VO_ROLE: 'media' } });
  check('Channel', ext.body);
  t.match(body(ext), { name: `UnicastRTP/127.0.0.1:${sink.port}-`, channelvars: { UNICASTRTP_LOCAL_ADDRESS: '127.0.0.1' } });
  await events.next('StasisStart', (e) => (e.channel as { id: string }).id === 'media-1');
  t.equal((await rest(fake, 'POST', `/bridges/${bridgeId}/addChannel`, { channel: `${callerId},media-1` })).status, 204);
  const recording = await rest(fake, 'POST', `/bridges/${bridgeId}/record`, { name: 'call-42', format: 'wav', terminateOn: 'none' });
  t.equal(recording.status, 201);
  check('LiveRecording', recording.body);
  await events.next('RecordingStarted');
  fake.pressDtmf(callerId, '5');
  await events.next('ChannelDtmfReceived');

  fake.setOriginateBehaviour('PJSIP/ht841-fxs-1', 'busy', 20);
  fake.setOriginateBehaviour(/@ovh-trunk$/, 'noanswer', 30);
  fake.setOriginateBehaviour('PJSIP/ht841-fxs-2', 'answer', 20);
  const busy = await rest(fake, 'POST', '/channels', { endpoint: 'PJSIP/ht841-fxs-1', app: 'voiceorder', callerId: 'Resto <100>' });
  check('Channel', busy.body);
  t.match(body(busy), { state: 'Down' });
  await rest(fake, 'POST', '/channels', { endpoint: 'PJSIP/0611111111@ovh-trunk', app: 'voiceorder', timeout: '10' });
  const human = await rest(fake, 'POST', '/channels', { endpoint: 'PJSIP/ht841-fxs-2', app: 'voiceorder', appArgs: 'transfer,42' });
  t.match(await events.next('ChannelDestroyed', (e) => e.cause === 17), { cause_txt: 'User busy' });
  t.match(await events.next('ChannelDestroyed', (e) => e.cause === 19), { cause_txt: 'User alerting, no answer' });
  t.same((await events.next('StasisStart', (e) => (e.channel as { id: string }).id === body(human).id)).args, ['transfer', '42']);

  const before = events.received.length;
  fake.callerHangsUp(callerId);
  await events.next('ChannelDestroyed', (e) => (e.channel as { id: string }).id === callerId);
  t.same(events.received.slice(before).map((e) => e.type), ['ChannelHangupRequest', 'ChannelLeftBridge', 'StasisEnd', 'ChannelDestroyed']);
  const farEnd = events.received[before];
  t.notOk(farEnd && 'cause' in farEnd, 'a hangup by the far end (BYE) carries no cause, as on Asterisk 22');
  t.equal((await rest(fake, 'DELETE', '/channels/media-1')).status, 204);
  t.match(await events.next('ChannelHangupRequest', (e) => (e.channel as { id: string }).id === 'media-1'), { cause: 32, soft: true }, 'an ARI hangup carries the soft-hangup flag, not a Q.850 cause');
  t.match(await events.next('ChannelDestroyed', (e) => (e.channel as { id: string }).id === 'media-1'), { cause: 16, cause_txt: 'Normal Clearing' });
  t.equal((await rest(fake, 'DELETE', `/bridges/${bridgeId}`)).status, 204);
  t.equal((await rest(fake, 'DELETE', `/channels/${String(body(human).id)}`, { reason: 'normal' })).status, 204);
  await events.next('BridgeDestroyed');
  t.match(await events.next('RecordingFinished'), { recording: { state: 'done', name: 'call-42' } });

  check('AsteriskInfo', body(await rest(fake, 'GET', '/asterisk/info')));
  check('List[Application]', (await rest(fake, 'GET', '/applications')).body);
  check('List[Endpoint]', (await rest(fake, 'GET', '/endpoints')).body);

  const seen = new Set(fake.events.map((e) => e.type));
  for (const type of ['StasisStart', 'StasisEnd', 'ChannelStateChange', 'ChannelDtmfReceived', 'ChannelHangupRequest',
    'ChannelDestroyed', 'ChannelEnteredBridge', 'ChannelLeftBridge', 'BridgeCreated', 'BridgeDestroyed', 'ChannelVarset',
    'RecordingStarted', 'RecordingFinished']) t.ok(seen.has(type as never), `emitted ${type}`);
  for (const event of events.received) t.same(validator.validateEvent(event), [], `${String(event.type)} matches events.json`);
});

t.test('ari-client connects to the fake and RTP flows both ways through the bridge', async (t) => {
  const fake = await FakeAri.start({ docs });
  t.teardown(() => fake.close());
  const sink = await udpSink();
  t.teardown(() => sink.close());
  const client = await withTimeout(Ari.connect(fake.url, fake.username, fake.password), CONNECT_TIMEOUT_MS, 'ari-client connect');
  const resourceFetches = fake.requests.filter((r) => r.path === '/ari/api-docs/resources.json').map((r) => r.auth);
  t.same(resourceFetches.slice(0, 2), ['none', 'basic'], 'resources.json first without, then with Basic auth');
  const started: { id: string; args: string[] }[] = [];
  client.on('StasisStart', (event, channel) => started.push({ id: channel.id, args: [event.args].flat() }));
  await withTimeout(client.start('voiceorder'), CONNECT_TIMEOUT_MS, 'ari-client start');
  t.teardown(() => client.stop());

  const callerId = fake.startCall({ did: '0491000000', callerNumber: '0612345678' });
  await until('StasisStart for the caller', () => started.some((s) => s.id === callerId));
  await client.channels.answer({ channelId: callerId });
  const bridge = await client.bridges.create({ type: 'mixing' });
  const media = await client.channels.externalMedia({
    app: 'voiceorder', external_host: `127.0.0.1:${sink.port}`, format: 'ulaw', channelId: 'media-1',
  });
  const localPort = Number(media.channelvars?.UNICASTRTP_LOCAL_PORT);
  t.ok(localPort > 0, 'UNICASTRTP_LOCAL_PORT');
  await until('StasisStart for externalMedia', () => started.some((s) => s.id === 'media-1'));

  // Before the bridge is complete, the controller's audio is dropped.
  sink.socket.send(packRtp({ marker: true, payloadType: 0, sequence: 1, timestamp: 0, ssrc: 7, payload: Buffer.alloc(160, 0xff) }), localPort, '127.0.0.1');
  await until('dropped RTP', () => fake.state().droppedRtp === 1);
  await bridge.addChannel({ channel: [callerId, 'media-1'] });
  await sleep(100);
  t.equal(sink.packets.length, 0, 'a silent caller sends no RTP');

  fake.callerSpeaks(callerId, { ms: 200 });
  await until('10 RTP packets', () => sink.packets.length >= 10);
  const ssrcs = new Set(sink.packets.map((p) => p.ssrc));
  t.equal(ssrcs.size, 1, 'one SSRC');
  t.ok(sink.packets.every((p) => p.payloadType === 0 && p.payload.length === 160), 'PT 0, 160-byte payloads');
  t.ok(sink.packets.every((p, i) => i === 0 || p.sequence === (((sink.packets[i - 1]?.sequence ?? 0) + 1) & 0xffff)), 'no sequence gaps');
  t.ok(sink.packets.every((p, i) => i === 0 || p.timestamp - (sink.packets[i - 1]?.timestamp ?? 0) === 160), 'timestamps step 160');
  const spanMs = (sink.packets[9]?.at ?? 0) - (sink.packets[0]?.at ?? 0);
  t.ok(spanMs > 120 && spanMs < 320, `paced at 20 ms (10 packets over ${spanMs.toFixed(0)} ms)`);
  t.same(Buffer.concat(sink.packets.slice(0, 10).map((p) => p.payload)), Buffer.concat(toneFrames(200, true).map((f) => encodeG711(f, 'ulaw'))));

  const spoken = Buffer.from(Array.from({ length: 320 }, (_, i) => i % 256));
  for (let i = 0; i < 2; i++) {
    sink.socket.send(packRtp({ marker: i === 0, payloadType: 0, sequence: 2 + i, timestamp: 160 * i, ssrc: 7, payload: spoken.subarray(160 * i, 160 * (i + 1)) }), localPort, '127.0.0.1');
  }
  await until('controller audio heard', () => fake.callerAudioReceived(callerId).packets.length === 2);
  t.same(fake.callerAudioReceived(callerId).bytes, spoken, 'the caller hears the controller byte for byte');

  const ended: string[] = [];
  client.on('StasisEnd', (_e, channel) => ended.push(channel.id));
  client.on('BridgeDestroyed', (e) => ended.push(`bridge:${e.bridge.id}`));
  fake.callerHangsUp(callerId);
  await until('StasisEnd', () => ended.includes(callerId));
  await client.channels.hangup({ channelId: 'media-1' });
  await bridge.destroy();
  await until('BridgeDestroyed', () => ended.includes(`bridge:${bridge.id}`));
  t.same(fake.state().channels, []);
});

t.test('an Asterisk restart drops the WebSocket and ari-client reconnects', async (t) => {
  const fake = await FakeAri.start({ docs });
  t.teardown(() => fake.close());
  const client = await withTimeout(Ari.connect(fake.url, fake.username, fake.password), CONNECT_TIMEOUT_MS, 'ari-client connect');
  await withTimeout(client.start('voiceorder'), CONNECT_TIMEOUT_MS, 'ari-client start');
  t.teardown(() => client.stop());
  let reconnecting = 0;
  let connected = 0;
  client.on('WebSocketReconnecting', () => (reconnecting += 1));
  client.on('WebSocketConnected', () => (connected += 1));
  const callerId = fake.startCall({ did: '0491000000', callerNumber: '0612345678' });
  await fake.restart(300);
  t.ok(reconnecting >= 1, 'the client saw the drop');
  t.equal((await rest(fake, 'GET', `/channels/${callerId}`)).status, 404, 'calls are gone');
  await until('reconnected', () => connected >= 1, CONNECT_TIMEOUT_MS);
  t.ok(fake.startCall({ did: '0491000000', callerNumber: '0612345678' }), 'calls reach the app again');
});
