// Test helper: records every event a RealtimeSocket dispatches and lets a
// test await the next one of a given type.
import type { ParsedServerEvent } from '../../src/realtime/protocol.ts';
import type { RealtimeSocket } from '../../src/realtime/realtime-socket.ts';

type Of<K extends ParsedServerEvent['type']> = Extract<ParsedServerEvent, { type: K }>;

/** Long enough for a loaded CI machine, short enough to fail fast. */
const EVENT_WAIT_TIMEOUT_MS = 5_000;

export class EventRecorder {
  readonly events: ParsedServerEvent[] = [];
  private readonly cursors = new Map<string, number>();
  private readonly wakers = new Set<() => void>();

  constructor(socket: RealtimeSocket) {
    socket.onEvent((e) => {
      this.events.push(e);
      for (const wake of [...this.wakers]) wake();
    });
  }

  private nextArrival(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wakers.add(done);
    });
  }

  all<K extends ParsedServerEvent['type']>(type: K): Of<K>[] {
    return this.events.filter((e): e is Of<K> => e.type === type);
  }

  /** The next event of `type` not yet returned by an earlier call. */
  async next<K extends ParsedServerEvent['type']>(type: K, timeoutMs = EVENT_WAIT_TIMEOUT_MS): Promise<Of<K>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const cursor = this.cursors.get(type) ?? 0;
      const found = this.all(type)[cursor];
      if (found) {
        this.cursors.set(type, cursor + 1);
        return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} event within ${timeoutMs} ms (got: ${this.events.map((e) => e.type).join(', ')})`);
      await this.nextArrival(left);
    }
  }
}
