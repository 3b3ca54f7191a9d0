import t from 'tap';
import dgram from 'node:dgram';
import { PortPool, PortPoolExhaustedError } from '../../src/media/port-pool.ts';

const HOST = '127.0.0.1';

async function bound(port: number): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, HOST, () => resolve());
  });
  return socket;
}

/** A port the OS just handed out, free again: the start of a range for the test. */
async function freePort(): Promise<number> {
  const s = await bound(0);
  const { port } = s.address();
  s.close();
  return port;
}

t.test('skips a port another process holds', async (t) => {
  const base = await freePort();
  const squatter = await bound(base);
  t.teardown(() => squatter.close());
  const pool = new PortPool({ host: HOST, min: base, max: base + 3 });
  const lease = await pool.acquire();
  t.teardown(() => lease.release());
  t.not(lease.port, base);
  t.ok(lease.port > base && lease.port <= base + 3);
  t.equal(lease.socket.address().port, lease.port, 'the socket is bound to it');
  t.equal(pool.inUse, 1);
});

t.test('exhaustion is a typed error; release is idempotent and frees the port', async (t) => {
  const port = await freePort();
  const pool = new PortPool({ host: HOST, min: port, max: port });
  const lease = await pool.acquire();
  t.equal(lease.port, port);
  const err = await pool.acquire().catch((e: unknown) => e);
  t.ok(err instanceof PortPoolExhaustedError);
  t.equal((err as PortPoolExhaustedError).code, 'RTP_PORTS_EXHAUSTED');
  lease.release();
  lease.release();
  t.equal(pool.inUse, 0);
  const again = await pool.acquire();
  t.equal(again.port, port);
  again.release();
});

t.test('hands ports out round-robin and never twice to concurrent callers', async (t) => {
  const base = await freePort();
  const pool = new PortPool({ host: HOST, min: base, max: base + 2 });
  const leases = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
  t.equal(new Set(leases.map((l) => l.port)).size, 3);
  const first = leases[0]!;
  const freed = first.port;
  first.release();
  leases[1]!.release();
  const next = await pool.acquire();
  t.equal(next.port, freed, 'after a full turn the cursor is back at the start');
  next.release();
  leases[2]!.release();

  const rr = new PortPool({ host: HOST, min: base, max: base + 2 });
  const a = await rr.acquire();
  a.release();
  const b = await rr.acquire();
  t.not(b.port, a.port, 'a just-released port is not reused at once');
  b.release();
});

t.test('refuses an invalid range', async (t) => {
  t.throws(() => new PortPool({ host: HOST, min: 5000, max: 4000 }), RangeError);
  t.throws(() => new PortPool({ host: HOST, min: 0, max: 10 }), RangeError);
  t.throws(() => new PortPool({ host: HOST, min: 60000, max: 70000 }), RangeError);
});
