import t, { type Test } from 'tap';
import { RealtimeSocket, buildRealtimeUrl, type RealtimeCloseInfo } from '../../src/realtime/realtime-socket.ts';
import { RealtimeConnectError } from '../../src/realtime/realtime-errors.ts';
import { functionCallOutput, inputAudioAppend, responseCreate, sessionUpdate, type G711Format } from '../../src/realtime/protocol.ts';
import { FAKE_REALTIME_API_KEY, FakeRealtimeServer, type Scenario } from '../fakes/realtime/server.ts';
import { startSilentServer } from '../fakes/realtime/silent-server.ts';
import { decodeG711, encodeG711, tone } from '../fakes/realtime/g711.ts';
import { EventRecorder } from './event-recorder.ts';

const MODEL = 'gpt-realtime';

function session(audioFormat: G711Format = 'audio/pcmu') {
  return sessionUpdate({
    instructions: 'Tu es l’assistant téléphonique de la pizzeria.',
    voice: 'marin',
    tools: [{ type: 'function', name: 'add_item', description: 'Add an item', parameters: { type: 'object' } }],
    audioFormat,
    turnDetection: { type: 'server_vad', threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 500 },
    inputTranscription: { model: 'gpt-4o-mini-transcribe', language: 'fr' },
  });
}

async function setup(t: Test, scenario?: Scenario) {
  const server = await FakeRealtimeServer.start({ scenario });
  const socket = new RealtimeSocket({ url: server.url, apiKey: FAKE_REALTIME_API_KEY, model: MODEL });
  const rec = new EventRecorder(socket);
  t.teardown(async () => {
    await socket.close();
    await server.close();
  });
  await socket.connect();
  return { server, socket, rec };
}

