// The browser's side of the test call's audio: the microphone cut into 20 ms
// frames at 8 kHz, and the agent's frames played back to back with a small
// jitter margin. Barge-in drops what is scheduled, as the controller does.
import { decodeFrame, type G711Codec } from './g711.ts';

export const SAMPLE_RATE = 8_000;
export const FRAME_SAMPLES = 160;
// Frames arrive every 20 ms over a WebSocket: start playback this far ahead so a late one does not click.
const PLAYBACK_MARGIN_S = 0.08;

// Runs on the audio thread: averages the device rate down to 8 kHz (a box filter is
// enough below the telephone band's 3.4 kHz) and posts whole 160-sample frames.
const CAPTURE_WORKLET = `
class VoMicCapture extends AudioWorkletProcessor {
  constructor() { super(); this.ratio = sampleRate / ${SAMPLE_RATE}; this.pos = 0; this.acc = 0; this.n = 0; this.frame = new Int16Array(${FRAME_SAMPLES}); this.fill = 0; }
  process(inputs) {
    const ch = inputs[0] && inputs[0][0];
    if (!ch) return true;
    for (let i = 0; i < ch.length; i++) {
      this.acc += ch[i]; this.n++; this.pos += 1;
      if (this.pos >= this.ratio) {
        this.pos -= this.ratio;
        const v = this.acc / this.n; this.acc = 0; this.n = 0;
        this.frame[this.fill++] = Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
        if (this.fill === ${FRAME_SAMPLES}) { this.port.postMessage(this.frame.slice(0)); this.fill = 0; }
      }
    }
    return true;
  }
}
registerProcessor('vo-mic-capture', VoMicCapture);
`;

export interface Microphone {
  stop(): void;
}

/** Asks for the microphone and calls `onFrame` with 20 ms of 8 kHz samples, and their level (0–1). */
export async function openMicrophone(ctx: AudioContext, onFrame: (samples: Int16Array, level: number) => void): Promise<Microphone> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
  const url = URL.createObjectURL(new Blob([CAPTURE_WORKLET], { type: 'application/javascript' }));
  try {
    await ctx.audioWorklet.addModule(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, 'vo-mic-capture');
  node.port.onmessage = (e: MessageEvent<Int16Array>) => {
    const s = e.data;
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += (s[i]! / 32768) ** 2;
    onFrame(s, Math.min(1, Math.sqrt(sum / s.length) * 4));
  };
  source.connect(node);
  return {
    stop() {
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
      for (const track of stream.getTracks()) track.stop();
    },
  };
}

/** The agent's voice: each frame starts where the previous one ends. */
export class Playback {
  private next = 0;
  private readonly sources = new Set<AudioBufferSourceNode>();
  framesPlayed = 0;

  constructor(private readonly ctx: AudioContext, private readonly codec: G711Codec) {}

  play(bytes: Uint8Array): void {
    const samples = decodeFrame(bytes, this.codec);
    const buffer = this.ctx.createBuffer(1, samples.length, SAMPLE_RATE);
    buffer.copyToChannel(samples, 0);
    const src = this.ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(this.ctx.destination);
    const now = this.ctx.currentTime;
    if (this.next < now + 0.01) this.next = now + PLAYBACK_MARGIN_S;
    src.start(this.next);
    this.next += samples.length / SAMPLE_RATE;
    this.sources.add(src);
    src.onended = () => this.sources.delete(src);
    this.framesPlayed++;
  }

  /** The caller spoke over the agent: silence now. */
  clear(): void {
    for (const s of this.sources) {
      try { s.stop(); } catch { /* already ended */ }
    }
    this.sources.clear();
    this.next = 0;
  }
}
