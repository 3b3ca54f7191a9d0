// Barge-in: the caller talks over the agent. The queued audio stops at once and
// the model is told exactly how much of its answer the caller heard.
import t from 'tap';
import { startCallHarness, waitUntil } from './call-harness.ts';

t.test('barge-in stops the agent within a frame and truncates at what was heard', async (t) => {
  let speechAt = 0;
  let itemId = '';
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    // A long answer, generated 4× faster than real time: most of it is still queued when the caller cuts in.
    const replying = rt.reply({ audioMs: 6000, text: 'Bonjour, nous avons aujourd’hui une longue liste de pizzas…' });
    await new Promise((r) => setTimeout(r, 1500));
    speechAt = performance.now();
    itemId = rt.speechStarted();
    await replying;
    await rt.waitForTruncate();
    await rt.idle(800);
  });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  const truncate = await waitUntil('the truncate', () => h.realtime.connections[0]?.truncates[0]);
  await new Promise((r) => setTimeout(r, 600));
  const { packets } = h.ari.callerAudioReceived(channelId);
  const heardBefore = packets.filter((p) => p.at <= speechAt).length;
  const late = packets.filter((p) => p.at > speechAt + 20 + 5);
  t.ok(itemId, 'speech started during the answer');
  t.ok(Math.abs(truncate.audioEndMs - heardBefore * 20) <= 20, `audio_end_ms ${truncate.audioEndMs} is within one frame of the ${heardBefore * 20} ms the caller heard`);
  t.ok(truncate.audioEndMs < 6000, 'the rest of the answer was not played');
  t.ok(late.length <= 1, `no frame after 20 ms (${late.length} late frames)`);
  h.ari.callerHangsUp(channelId);
});
