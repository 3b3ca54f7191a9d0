import t, { type Test } from 'tap';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { toneG711 } from '../../src/media/g711.ts';
import { InboundStream } from '../../src/media/inbound-stream.ts';
import { OutboundStream } from '../../src/media/outbound-stream.ts';
import { Pacer } from '../../src/media/pacer.ts';
import { PortPool } from '../../src/media/port-pool.ts';
import { packRtp } from '../../src/media/rtp.ts';
import { UdpRtpEndpoint, type RtpAddress } from '../../src/media/udp-rtp-endpoint.ts';

const HOST = '127.0.0.1';

async function socketOn(t: Test): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  socket.bind(0, HOST);
  await once(socket, 'listening');
  t.teardown(() => socket.close());
  return socket;
}

function endpoint(socket: dgram.Socket, remote?: RtpAddress) {
  const heard: Buffer[] = [];
  const warnings: string[] = [];
  const ep = new UdpRtpEndpoint({
    socket,
    remote,
    inbound: new InboundStream({ codec: 'pcmu', startMs: 0 }),
    onAudio: (audio) => heard.push(Buffer.from(audio)),
    log: { warn: (_obj, msg) => warnings.push(msg) },
  });
  return { ep, heard, warnings };
}

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await sleep(5);
}

const rtp = (sequence: number, fill: number) =>
  packRtp({ payloadType: 0, marker: false, sequence, timestamp: sequence * 160, ssrc: 9 }, Buffer.alloc(160, fill));

t.test('a real UDP round trip on 127.0.0.1: paced audio one way, learnt remote the other', async (t) => {
  const controllerSocket = await socketOn(t);
  const asteriskSocket = await socketOn(t);
  // The controller knows Asterisk's address (UNICASTRTP_LOCAL_*); the "Asterisk" side learns ours.
  const controller = endpoint(controllerSocket, { address: HOST, port: asteriskSocket.address().port });
  const asterisk = endpoint(asteriskSocket);
  t.equal(asterisk.ep.send(rtp(1, 1)), false, 'nothing to send to before the remote is known');

  const pacer = new Pacer();
  const out = new OutboundStream({ codec: 'pcmu', send: (p) => controller.ep.send(p) });
  const tone = toneG711('pcmu', { hz: 440, ms: 200 });
  out.appendBase64('item-1', tone.toString('base64'));
  pacer.register(out);
  await until(() => asterisk.heard.length >= 10);
  pacer.stop();
  t.same(Buffer.concat(asterisk.heard), tone, 'the bytes arrive whole and in order');
  t.equal(out.playedMs('item-1'), 200);

  t.same(asterisk.ep.remote, { address: HOST, port: controllerSocket.address().port }, 'remote learnt from the first packet');
  for (let seq = 50; seq < 55; seq++) asterisk.ep.send(rtp(seq, seq));
  await until(() => controller.heard.length >= 5);
  t.same(controller.heard.map((b) => b[0]), [50, 51, 52, 53, 54]);

  const c = controller.ep.counts();
  t.same([c.packetsOut, c.packetsIn, c.bytesIn, c.foreignIn, c.sendErrors], [10, 5, 5 * 172, 0, 0]);
  t.equal(asterisk.ep.counts().unsentNoRemote, 1);
  controller.ep.close();
  asterisk.ep.close();
});

t.test('once locked, packets from another source are ignored and logged once', async (t) => {
  const mine = await socketOn(t);
  const asterisk = await socketOn(t);
  const stranger = await socketOn(t);
  const { ep, heard, warnings } = endpoint(mine, { address: HOST, port: asterisk.address().port });
  const port = mine.address().port;
  stranger.send(rtp(1, 1), port, HOST);
  stranger.send(rtp(2, 2), port, HOST);
  asterisk.send(rtp(3, 3), port, HOST);
  await until(() => heard.length >= 1 && ep.counts().foreignIn >= 2);
  t.same(heard.map((b) => b[0]), [3]);
  t.equal(ep.counts().foreignIn, 2);
  t.equal(warnings.length, 1);
  ep.close();
});

t.test('counts malformed and late packets without delivering them', async (t) => {
  const mine = await socketOn(t);
  const asterisk = await socketOn(t);
  const { ep, heard } = endpoint(mine);
  const port = mine.address().port;
  asterisk.send(rtp(10, 10), port, HOST);
  asterisk.send(Buffer.from('not rtp at all'), port, HOST);
  asterisk.send(rtp(9, 9), port, HOST);
  asterisk.send(rtp(11, 11), port, HOST);
  await until(() => ep.counts().packetsIn + ep.counts().malformedIn >= 4);
  t.same(heard.map((b) => b[0]), [10, 11]);
  t.same([ep.counts().malformedIn, ep.counts().lateFrames], [1, 1]);
  ep.close();
});

t.test('a wildcard UNICASTRTP_LOCAL_ADDRESS fixes the port and learns the address', async (t) => {
  const mine = await socketOn(t);
  const asterisk = await socketOn(t);
  const { ep, heard } = endpoint(mine, { address: '0.0.0.0', port: asterisk.address().port });
  t.equal(ep.remote, undefined);
  asterisk.send(rtp(1, 1), mine.address().port, HOST);
  await until(() => heard.length >= 1);
  t.same(ep.remote, { address: HOST, port: asterisk.address().port });
  ep.close();
  t.equal(ep.send(rtp(2, 2)), false, 'a closed endpoint sends nothing');
});

t.test('after the remote proves itself the socket is tied to it, and a new remote is followed', async (t) => {
  // A port from the pool, as a call has: Linux keeps an explicitly bound port across a disconnect
  // (an ephemeral one would be given back).
  const lease = await new PortPool({ host: HOST, min: 42000, max: 42999 }).acquire();
  t.teardown(() => lease.release());
  const mine = lease.socket;
  const asterisk = await socketOn(t);
  const { ep, heard } = endpoint(mine, { address: HOST, port: asterisk.address().port });
  const port = mine.address().port;
  const atAsterisk: Buffer[] = [];
  asterisk.on('message', (m) => atAsterisk.push(m));

  t.equal(ep.send(rtp(1, 1)), true, 'the greeting can go out before the caller is heard');
  asterisk.send(rtp(1, 1), port, HOST);
  await until(() => heard.length >= 1);
  await until(() => { try { return mine.remoteAddress().port === asterisk.address().port; } catch { return false; } });
  t.same(mine.remoteAddress(), { address: HOST, family: 'IPv4', port: asterisk.address().port }, 'connected once a valid packet came from it');
  for (let seq = 2; seq <= 4; seq++) ep.send(rtp(seq, seq));
  await until(() => atAsterisk.length >= 4);
  t.same(atAsterisk.map((m) => m[12]), [1, 2, 3, 4], 'every frame arrives, before and after the connect');

  // Asterisk re-announces (a re-INVITE moved its RTP): the socket lets go, and ties itself to the new one.
  const moved = await socketOn(t);
  const atMoved: Buffer[] = [];
  moved.on('message', (m) => atMoved.push(m));
  ep.setRemote({ address: HOST, port: moved.address().port });
  ep.send(rtp(5, 5));
  moved.send(rtp(6, 6), port, HOST);
  await until(() => atMoved.length >= 1 && heard.length >= 2);
  t.same(atMoved.map((m) => m[12]), [5]);
  t.same(heard.map((b) => b[0]), [1, 6]);
  await until(() => { try { return mine.remoteAddress().port === moved.address().port; } catch { return false; } });
  t.equal(mine.remoteAddress().port, moved.address().port);
  t.equal(ep.counts().sendErrors, 0);
  ep.close();
});
