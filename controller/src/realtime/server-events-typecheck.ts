// Compile-time proof that every parsed server event is assignable to the
// openai package's event of the same type: a drift in field names or types
// between our schemas and `RealtimeServerEvent` fails `tsc -p controller`.
import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import type { ServerEvent, ServerEventType } from './server-events.ts';

type Ours = { [K in ServerEventType]: Extract<ServerEvent, { type: K }> };
// A type we consume that the package does not know maps to `never` here, so it fails too.
type Theirs = { [K in ServerEventType]: Extract<RealtimeServerEvent, { type: K }> };

export const _serverEventsMatchPackage: Theirs = {} as Ours;
