// The relay benchmark keeps measuring what it says: caller audio really reaches
// the model's socket and model audio really comes back as RTP (figures are for
// `npm run bench:media`, never asserted here).
import t from 'tap';
import { benchRelay } from '../lib/bench-relay.ts';

t.test('both directions flow through the production relay pieces', async (t) => {
  const r = await benchRelay(5, 1);
  t.ok(r.appendsReceived > 5 * 25, `caller audio reached the model as appends (${r.appendsReceived})`);
  t.ok(r.inboundP50Ms > 0, 'the inbound latency was measured');
  t.ok(r.outboundP50Ms >= 0 && r.outboundP99Ms > 0, 'the outbound latency was measured');
  t.ok(r.rtpSent > 0);
});
