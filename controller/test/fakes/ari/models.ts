// ARI's wire models, one to one with Asterisk's api-docs (channels.json,
// bridges.json, recordings.json, events.json), for what the fake emits.

export type ChannelState =
  | 'Down' | 'Rsrved' | 'OffHook' | 'Dialing' | 'Ring' | 'Ringing' | 'Up' | 'Busy' | 'Dialing Offhook' | 'Pre-ring' | 'Unknown';

export interface CallerID { name: string; number: string }

export interface DialplanCEP { context: string; exten: string; priority: number; app_name: string; app_data: string }

export interface Channel {
  id: string;
  name: string;
  state: ChannelState;
  protocol_id: string;
  caller: CallerID;
  connected: CallerID;
  accountcode: string;
  dialplan: DialplanCEP;
  creationtime: string;
  language: string;
  channelvars?: Record<string, string>;
}

export interface Bridge {
  id: string;
  technology: string;
  bridge_type: string;
  bridge_class: string;
  creator: string;
  name: string;
  channels: string[];
  creationtime: string;
  video_mode: string;
}

export type RecordingState = 'queued' | 'recording' | 'paused' | 'done' | 'failed' | 'canceled';

export interface LiveRecording {
  name: string;
  format: string;
  target_uri: string;
  state: RecordingState;
  duration?: number;
  cause?: string;
}

export interface Variable { value: string }

/** Fields of each event the fake emits, without the envelope (type, timestamp, asterisk_id, application). */
export interface AriEventFields {
  StasisStart: { args: string[]; channel: Channel };
  StasisEnd: { channel: Channel };
  ChannelStateChange: { channel: Channel };
  ChannelDtmfReceived: { digit: string; duration_ms: number; channel: Channel };
  ChannelHangupRequest: { cause?: number; soft?: boolean; channel: Channel };
  ChannelDestroyed: { cause: number; cause_txt: string; channel: Channel };
  ChannelEnteredBridge: { bridge: Bridge; channel: Channel };
  ChannelLeftBridge: { bridge: Bridge; channel: Channel };
  ChannelVarset: { variable: string; value: string; channel: Channel };
  BridgeCreated: { bridge: Bridge };
  BridgeDestroyed: { bridge: Bridge };
  RecordingStarted: { recording: LiveRecording };
  RecordingFinished: { recording: LiveRecording };
}

export type AriEventType = keyof AriEventFields;

export type AriEvent = {
  [K in AriEventType]: { type: K; timestamp: string } & AriEventFields[K] & { asterisk_id: string; application: string };
}[AriEventType];

/** Asterisk's own format: `2026-11-21T12:00:00.000+0000` (the fake runs in UTC). */
export function ariTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** Q.850 causes as Asterisk names them (ast_cause2str). */
export const HANGUP_CAUSES = {
  normal: { code: 16, text: 'Normal Clearing' },
  busy: { code: 17, text: 'User busy' },
  noResponse: { code: 18, text: 'No user responding' },
  noAnswer: { code: 19, text: 'User alerting, no answer' },
  rejected: { code: 21, text: 'Call Rejected' },
  unallocated: { code: 1, text: 'Unallocated (unassigned) number' },
  congestion: { code: 34, text: 'Circuit/channel congestion' },
  unspecified: { code: 31, text: 'Normal, unspecified' },
  unknown: { code: 0, text: 'Unknown' },
  numberIncomplete: { code: 28, text: 'Invalid number format (incomplete number)' },
  codecMismatch: { code: 58, text: 'Bearer capability not available' },
  interworking: { code: 127, text: 'Interworking, unspecified' },
  failure: { code: 38, text: 'Network out of order' },
  answeredElsewhere: { code: 26, text: 'Answered elsewhere' },
} as const;

export type HangupCause = { code: number; text: string };

/** `DELETE /channels/{id}?reason=…` as channels.json lists it. */
export const HANGUP_REASONS: Record<string, HangupCause> = {
  normal: HANGUP_CAUSES.normal,
  busy: HANGUP_CAUSES.busy,
  congestion: HANGUP_CAUSES.congestion,
  no_answer: HANGUP_CAUSES.noAnswer,
  timeout: HANGUP_CAUSES.noResponse,
  rejected: HANGUP_CAUSES.rejected,
  unallocated: HANGUP_CAUSES.unallocated,
  normal_unspecified: HANGUP_CAUSES.unspecified,
  number_incomplete: HANGUP_CAUSES.numberIncomplete,
  codec_mismatch: HANGUP_CAUSES.codecMismatch,
  interworking: HANGUP_CAUSES.interworking,
  failure: HANGUP_CAUSES.failure,
  answered_elsewhere: HANGUP_CAUSES.answeredElsewhere,
};

export function causeFromCode(code: number): HangupCause {
  return Object.values(HANGUP_CAUSES).find((c) => c.code === code) ?? { code, text: 'Unknown' };
}
