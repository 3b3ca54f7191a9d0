// The one media clock of the process. Every 20 ms it ticks every registered
// stream once; each stream sends at most one frame per tick. Ticks are
// scheduled against an absolute origin (origin + n * 20 ms on
// performance.now()) with setTimeout, so timer lateness never accumulates
// into drift.
//
// When the event loop stalls, the ticks that fell due meanwhile are not all
// replayed: at most MAX_CATCHUP_TICKS run back to back, and the older ones are
// skipped (streams are told, so their RTP timestamps still follow wall time).
// A burst of the whole backlog would overflow the far end's jitter buffer and
// sound sped up; a skipped interval only delays the rest of the queue.
import { performance } from 'node:perf_hooks';
import { FRAME_MS } from './g711.ts';

/** At most this many ticks per timer callback after a stall: 60 ms of audio in one go fits any jitter buffer. */
export const MAX_CATCHUP_TICKS = 3;
/** Lateness samples kept for the percentiles: the last minute of ticks. */
export const LATENESS_SAMPLES = 3000;

export interface PacedStream {
  /** Send at most one frame. `nowMs` is performance.now() at this timer callback; `dueMs` when this tick was due. */
  tick(nowMs: number, dueMs: number): void;
  /** `intervals` ticks were skipped after a stall: nothing was sent for them. */
  skip?(intervals: number): void;
}

export interface PacerStats {
  /** Ticks run (each ticks every stream once). */
  ticks: number;
  /** Timer callbacks that ran at least one tick. */
  callbacks: number;
  /** Ticks run back to back after the first in a callback: the catch-up ones, sent late. */
  catchUpTicks: number;
  /** Due ticks dropped after a stall because they exceeded the catch-up cap. */
  skippedTicks: number;
  /** How late each callback ran after its due time, in ms. */
  latenessP50Ms: number;
  latenessP99Ms: number;
  latenessMaxMs: number;
}

export interface PacerOptions {
  intervalMs?: number;
  maxCatchUpTicks?: number;
  /** A throwing stream must not stop the clock for every other call. */
  onStreamError?: (err: unknown, stream: PacedStream) => void;
}

export class Pacer {
  private readonly streams = new Set<PacedStream>();
  private readonly intervalMs: number;
  private readonly maxCatchUp: number;
  private readonly onStreamError: (err: unknown, stream: PacedStream) => void;
  private timer: NodeJS.Timeout | undefined;
  private originMs = 0;
  /** Ticks consumed (run or skipped) since the origin. */
  private consumed = 0;
  private readonly lateness = new Float64Array(LATENESS_SAMPLES);
  private latenessCount = 0;
  private counters = { ticks: 0, callbacks: 0, catchUpTicks: 0, skippedTicks: 0 };

  constructor(opts: PacerOptions = {}) {
    this.intervalMs = opts.intervalMs ?? FRAME_MS;
    this.maxCatchUp = Math.max(1, opts.maxCatchUpTicks ?? MAX_CATCHUP_TICKS);
    this.onStreamError = opts.onStreamError ?? (() => {});
  }

  get size(): number {
    return this.streams.size;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** The clock runs while at least one stream is registered; the first tick is immediate. */
  register(stream: PacedStream): void {
    this.streams.add(stream);
    if (!this.timer) {
      this.originMs = performance.now();
      this.consumed = 0;
      this.schedule();
    }
  }

  unregister(stream: PacedStream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.halt();
  }

  /** Unregisters every stream and stops the clock. */
  stop(): void {
    this.streams.clear();
    this.halt();
  }

  stats(): PacerStats {
    const n = Math.min(this.latenessCount, LATENESS_SAMPLES);
    const sorted = this.lateness.slice(0, n).sort();
    const at = (q: number) => (n === 0 ? 0 : sorted[Math.min(n - 1, Math.floor(q * n))]!);
    return { ...this.counters, latenessP50Ms: at(0.5), latenessP99Ms: at(0.99), latenessMaxMs: at(1) };
  }

  resetStats(): void {
    this.counters = { ticks: 0, callbacks: 0, catchUpTicks: 0, skippedTicks: 0 };
    this.latenessCount = 0;
  }

  private halt(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const dueAt = this.originMs + this.consumed * this.intervalMs;
    // Node timers have 1 ms resolution: round up so the callback is not early.
    const delay = Math.max(0, Math.ceil(dueAt - performance.now()));
    this.timer = setTimeout(this.onTimer, delay);
  }

  private readonly onTimer = (): void => {
    const thisTimer = this.timer;
    const now = performance.now();
    let pending = Math.floor((now - this.originMs) / this.intervalMs) + 1 - this.consumed;
    if (pending <= 0) {
      this.schedule();
      return;
    }
    this.counters.callbacks++;
    this.lateness[this.latenessCount++ % LATENESS_SAMPLES] = now - (this.originMs + this.consumed * this.intervalMs);

    if (pending > this.maxCatchUp) {
      const skipped = pending - this.maxCatchUp;
      for (const stream of this.streams) {
        try {
          stream.skip?.(skipped);
        } catch (err) {
          this.onStreamError(err, stream);
        }
      }
      this.consumed += skipped;
      this.counters.skippedTicks += skipped;
      pending = this.maxCatchUp;
    }
    this.counters.catchUpTicks += pending - 1;
    for (let i = 0; i < pending; i++) {
      const dueMs = this.originMs + this.consumed * this.intervalMs;
      for (const stream of this.streams) {
        try {
          stream.tick(now, dueMs);
        } catch (err) {
          this.onStreamError(err, stream);
        }
      }
      this.consumed++;
      this.counters.ticks++;
    }
    // A stream may have stopped (or stopped and restarted) the clock from its tick.
    if (this.timer === thisTimer) this.schedule();
  };
}
