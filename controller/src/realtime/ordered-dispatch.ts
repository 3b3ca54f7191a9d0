// Ordered, async delivery of socket events to handlers: one event at a time,
// in arrival order, with the socket paused while handlers fall behind so the
// backlog stays bounded (TCP then pushes back on the server).

/** Inbound events waiting for slow handlers before reading stops. */
const PAUSE_AT = 512;
const RESUME_AT = 64;

export type Handler<T> = (value: T) => void | Promise<void>;

/** A set of handlers whose failures are reported, never thrown at the emitter. */
export class Listeners<T> {
  private readonly handlers = new Set<Handler<T>>();

  add(handler: Handler<T>): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Awaits each handler in turn. Never rejects. */
  async emit(value: T, onError: (err: unknown) => void): Promise<void> {
    for (const handler of [...this.handlers]) {
      try {
        await handler(value);
      } catch (err) {
        onError(err);
      }
    }
  }
}

export interface FlowControl {
  pause(): void;
  resume(): void;
}

export class OrderedQueue {
  private readonly tasks: (() => Promise<void>)[] = [];
  private draining = false;
  private paused = false;

  constructor(private readonly flow: FlowControl) {}

  /** `task` must not reject (wrap it with Listeners.emit). */
  push(task: () => Promise<void>): void {
    this.tasks.push(task);
    if (!this.paused && this.tasks.length >= PAUSE_AT) {
      this.paused = true;
      this.flow.pause();
    }
    if (!this.draining) {
      this.draining = true;
      void this.drain();
    }
  }

  private async drain(): Promise<void> {
    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) {
      await task();
      if (this.paused && this.tasks.length <= RESUME_AT) {
        this.paused = false;
        this.flow.resume();
      }
    }
    this.draining = false;
  }
}
