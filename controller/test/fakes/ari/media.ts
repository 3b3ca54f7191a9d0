// The bridge's media, driven by one 20 ms clock for the whole fake: each tick
// every party says its next frame (or nothing), each mixing bridge sums what
// was said and sends it to its externalMedia channels. Nothing said means no
// RTP at all, as a real bridge behaves with a silence-suppressing caller.
import { encodeG711, FRAME_MS, SAMPLES_PER_FRAME } from './rtp-packet.ts';
import type { AriWorld, FakeChannel } from './world.ts';

/** After a stall longer than this, skip ahead instead of bursting the missed frames. */
const MAX_CATCH_UP_FRAMES = 5;

export class MediaClock {
  private timer: NodeJS.Timeout | undefined;
  private next = 0;

  constructor(private readonly onTick: () => void) {}

  start(): void {
    if (this.timer) return;
    this.next = performance.now() + FRAME_MS;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      const now = performance.now();
      if (now - this.next > MAX_CATCH_UP_FRAMES * FRAME_MS) this.next = now;
      while (this.next <= now) {
        this.onTick();
        this.next += FRAME_MS;
      }
      this.schedule();
    }, Math.max(0, this.next - performance.now()));
  }
}

function mix(frames: Int16Array[]): Int16Array {
  if (frames.length === 1 && frames[0]) return frames[0];
  const out = new Int16Array(SAMPLES_PER_FRAME);
  for (let i = 0; i < SAMPLES_PER_FRAME; i++) {
    let sum = 0;
    for (const frame of frames) sum += frame[i] ?? 0;
    out[i] = Math.max(-32768, Math.min(32767, sum));
  }
  return out;
}

export function mediaTick(world: AriWorld): void {
  const said = new Map<string, Int16Array>();
  for (const ch of world.channels.values()) {
    const frame = ch.speech.shift();
    if (frame) said.set(ch.id, frame);
  }
  for (const ch of world.channels.values()) {
    if (ch.kind !== 'externalMedia' || !ch.rtp) continue;
    ch.rtp.tick(frameFor(world, ch, said));
  }
}

/** What this externalMedia channel hears: the other parties of its bridge who said something. */
function frameFor(world: AriWorld, ext: FakeChannel, said: Map<string, Int16Array>): Buffer | undefined {
  const bridge = ext.bridgeId === undefined ? undefined : world.bridges.get(ext.bridgeId);
  if (!bridge) return undefined;
  const frames = bridge.channels
    .filter((id) => id !== ext.id && world.channel(id)?.kind !== 'externalMedia')
    .map((id) => said.get(id))
    .filter((f): f is Int16Array => f !== undefined);
  return frames.length === 0 ? undefined : encodeG711(mix(frames), ext.codec);
}
