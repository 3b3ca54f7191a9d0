import t from 'tap';
import {
  ALAW_SILENCE, alawToLinear, audioFormatFor, codecForPayloadType, decodeG711, encodeG711, FRAME_BYTES, linearToAlaw,
  linearToMulaw, MULAW_SILENCE, mulawToLinear, payloadTypeFor, silenceByte, silenceFrame, toneG711,
} from '../../src/media/g711.ts';

t.test('codec facts', async (t) => {
  t.equal(MULAW_SILENCE, 0xff);
  t.equal(ALAW_SILENCE, 0xd5);
  t.equal(payloadTypeFor('pcmu'), 0);
  t.equal(payloadTypeFor('pcma'), 8);
  t.equal(codecForPayloadType(0), 'pcmu');
  t.equal(codecForPayloadType(8), 'pcma');
  t.equal(codecForPayloadType(101), null);
  t.equal(audioFormatFor('pcmu'), 'audio/pcmu');
  t.equal(audioFormatFor('pcma'), 'audio/pcma');
  for (const codec of ['pcmu', 'pcma'] as const) {
    const frame = silenceFrame(codec);
    t.equal(frame.length, FRAME_BYTES);
    t.ok(frame.every((b) => b === silenceByte(codec)));
    t.equal(silenceFrame(codec), frame, 'preallocated once');
    t.ok(decodeG711(codec, frame).every((s) => Math.abs(s) <= 8), 'decodes to (near) zero');
  }
});

const muLaw: Array<[number, number]> = [
  // [code, linear] reference points of the ITU μ-law table (16-bit scale)
  [0xff, 0], [0x7f, 0], [0x80, 32124], [0x00, -32124], [0xfe, 8], [0x7e, -8], [0xf0, 120], [0xef, 132], [0xce, 988],
];
const aLaw: Array<[number, number]> = [
  [0xd5, 8], [0x55, -8], [0xaa, 32256], [0x2a, -32256], [0x80, 5504], [0x00, -5504], [0xd4, 24], [0xfa, 1008],
];

t.test('μ-law decodes the reference points', async (t) => {
  for (const [code, linear] of muLaw) t.equal(mulawToLinear(code), linear, `0x${code.toString(16)}`);
});
t.test('A-law decodes the reference points', async (t) => {
  for (const [code, linear] of aLaw) t.equal(alawToLinear(code), linear, `0x${code.toString(16)}`);
});

t.test('encoders hit the reference codes, clipping at full scale', async (t) => {
  t.equal(linearToMulaw(0), 0xff);
  t.equal(linearToMulaw(32767), 0x80);
  t.equal(linearToMulaw(-32768), 0x00);
  t.equal(linearToMulaw(1e6), 0x80, 'out-of-range input is clamped');
  t.equal(linearToAlaw(0), 0xd5);
  t.equal(linearToAlaw(-1), 0x55);
  t.equal(linearToAlaw(32767), 0xaa);
  t.equal(linearToAlaw(-32768), 0x2a);
});

t.test('every code survives decode then encode (except μ-law negative zero)', async (t) => {
  for (let c = 0; c < 256; c++) {
    if (linearToAlaw(alawToLinear(c)) !== c) t.fail(`A-law 0x${c.toString(16)}`);
    const expected = c === 0x7f ? 0xff : c;
    if (linearToMulaw(mulawToLinear(c)) !== expected) t.fail(`μ-law 0x${c.toString(16)}`);
  }
  t.pass('all 256 codes of each law');
});

t.test('decode(encode(x)) stays within one quantisation step for every 16-bit sample', async (t) => {
  let worstMu = 0;
  let worstA = 0;
  for (let x = -32768; x < 32768; x++) {
    const mu = linearToMulaw(x);
    const muSeg = (~mu >> 4) & 7;
    const muErr = Math.abs(mulawToLinear(mu) - x);
    if (Math.abs(x) <= 32124 && muErr > 8 << muSeg) t.fail(`μ-law ${x}: error ${muErr}`);
    worstMu = Math.max(worstMu, muErr / (8 << muSeg));
    const a = linearToAlaw(x);
    const aSeg = ((a ^ 0x55) >> 4) & 7;
    const step = aSeg < 2 ? 16 : 16 << (aSeg - 1);
    const aErr = Math.abs(alawToLinear(a) - x);
    if (Math.abs(x) <= 32256 && aErr > step) t.fail(`A-law ${x}: error ${aErr}`);
    worstA = Math.max(worstA, aErr / step);
  }
  t.ok(worstMu <= 1 && worstA <= 1, `worst error in steps: μ ${worstMu.toFixed(2)}, A ${worstA.toFixed(2)}`);
});

t.test('decode tables are monotonic within each sign', async (t) => {
  for (let c = 0x80; c < 0xff; c++) t.ok(mulawToLinear(c) > mulawToLinear(c + 1) || c === 0xfe, 'μ-law positive half decreases with the code');
  const positives = Array.from({ length: 128 }, (_, i) => alawToLinear(i | 0x80)).sort((x, y) => x - y);
  t.equal(new Set(positives).size, 128, 'A-law positive codes are distinct levels');
});

t.test('buffer encode and decode round trip a tone', async (t) => {
  for (const codec of ['pcmu', 'pcma'] as const) {
    const bytes = toneG711(codec, { hz: 1000, ms: 20, amplitude: 10000 });
    t.equal(bytes.length, 160);
    const pcm = decodeG711(codec, bytes);
    t.ok(Math.max(...pcm) > 9000 && Math.min(...pcm) < -9000, `${codec} tone keeps its amplitude`);
    t.same(encodeG711(codec, pcm), bytes, `${codec} re-encodes to the same bytes`);
    const out = Buffer.alloc(200);
    t.equal(encodeG711(codec, pcm, out).length, 160);
    t.throws(() => encodeG711(codec, pcm, Buffer.alloc(10)), RangeError);
  }
});
