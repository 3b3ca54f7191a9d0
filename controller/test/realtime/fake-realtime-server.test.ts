// The fake Realtime server behaves like the real one where the controller
// depends on it: strict GA validation, VAD events, barge-in and truncation.
import t, { type Test } from 'tap';
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import { RealtimeSocket, type BackpressureState } from '../../src/realtime/realtime-socket.ts';
import { conversationItemTruncate, inputAudioAppend, responseCancel, responseCreate, sessionUpdate } from '../../src/realtime/protocol.ts';
import { FAKE_REALTIME_API_KEY, FakeRealtimeServer, type Scenario } from '../fakes/realtime/server.ts';
import { encodeG711, tone } from '../fakes/realtime/g711.ts';
import { EventRecorder } from './event-recorder.ts';

const session = (interruptResponse = true) =>
  sessionUpdate({
    instructions: 'Sois bref.',
    voice: 'marin',
    tools: [],
    audioFormat: 'audio/pcmu',
    turnDetection: { type: 'server_vad', threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 500, interruptResponse },
    inputTranscription: { model: 'gpt-4o-mini-transcribe', language: 'fr' },
  });

async function setup(t: Test, scenario?: Scenario) {
  const server = await FakeRealtimeServer.start({ scenario });
  const socket = new RealtimeSocket({ url: server.url, apiKey: FAKE_REALTIME_API_KEY, model: 'gpt-realtime' });
  const rec = new EventRecorder(socket);
  t.teardown(async () => {
    await socket.close();
    await server.close();
  });
  await socket.connect();
  const conn = await server.nextConnection();
  return { server, socket, rec, conn };
}

function sendAudio(socket: RealtimeSocket, ms: number): void {
  const ulaw = encodeG711(tone(8000, ms), 'pcmu');
  for (let off = 0; off < ulaw.length; off += 160) socket.send(inputAudioAppend(ulaw.subarray(off, off + 160).toString('base64')));
}

const raw = (e: unknown) => e as RealtimeClientEvent;

t.test('beta and unknown shapes get the error event the real server sends', async (t) => {
  const { socket, rec, conn } = await setup(t);
  socket.send(raw({ type: 'session.update', event_id: 'c1', session: { type: 'realtime', input_audio_format: 'g711_ulaw' } }));
  const e1 = await rec.next('error');
  t.same(e1.error, { type: 'invalid_request_error', code: 'unknown_parameter', message: "Unknown parameter: 'session.input_audio_format'.", param: 'session.input_audio_format', event_id: 'c1' });
  socket.send(raw({ type: 'session.update', session: { modalities: ['audio'] } }));
  t.equal((await rec.next('error')).error.code, 'unknown_parameter');
  socket.send(raw({ type: 'response.audio.delta', event_id: 'c3' }));
  const e3 = await rec.next('error');
  t.equal(e3.error.code, 'invalid_value');
  t.equal(e3.error.param, 'type');
  socket.send(raw({ type: 'conversation.item.truncate', item_id: 'x', content_index: 0 }));
  t.equal((await rec.next('error')).error.code, 'missing_required_parameter');
  t.equal(conn.sessionUpdates.length, 0, 'nothing invalid was applied');
  t.equal(conn.session.audio?.input?.format?.type, 'audio/pcm', 'still the default session');
});

t.test('VAD events carry offsets computed from the appended audio; transcription follows', async (t) => {
  const { socket, rec, conn } = await setup(t, async (c) => {
    await c.waitForSessionUpdate();
    await c.waitForAudio(1000);
    c.speechStarted();
    await c.waitForAudio(2000);
    c.speechStopped();
    c.transcript('Je voudrais réserver pour ce soir.');
  });
  socket.send(session());
  await rec.next('session.updated');
  sendAudio(socket, 1000);
  const started = await rec.next('input_audio_buffer.speech_started');
  t.equal(started.audio_start_ms, 700, 'detection point minus the 300 ms prefix padding');
  sendAudio(socket, 1000);
  const stopped = await rec.next('input_audio_buffer.speech_stopped');
  t.equal(stopped.audio_end_ms, 2000);
  t.equal(stopped.item_id, started.item_id);
  t.equal((await rec.next('input_audio_buffer.committed')).item_id, started.item_id);
  const transcript = await rec.next('conversation.item.input_audio_transcription.completed');
  t.equal(transcript.item_id, started.item_id);
  t.equal(transcript.transcript, 'Je voudrais réserver pour ce soir.');
  t.equal(conn.appendedMs, 2000);
});

