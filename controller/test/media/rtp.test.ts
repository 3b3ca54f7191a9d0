import t from 'tap';
import { isNewerSequence, packRtp, parseRtp, RTP_HEADER_BYTES, RTP_MAX_OUT_BYTES } from '../../src/media/rtp.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

t.test('packs a PCMU packet byte for byte as written by hand', async (t) => {
  const packet = packRtp({ payloadType: 0, marker: true, sequence: 0x1234, timestamp: 0xdeadbeef, ssrc: 0x01020304 }, hex('ff007f'));
  t.same(packet, hex('80 80 1234 deadbeef 01020304 ff007f'));
});

t.test('packs a PCMA packet without marker', async (t) => {
  const packet = packRtp({ payloadType: 8, marker: false, sequence: 1, timestamp: 160, ssrc: 0xffffffff }, hex('d5d5'));
  t.same(packet, hex('80 08 0001 000000a0 ffffffff d5d5'));
});

t.test('parses the hand-written packet back, payload as a view of the input', async (t) => {
  const wire = hex('80 80 1234 deadbeef 01020304 ff007f');
  const p = parseRtp(wire);
  t.ok(p);
  t.same({ ...p!, payload: [...p!.payload] }, {
    payloadType: 0, marker: true, sequence: 0x1234, timestamp: 0xdeadbeef, ssrc: 0x01020304, payload: [0xff, 0x00, 0x7f],
  });
  t.equal(p!.payload.buffer, wire.buffer, 'no copy');
  t.equal(p!.payload.byteOffset, wire.byteOffset + RTP_HEADER_BYTES);
});

t.test('writes into a preallocated buffer and returns the exact packet', async (t) => {
  const out = Buffer.alloc(RTP_MAX_OUT_BYTES, 0xaa);
  const payload = Buffer.alloc(160, 0x11);
  const packet = packRtp({ payloadType: 0, marker: false, sequence: 65535, timestamp: 2 ** 32 - 1, ssrc: 7 }, payload, out);
  t.equal(packet.buffer, out.buffer);
  t.equal(packet.length, 172);
  const back = parseRtp(packet)!;
  t.equal(back.sequence, 65535);
  t.equal(back.timestamp, 2 ** 32 - 1);
  t.same(back.payload, payload);
  t.throws(() => packRtp({ payloadType: 0, marker: false, sequence: 0, timestamp: 0, ssrc: 0 }, payload, Buffer.alloc(100)), RangeError);
});

t.test('masks out-of-range header values instead of throwing', async (t) => {
  const p = parseRtp(packRtp({ payloadType: 0, marker: false, sequence: 65536 + 5, timestamp: 2 ** 32 + 9, ssrc: -1 }, hex('ff')))!;
  t.same([p.sequence, p.timestamp, p.ssrc], [5, 9, 0xffffffff]);
});

const wellFormed: Array<[string, string, number[]]> = [
  ['two CSRCs are skipped', '82 00 0001 00000000 00000001 0000000a 0000000b ffee', [0xff, 0xee]],
  ['a header extension is skipped', '90 00 0001 00000000 00000001 bede0001 01020304 ffee', [0xff, 0xee]],
  ['padding is stripped', 'a0 00 0001 00000000 00000001 ffee 000003', [0xff, 0xee]],
  ['CSRC, extension and padding together', 'b1 00 0001 00000000 00000001 0000000a bede0000 ff 01', [0xff]],
  ['an empty payload', '80 00 0001 00000000 00000001', []],
];
for (const [name, wire, payload] of wellFormed) {
  t.test(`parses: ${name}`, async (t) => {
    const p = parseRtp(hex(wire));
    t.ok(p);
    t.same([...p!.payload], payload);
  });
}

const malformed: Array<[string, string]> = [
  ['shorter than a header', '80 00 0001 00000000 000000'],
  ['version 1', '40 00 0001 00000000 00000001 ff'],
  ['version 0 (STUN-like)', '00 01 0001 00000000 00000001 ff'],
  ['CSRCs beyond the end', '83 00 0001 00000000 00000001 00000001'],
  ['extension header cut short', '90 00 0001 00000000 00000001 bede'],
  ['extension longer than the packet', '90 00 0001 00000000 00000001 bede0004 01020304'],
  ['padding longer than the packet', 'a0 00 0001 00000000 00000001 ff 20'],
  ['padding count of zero', 'a0 00 0001 00000000 00000001 ff 00'],
];
for (const [name, wire] of malformed) {
  t.test(`rejects: ${name}`, async (t) => {
    t.equal(parseRtp(hex(wire)), null);
  });
}

t.test('sequence comparison is wrap-aware', async (t) => {
  const cases: Array<[number, number, boolean]> = [
    [1, 0, true], [0, 1, false], [5, 5, false], [0, 65535, true], [65535, 0, false], [100, 65500, true], [32767, 0, true], [32768, 0, false],
  ];
  for (const [a, b, newer] of cases) t.equal(isNewerSequence(a, b), newer, `${a} after ${b}`);
});
