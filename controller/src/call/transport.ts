// What a CallSession needs from the line the caller is on. A phone call
// (Asterisk, ARI, RTP) and a browser test call (a WebSocket from the
// dashboard) run the same session code; only this part differs.
import type { AgentSessionRequest } from '../../../api/src/contract/agent.ts';
import type { BrowserServerMessage } from '../../../api/src/contract/test-call.ts';
import type { OutboundStream } from '../media/outbound-stream.ts';
import type { G711Codec } from '../media/g711.ts';

/** The audio path while the model is on the line: paced frames out, caller audio in. */
export interface CallMedia {
  readonly outbound: OutboundStream;
  close(): Promise<void>;
}

/** How a transport reaches a human. Only a phone line can. */
export interface TransferOps {
  /** The caller hears ringing (true) or not (false) while the staff phone rings. */
  ring(on: boolean): Promise<void>;
  originate(o: { legId: string; endpoint: string; callerId: string | undefined; timeoutS: number }): Promise<void>;
  /** Puts the answered staff leg in the caller's bridge. */
  join(legId: string): Promise<void>;
  hangupLeg(legId: string): Promise<void>;
}

export interface CallTransport {
  /** The tracker's key: the caller's channel id, or the browser call's id. */
  readonly id: string;
  readonly kind: 'phone' | 'browser';
  /** The API request that starts the agent session for this line. */
  sessionRequest(): AgentSessionRequest;
  /** A channel of this call (caller, media leg); transfer legs are the session's. */
  owns(channelId: string): boolean;
  /** Answers the caller and gets the line ready for media. */
  answer(): Promise<void>;
  /** Opens the audio path; caller audio (G.711, base64) goes to `onAudio`. */
  openMedia(codec: G711Codec, onAudio: (base64: string) => void): Promise<CallMedia>;
  /** Starts a recording; returns its file name, or null when this line cannot record. */
  record(name: string): Promise<string | null>;
  readonly transfer: TransferOps | null;
  /** Ends the caller's side (when the caller did not hang up). */
  hangup(): Promise<void>;
  /** Frees what the call held on the line (the bridge). */
  release(): Promise<void>;
  /** What a browser shows as the call goes (transcript, state); a phone has no screen. */
  notify(message: BrowserServerMessage): void;
}
