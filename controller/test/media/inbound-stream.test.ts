import t from 'tap';
import { FRAME_BYTES } from '../../src/media/g711.ts';
import {
  InboundStream, MAX_CONSECUTIVE_OLD_PACKETS, MAX_SILENCE_FRAMES_PER_CALL, SILENCE_GAP_MS, toBase64,
} from '../../src/media/inbound-stream.ts';
import type { RtpPacket } from '../../src/media/rtp.ts';

const packet = (sequence: number, fill = sequence & 0xff, over: Partial<RtpPacket> = {}): RtpPacket => ({
  payloadType: 0, marker: false, sequence, timestamp: sequence * 160, ssrc: 42, payload: Buffer.alloc(FRAME_BYTES, fill), ...over,
});

t.test('keeps packets in order, drops duplicates and older ones across the wrap', async (t) => {
  const s = new InboundStream({ codec: 'pcmu', startMs: 0 });
  const arrivals: Array<[number, boolean]> = [
    [65534, true], [65535, true], [0, true], [65535, false], [1, true], [1, false], [3, true], [2, false], [4, true],
  ];
  for (const [seq, kept] of arrivals) t.equal(s.accept(packet(seq), 0) !== null, kept, `seq ${seq}`);
  t.equal(s.stats().packetsLate, 3);
  t.equal(s.stats().packetsAccepted, 6);
});

t.test('returns the payload itself (no copy) with one-frame batches', async (t) => {
  const s = new InboundStream({ codec: 'pcmu', startMs: 0 });
  const p = packet(1);
  t.equal(s.accept(p, 0), p.payload);
  t.equal(toBase64(Buffer.from([0xff, 0xfe])), '//4=');
});

t.test('ignores other payload types (comfort noise, DTMF events)', async (t) => {
  const s = new InboundStream({ codec: 'pcma', startMs: 0 });
  t.equal(s.accept(packet(1, 1, { payloadType: 0 }), 0), null);
  t.equal(s.accept(packet(2, 1, { payloadType: 13 }), 0), null);
  t.equal(s.accept(packet(3, 1, { payloadType: 101 }), 0), null);
  t.ok(s.accept(packet(4, 1, { payloadType: 8 }), 0));
  t.equal(s.stats().packetsOtherPayload, 3);
});

t.test('a new SSRC starts a new sequence space', async (t) => {
  const s = new InboundStream({ codec: 'pcmu', startMs: 0 });
  t.ok(s.accept(packet(5000), 0));
  t.ok(s.accept(packet(10, 1, { ssrc: 43 }), 0), 'lower sequence from a new source is accepted');
});

t.test('a sender that restarted its numbering is followed after a run of "old" packets', async (t) => {
  const s = new InboundStream({ codec: 'pcmu', startMs: 0 });
  t.ok(s.accept(packet(30000), 0));
  let accepted = 0;
  for (let i = 0; i < MAX_CONSECUTIVE_OLD_PACKETS + 5; i++) if (s.accept(packet(100 + i), 0)) accepted++;
  t.equal(accepted, 6, 'dropped until the cap, then followed');
});

t.test('batches N frames, in order, and flushes a partial batch', async (t) => {
  const s = new InboundStream({ codec: 'pcmu', startMs: 0, batchFrames: 3 });
  t.equal(s.accept(packet(1, 1), 0), null);
  t.equal(s.accept(packet(2, 2), 20), null);
  const batch = s.accept(packet(3, 3), 40);
  t.same(batch, Buffer.concat([Buffer.alloc(160, 1), Buffer.alloc(160, 2), Buffer.alloc(160, 3)]));
  t.equal(s.accept(packet(4, 4), 60), null);
  t.same(s.flush(), Buffer.alloc(160, 4));
  t.equal(s.flush(), null);
});

t.test('silence feeder: nothing while audio flows, silence after a gap, stops when audio resumes', async (t) => {
  const s = new InboundStream({ codec: 'pcmu', startMs: 0 });
  let fed = 0;
  for (let now = 0; now <= 200; now += 20) {
    s.accept(packet(now / 20 + 1), now);
    fed += s.silenceDue(now + 5);
  }
  t.equal(fed, 0, 'no silence during speech');
  t.equal(s.silenceDue(200 + SILENCE_GAP_MS), 0, 'a late packet is not yet a gap');
  // Last packet at 200 covered until 220; at 261 two whole frames are owed.
  t.equal(s.silenceDue(261), 2);
  t.equal(s.silenceDue(275), 0);
  t.equal(s.silenceDue(281), 1);
  t.equal(s.silenceDue(301), 1);
  s.accept(packet(20), 310);
  t.equal(s.silenceDue(320), 0, 'audio resumed');
  t.equal(s.silenceDue(340), 0);
  t.equal(s.stats().silenceFrames, 4);
});

t.test('silence feeder covers a call that never sends audio, bounded after a stall', async (t) => {
  const s = new InboundStream({ codec: 'pcma', startMs: 1000 });
  t.equal(s.silenceDue(1050), 0);
  t.equal(s.silenceDue(1061), 3);
  t.equal(s.silenceDue(11_061), MAX_SILENCE_FRAMES_PER_CALL, '10 s stall: a bounded amount, not 500 frames');
  t.equal(s.silenceDue(11_081), 1, 'no backlog carried over');
  const audio = s.silenceAudio(3);
  t.equal(audio.length, 480);
  t.ok(audio.every((b) => b === 0xd5), 'A-law silence');
});

t.test('takeSilence puts a pending partial batch before the silence', async (t) => {
  const s = new InboundStream({ codec: 'pcmu', startMs: 0, batchFrames: 2 });
  t.equal(s.accept(packet(1, 7), 0), null);
  t.equal(s.takeSilence(30), null);
  const out = s.takeSilence(100)!;
  t.same(out.subarray(0, 160), Buffer.alloc(160, 7));
  t.ok(out.subarray(160).every((b) => b === 0xff));
  t.equal(out.length, 160 + 4 * 160, '20..100 ms owed: 4 frames');
});