t.test('barge-in: speech_started cancels the answer, and the truncate is recorded at what was heard', async (t) => {
  const { socket, rec, conn } = await setup(t, async (c) => {
    await c.waitForSessionUpdate();
    const reply = c.reply({ audioMs: 4000, text: 'Nous avons des pizzas, des pâtes et des desserts maison.', speed: 10 });
    await c.waitForAudio(200);
    c.speechStarted();
    const result = await reply;
    if (result.status !== 'cancelled') throw new Error('the reply was not interrupted');
    await c.waitForTruncate();
  });
  socket.send(session());
  const first = await rec.next('response.output_audio.delta');
  sendAudio(socket, 200);
  await rec.next('input_audio_buffer.speech_started');
  const done = await rec.next('response.done');
  t.equal(done.response.status, 'cancelled');
  t.equal(done.response.status_details?.reason, 'turn_detected');
  const heardMs = 80; // at most what was sent: the fake, like the server, refuses more
  socket.send(conversationItemTruncate(first.item_id, 0, heardMs));
  const truncated = await rec.next('conversation.item.truncated');
  t.same([truncated.item_id, truncated.audio_end_ms], [first.item_id, heardMs]);
  t.same(conn.truncates.map((x) => [x.itemId, x.audioEndMs]), [[first.item_id, heardMs]]);
  const audioMs = rec.all('response.output_audio.delta').reduce((n, d) => n + Buffer.from(d.delta, 'base64').length / 8, 0);
  t.ok(audioMs < 4000, `only ${audioMs} ms of the 4000 ms answer was sent`);
  t.equal(rec.all('response.output_audio.done').length, 0);
});

t.test('a truncate mid-answer stops the remaining deltas even without server interruption', async (t) => {
  const { socket, rec, conn } = await setup(t, async (c) => {
    await c.waitForSessionUpdate();
    await c.reply({ audioMs: 5000, text: 'Une très longue réponse.', speed: 5 });
  });
  socket.send(session(false));
  const first = await rec.next('response.output_audio.delta');
  await rec.next('response.output_audio.delta');
  socket.send(conversationItemTruncate(first.item_id, 0, 120));
  await rec.next('conversation.item.truncated');
  const done = await rec.next('response.done');
  t.equal(done.response.status, 'cancelled');
  const deltasAfterTruncate = rec.events.slice(rec.events.findIndex((e) => e.type === 'conversation.item.truncated')).filter((e) => e.type === 'response.output_audio.delta');
  t.equal(deltasAfterTruncate.length, 0, 'no delta after conversation.item.truncated');
  t.equal(conn.truncates.length, 1);
});

t.test('the fake refuses what the real server refuses', async (t) => {
  const { socket, rec } = await setup(t, async (c) => {
    await c.waitForSessionUpdate();
    await c.reply({ audioMs: 600, text: 'Bonjour.', speed: 2 });
  });
  socket.send(responseCancel());
  t.equal((await rec.next('error')).error.code, 'response_cancel_not_active');
  socket.send(session());
  const first = await rec.next('response.output_audio.delta');
  socket.send(responseCreate());
  t.equal((await rec.next('error')).error.code, 'conversation_already_has_active_response');
  socket.send(conversationItemTruncate(first.item_id, 0, 60_000));
  t.match((await rec.next('error')).error.message, /already shorter than 60000ms/);
  socket.send(conversationItemTruncate('item_nope', 0, 10));
  t.equal((await rec.next('error')).error.code, 'item_truncate_invalid_item_id');
  t.equal((await rec.next('response.done')).response.status, 'completed');
});

t.test('a stalled link: audio is dropped and reported, control events still go, then it recovers', async (t) => {
  const { socket, conn } = await setup(t);
  const states: BackpressureState[] = [];
  socket.onBackpressure((s) => {
    states.push(s);
  });
  conn.setReading(false);
  const big = inputAudioAppend(Buffer.alloc(48_000, 0xff).toString('base64'));
  let result = 'sent';
  for (let i = 0; i < 2_000 && result === 'sent'; i++) result = socket.send(big);
  t.equal(result, 'dropped', 'audio is refused once the backlog passes the high-water mark');
  await new Promise((r) => setImmediate(r));
  t.equal(states[0]?.active, true, 'backpressure reported');
  t.equal(socket.send(responseCancel()), 'sent', 'a control event is still sent');
  t.ok(socket.stats.droppedAudioEvents >= 1);
  conn.setReading(true);
  await conn.waitFor('the backlog to drain', () => conn.received.includes('response.cancel'));
  await new Promise((r) => setTimeout(r, 20));
  t.equal(socket.send(inputAudioAppend('/w==')), 'sent', 'audio flows again once drained');
  await new Promise((r) => setImmediate(r));
  t.equal(states.at(-1)?.active, false, 'recovery reported');
});
