import t from 'tap';
import { FRAME_BYTES } from '../../src/media/g711.ts';
import { MAX_QUEUED_AUDIO_MS, OutboundStream } from '../../src/media/outbound-stream.ts';
import { parseRtp, type RtpPacket } from '../../src/media/rtp.ts';

/** Bytes 0,1,2,… so any reordering or loss shows. */
const pattern = (from: number, n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (from + i) % 251));

function capture(opts: Partial<ConstructorParameters<typeof OutboundStream>[0]> = {}) {
  const sent: RtpPacket[] = [];
  const stream = new OutboundStream({
    codec: 'pcmu', ssrc: 0x11223344, sequence: 100, timestamp: 1000,
    ...opts,
    // The packet buffer is reused: keep a copy, as the wire would.
    send: (packet) => sent.push(parseRtp(Buffer.from(packet))!),
  });
  return { stream, sent };
}

const chunkings: Array<[string, number[]]> = [
  ['exact frames', [160, 160, 160]],
  ['one byte at a time then a big chunk', [1, 1, 1, 500]],
  ['odd sizes straddling frames', [159, 2, 161, 7, 300, 13]],
  ['one large delta', [4000]],
  ['empty deltas in between', [0, 170, 0, 150]],
];
for (const [name, sizes] of chunkings) {
  t.test(`arbitrary chunk sizes become exact 160-byte frames: ${name}`, async (t) => {
    const { stream } = capture();
    let total = 0;
    for (const size of sizes) {
      stream.append('item', pattern(total, size));
      total += size;
    }
    const frames: Buffer[] = [];
    for (let f = stream.nextFrame(); f; f = stream.nextFrame()) frames.push(Buffer.from(f));
    t.equal(frames.length, Math.floor(total / FRAME_BYTES));
    t.ok(frames.every((f) => f.length === FRAME_BYTES));
    t.same(Buffer.concat(frames), pattern(0, frames.length * FRAME_BYTES), 'bytes in order, none lost');
    t.equal(stream.queuedMs, (total % FRAME_BYTES) / 8, 'the remainder waits for more audio');
  });
}

t.test('the tail shorter than a frame is padded with silence once the response is done', async (t) => {
  for (const [codec, silence] of [['pcmu', 0xff], ['pcma', 0xd5]] as const) {
    const { stream } = capture({ codec });
    stream.append('item', pattern(0, 200));
    t.ok(stream.nextFrame());
    t.equal(stream.nextFrame(), null, 'held while more may come');
    stream.markDone();
    const tail = Buffer.from(stream.nextFrame()!);
    t.same(tail.subarray(0, 40), pattern(160, 40));
    t.ok(tail.subarray(40).every((b) => b === silence), `${codec} silence padding`);
    t.equal(stream.nextFrame(), null);
    t.equal(stream.playedMs('item'), 25, 'padding is not counted as played');
  }
});

t.test('RTP: sequence +1 per packet, timestamp +160 per tick, marker on each talk spurt', async (t) => {
  const { stream, sent } = capture();
  stream.append('a', pattern(0, 320));
  stream.tick();
  stream.tick();
  stream.tick(); // nothing queued: silence
  stream.tick();
  stream.append('b', pattern(0, 160));
  stream.tick();
  t.same(sent.map((p) => [p.sequence, p.timestamp, p.marker, p.payloadType, p.ssrc]), [
    [100, 1000, true, 0, 0x11223344],
    [101, 1160, false, 0, 0x11223344],
    [102, 1000 + 4 * 160, true, 0, 0x11223344],
  ]);
  t.same(stream.stats().idleTicks, 2);
});

t.test('RTP sequence and timestamp wrap', async (t) => {
  const { stream, sent } = capture({ codec: 'pcma', sequence: 65535, timestamp: 2 ** 32 - 160 });
  stream.append('a', pattern(0, 480));
  stream.tick();
  stream.tick();
  stream.tick();
  t.same(sent.map((p) => [p.sequence, p.timestamp, p.payloadType]), [[65535, 2 ** 32 - 160, 8], [0, 0, 8], [1, 160, 8]]);
});

t.test('skipped intervals advance the timestamp and start a new talk spurt', async (t) => {
  const { stream, sent } = capture();
  stream.append('a', pattern(0, 480));
  stream.tick();
  stream.skip(2);
  stream.tick();
  t.same(sent.map((p) => [p.sequence, p.timestamp, p.marker]), [[100, 1000, true], [101, 1000 + 3 * 160, true]]);
  t.equal(stream.stats().skippedTicks, 2);
});

t.test('clear() drops everything queued at once and reports the ms dropped', async (t) => {
  const { stream, sent } = capture();
  for (let i = 0; i < 10; i++) stream.appendBase64('a', pattern(i * 800, 800).toString('base64')); // 1 s
  for (let i = 0; i < 10; i++) stream.tick(); // 200 ms played
  t.equal(stream.clear(), 800);
  t.equal(stream.queuedMs, 0);
  t.equal(stream.nextFrame(), null);
  t.equal(stream.clear(), 0, 'nothing left the second time');
  stream.append('b', pattern(0, 160));
  stream.tick();
  t.equal(sent.at(-1)!.marker, true, 'audio after a barge-in starts a talk spurt');
  t.equal(stream.stats().clearedBytes, 6400);
});

t.test('playedMs counts, per item, only the frames that were sent', async (t) => {
  const { stream } = capture();
  stream.append('a', pattern(0, 500)); // 62.5 ms
  stream.append('b', pattern(0, 300)); // 37.5 ms
  t.equal(stream.playedMs('a'), 0, 'queued is not played');
  stream.tick();
  stream.tick();
  stream.tick();
  t.same([stream.playedMs('a'), stream.playedMs('b')], [60, 0]);
  stream.tick(); // 20 bytes of a, 140 of b
  t.same([stream.playedMs('a'), stream.playedMs('b')], [62, 17]);
  stream.clear();
  t.same([stream.playedMs('a'), stream.playedMs('b')], [62, 17], 'a barge-in keeps what was heard');
  t.equal(stream.playedMs('never-seen'), 0);
});

t.test('the queue is bounded and counts what it refused', async (t) => {
  t.equal(MAX_QUEUED_AUDIO_MS, 60_000);
  const { stream } = capture({ maxQueuedMs: 100 });
  stream.append('a', pattern(0, 600));
  stream.append('a', pattern(0, 600));
  t.equal(stream.queuedMs, 100);
  t.equal(stream.stats().overflowBytes, 400);
  const { stream: big } = capture();
  for (let i = 0; i < 70; i++) big.append('a', Buffer.alloc(8000)); // 70 s offered
  t.equal(big.queuedMs, 60_000);
  t.equal(big.stats().overflowBytes, 80_000);
});

t.test('random RTP start values when none are given', async (t) => {
  const a = new OutboundStream({ codec: 'pcmu', send: () => {} }).rtpState;
  const b = new OutboundStream({ codec: 'pcmu', send: () => {} }).rtpState;
  t.not(a.ssrc, b.ssrc);
});
