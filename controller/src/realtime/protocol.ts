// The OpenAI Realtime (GA) protocol as the controller speaks it: parsed server
// events in, typed client events out. Split by direction; this is the entry.
export * from './server-events.ts';
export * from './client-events.ts';
export type {
  AudioFormat,
  ConversationItem,
  Response as ParsedResponse,
  ResponseUsage,
  Session as ParsedSession,
  TurnDetection,
} from './item-schemas.ts';
export type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