t.test('the URL gets ?model= only when it has none, and must be a WebSocket URL', async (t) => {
  t.equal(buildRealtimeUrl('wss://api.openai.com/v1/realtime', 'gpt-realtime'), 'wss://api.openai.com/v1/realtime?model=gpt-realtime');
  t.equal(buildRealtimeUrl('ws://127.0.0.1:9/v1/realtime?model=gpt-realtime-mini', 'gpt-realtime'), 'ws://127.0.0.1:9/v1/realtime?model=gpt-realtime-mini');
  t.throws(() => buildRealtimeUrl('https://api.openai.com/v1/realtime', 'gpt-realtime'), /ws:\/\/ or wss:\/\//);
});

t.test('connect, session.created, then session.update answered by session.updated', async (t) => {
  const { server, socket, rec } = await setup(t);
  const created = await rec.next('session.created');
  t.equal(created.session.model, MODEL, 'the model from the URL');
  t.equal(socket.send(session('audio/pcma')), 'sent');
  const updated = await rec.next('session.updated');
  t.same(updated.session.audio?.input?.format, { type: 'audio/pcma' });
  t.same(updated.session.audio?.output?.format, { type: 'audio/pcma' });
  t.equal(updated.session.audio?.output?.voice, 'marin');
  t.same(updated.session.audio?.input?.transcription, { model: 'gpt-4o-mini-transcribe', language: 'fr' });
  t.equal(updated.session.tool_choice, 'auto');
  const conn = await server.nextConnection();
  t.equal(conn.sessionUpdates.length, 1);
  t.equal(rec.all('error').length, 0);
  t.ok(socket.stats.bytesIn > 0 && socket.stats.bytesOut > 0, 'bytes are counted both ways');
  t.equal(socket.stats.eventsOut, 1);
});

t.test('caller audio appended as μ-law arrives whole, timed, and decodes to what was sent', async (t) => {
  const { server, socket, rec } = await setup(t);
  socket.send(session('audio/pcmu'));
  await rec.next('session.updated');
  const pcm = tone(8000, 1000, 300, 6000);
  const ulaw = encodeG711(pcm, 'pcmu');
  for (let off = 0; off < ulaw.length; off += 160) t.equal(socket.send(inputAudioAppend(ulaw.subarray(off, off + 160).toString('base64'))), 'sent');
  const conn = await server.nextConnection();
  await conn.waitForAudio(1000);
  t.equal(conn.appendedMs, 1000);
  t.equal(conn.audio.length, 50, 'one chunk per 20 ms frame');
  const received = Int16Array.from(conn.audio.flatMap((c) => [...c.samples]));
  t.same([...received], [...decodeG711(ulaw, 'pcmu')], 'the fake decodes exactly the bytes sent');
  t.ok(conn.audio.every((c, i) => i === 0 || c.receivedAt >= (conn.audio[i - 1]?.receivedAt ?? 0)), 'arrival times are recorded in order');
});

t.test('a reply streams A-law audio totalling its duration, then the transcript and usage', async (t) => {
  const { socket, rec } = await setup(t, async (c) => {
    await c.waitForSessionUpdate();
    await c.reply({ audioMs: 1230, text: 'Bonjour, pizzeria Da Marco, je vous écoute.', speed: 20 });
  });
  socket.send(session('audio/pcma'));
  const done = await rec.next('response.done');
  const deltas = rec.all('response.output_audio.delta');
  const bytes = deltas.reduce((n, d) => n + Buffer.from(d.delta, 'base64').length, 0);
  t.equal(bytes / 8, 1230, '1230 ms of 8 kHz G.711');
  const samples = decodeG711(Buffer.concat(deltas.map((d) => Buffer.from(d.delta, 'base64'))), 'pcma');
  t.ok(Math.max(...samples) > 4000, 'decoding as A-law gives the tone back (the session format was honoured)');
  t.equal(new Set(deltas.map((d) => d.item_id)).size, 1);
  t.equal((await rec.next('response.output_audio_transcript.done')).transcript, 'Bonjour, pizzeria Da Marco, je vous écoute.');
  t.equal(done.response.status, 'completed');
  t.ok((done.response.usage?.output_token_details?.audio_tokens ?? 0) > 0, 'usage comes back in response.done');
  t.ok(done.response.usage?.input_token_details !== undefined);
});

t.test('a tool call, its output, then the next response', async (t) => {
  let callId = '';
  const { server, socket, rec } = await setup(t, async (c) => {
    await c.waitForSessionUpdate();
    callId = await c.callTool('add_item', { code: 'PIZ-MARG', quantity: 2 });
    await c.waitForToolOutput(callId);
    await c.waitForResponseCreate();
    await c.reply({ audioMs: 400, text: 'C’est noté, deux margheritas.', speed: 20 });
  });
  socket.send(session());
  const args = await rec.next('response.function_call_arguments.done');
  t.equal(args.name, 'add_item');
  t.same(JSON.parse(args.arguments), { code: 'PIZ-MARG', quantity: 2 });
  const deltas = rec.all('response.function_call_arguments.delta').map((d) => d.delta).join('');
  t.equal(deltas, args.arguments, 'the deltas add up to the arguments');
  socket.send(functionCallOutput(args.call_id, '{"ok":true,"cart":"2× Margherita"}'));
  socket.send(responseCreate());
  await rec.next('response.done');
  const second = await rec.next('response.done');
  t.equal(second.response.status, 'completed');
  t.equal((await rec.next('response.output_audio_transcript.done')).transcript, 'C’est noté, deux margheritas.');
  const conn = await server.nextConnection();
  t.equal(args.call_id, callId);
  t.same(conn.toolOutputs, [{ callId, output: '{"ok":true,"cart":"2× Margherita"}' }]);
  t.equal(conn.responseCreates.length, 1);
  t.equal(await server.scenarioResults[0], undefined, 'the scenario ran to its end');
});

t.test('a dropped connection surfaces as a close with a reason, after the events before it', async (t) => {
  const { socket, rec } = await setup(t, async (c) => {
    await c.waitForSessionUpdate();
    c.drop();
  });
  const closes: RealtimeCloseInfo[] = [];
  socket.onClose((info) => {
    closes.push(info);
  });
  socket.send(session());
  const info = await socket.closed;
  t.equal(info.code, 1006);
  t.equal(info.by, 'network');
  t.match(info.reason, /connection lost/);
  t.same(closes, [info], 'onClose called once');
  t.ok(rec.events.some((e) => e.type === 'session.updated'), 'events received before the drop were dispatched first');
  t.equal(socket.isOpen, false);
  t.equal(socket.send(inputAudioAppend('/w==')), 'closed');
});

t.test('close() is idempotent and reports who closed', async (t) => {
  const { server, socket } = await setup(t);
  const conn = await server.nextConnection();
  const a = socket.close('caller hung up');
  const b = socket.close('again');
  t.equal(a, b, 'same promise');
  t.same(await a, { code: 1000, reason: 'caller hung up', by: 'client' });
  await conn.waitFor('the close to reach the server', () => conn.closed);
  t.pass('the server saw the close');
});

t.test('a bad key is refused at the upgrade with a clear, non-retryable error', async (t) => {
  const server = await FakeRealtimeServer.start();
  t.teardown(() => server.close());
  const socket = new RealtimeSocket({ url: server.url, apiKey: 'sk-wrong-key-123456789', model: MODEL });
  const err = await socket.connect().then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(err instanceof RealtimeConnectError);
  if (!(err instanceof RealtimeConnectError)) return;
  t.equal(err.kind, 'unauthorized');
  t.equal(err.status, 401);
  t.equal(err.retryable, false);
  t.match(err.message, /rejected the API key \(HTTP 401\): Incorrect API key provided/);
  t.notMatch(err.message, /sk-wrong-key-123456789/, 'the key is never echoed whole');
  t.same(server.rejected.map((r) => r.status), [401]);
  t.equal(server.connections.length, 0);
  const closed = await socket.closed;
  t.equal(closed.by, 'network');
  t.match(closed.reason, /^never opened: OpenAI Realtime rejected the API key/);
});

t.test('a server that never upgrades fails the connect at the named timeout', async (t) => {
  const silent = await startSilentServer();
  t.teardown(() => silent.close());
  const socket = new RealtimeSocket({ url: silent.url, apiKey: FAKE_REALTIME_API_KEY, model: MODEL, connectTimeoutMs: 150 });
  const started = Date.now();
  const err = await socket.connect().then(
    () => undefined,
    (e: unknown) => e,
  );
  const elapsed = Date.now() - started;
  t.ok(err instanceof RealtimeConnectError && err.kind === 'timeout' && err.retryable, 'a retryable timeout');
  t.match(String(err), /within 150 ms/);
  t.ok(elapsed >= 140 && elapsed < 2000, `failed after ${elapsed} ms`);
  t.equal(silent.accepted(), 1, 'the TCP connection was made; the upgrade never came');
  await socket.closed;
});

t.test('close() before the upgrade completes aborts the connect', async (t) => {
  const silent = await startSilentServer();
  t.teardown(() => silent.close());
  const socket = new RealtimeSocket({ url: silent.url, apiKey: FAKE_REALTIME_API_KEY, model: MODEL });
  const connecting = socket.connect().then(
    () => undefined,
    (e: unknown) => e,
  );
  await new Promise((r) => setTimeout(r, 50));
  const info = await socket.close('call ended');
  const err = await connecting;
  t.ok(err instanceof RealtimeConnectError && err.kind === 'aborted' && !err.retryable);
  t.equal(info.by, 'client');
  t.equal(info.reason, 'call ended');
});
