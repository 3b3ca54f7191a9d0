// The events WebSocket side: which sockets listen to which Stasis app, and
// the envelope Asterisk puts around every event.
import type { WebSocket } from 'ws';
import { ariTimestamp, type AriEvent, type AriEventFields, type AriEventType } from './models.ts';

export class EventHub {
  private readonly sockets = new Map<string, Set<WebSocket>>();
  /** Apps whose socket asked for subscribeAll: they see every event source. */
  private readonly subscribedToAll = new Set<string>();
  /** Every event sent, in order, for assertions and the model conformance test. */
  readonly sent: AriEvent[] = [];

  constructor(private readonly asteriskId: string, private readonly now: () => Date) {}

  register(apps: string[], subscribeAll: boolean, socket: WebSocket): void {
    for (const app of apps) {
      if (subscribeAll) this.subscribedToAll.add(app);
      const set = this.sockets.get(app) ?? new Set<WebSocket>();
      set.add(socket);
      this.sockets.set(app, set);
    }
    socket.on('close', () => {
      for (const app of apps) {
        this.sockets.get(app)?.delete(socket);
        if (this.sockets.get(app)?.size === 0) {
          this.sockets.delete(app);
          this.subscribedToAll.delete(app);
        }
      }
    });
  }

  /** Asterisk only runs Stasis(app) when some WebSocket registered the app. */
  isRegistered(app: string): boolean {
    return (this.sockets.get(app)?.size ?? 0) > 0;
  }

  registeredApps(): string[] {
    return [...this.sockets.keys()];
  }

  closeAll(): void {
    for (const set of this.sockets.values()) {
      for (const socket of set) socket.terminate();
    }
    this.sockets.clear();
    this.subscribedToAll.clear();
  }

  /** One event per subscribed app (plus every subscribeAll app), each with its own `application`. */
  emit<K extends AriEventType>(apps: Iterable<string>, type: K, fields: AriEventFields[K]): void {
    const targets = new Set([...apps, ...this.subscribedToAll]);
    for (const app of targets) {
      // Key order as Asterisk writes it: type, timestamp, fields, asterisk_id, application.
      const event = { type, timestamp: ariTimestamp(this.now()), ...fields, asterisk_id: this.asteriskId, application: app } as AriEvent;
      this.sent.push(event);
      const text = JSON.stringify(event);
      for (const socket of this.sockets.get(app) ?? []) {
        if (socket.readyState === socket.OPEN) socket.send(text);
      }
    }
  }
}
