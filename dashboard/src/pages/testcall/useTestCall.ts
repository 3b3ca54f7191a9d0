// One browser test call: ticket, socket, microphone and playback, and what the
// page shows as the call goes. Everything is released when the call ends or
// the page is left.
import { useCallback, useEffect, useRef, useState } from 'react';
import { BrowserServerMessage } from '../../../../api/src/contract/test-call.ts';
import { testCallApi } from '../../api/testCall.ts';
import { openMicrophone, Playback, type Microphone } from './audio.ts';
import { encodeFrame, type G711Codec } from './g711.ts';

export type Phase = 'idle' | 'connecting' | 'active' | 'ended';

export interface CallLine {
  kind: 'caller' | 'agent' | 'tool' | 'transfer';
  text: string;
  ok?: boolean;
}

export interface TestCallView {
  phase: Phase;
  callId: string | null;
  lines: CallLine[];
  level: number;
  error: string | null;
  endReason: string | null;
  framesSent: number;
  framesPlayed: number;
}

const INITIAL: TestCallView = { phase: 'idle', callId: null, lines: [], level: 0, error: null, endReason: null, framesSent: 0, framesPlayed: 0 };

function socketUrl(path: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

export function useTestCall(restaurantId: string) {
  const [view, setView] = useState<TestCallView>(INITIAL);
  const res = useRef<{ ws?: WebSocket; ctx?: AudioContext; mic?: Microphone; playback?: Playback; sent: number }>({ sent: 0 });
  const patch = useCallback((p: Partial<TestCallView> | ((v: TestCallView) => Partial<TestCallView>)) => {
    setView((v) => ({ ...v, ...(typeof p === 'function' ? p(v) : p) }));
  }, []);

  const release = useCallback(() => {
    const r = res.current;
    r.mic?.stop();
    r.playback?.clear();
    if (r.ws && r.ws.readyState <= WebSocket.OPEN) r.ws.close(1000);
    void r.ctx?.close();
    res.current = { sent: 0 };
  }, []);

  useEffect(() => release, [release]);

  const onMessage = useCallback(async (m: BrowserServerMessage) => {
    const r = res.current;
    switch (m.type) {
      case 'ready': {
        patch({ phase: 'active', callId: m.callId });
        if (!r.ctx || !r.ws) return;
        r.playback = new Playback(r.ctx, m.codec);
        const codec: G711Codec = m.codec;
        try {
          r.mic = await openMicrophone(r.ctx, (samples, level) => {
            if (r.ws?.readyState !== WebSocket.OPEN) return;
            r.ws.send(encodeFrame(samples, codec));
            r.sent++;
            if (r.sent % 10 === 0) patch({ level, framesSent: r.sent });
          });
        } catch {
          patch({ error: 'microphone' });
          r.ws.send(JSON.stringify({ type: 'hangup' }));
        }
        return;
      }
      case 'transcript':
        patch((v) => ({ lines: [...v.lines, { kind: m.role, text: m.text }] }));
        return;
      case 'tool':
        patch((v) => ({ lines: [...v.lines, { kind: 'tool', text: m.name, ok: m.ok }] }));
        return;
      case 'transfer':
        patch((v) => ({ lines: [...v.lines, { kind: 'transfer', text: m.target ?? '' }] }));
        return;
      case 'clear':
        r.playback?.clear();
        return;
      case 'ended':
        patch({ endReason: m.reason });
        return;
      case 'error':
        patch({ error: m.message });
        return;
      case 'state':
        return;
    }
  }, [patch]);

  const start = useCallback(async () => {
    release();
    setView({ ...INITIAL, phase: 'connecting' });
    // Created in the click's handler: browsers only let audio start from a user gesture.
    const ctx = new AudioContext();
    res.current = { ctx, sent: 0 };
    let ticket;
    try {
      ticket = await testCallApi.ticket(restaurantId);
    } catch (err) {
      release();
      patch({ phase: 'ended', error: (err as Error).message });
      return;
    }
    const ws = new WebSocket(socketUrl(ticket.wsPath));
    ws.binaryType = 'arraybuffer';
    res.current.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'start', restaurantId, ticket: ticket.ticket }));
    ws.onmessage = (e: MessageEvent<ArrayBuffer | string>) => {
      if (typeof e.data !== 'string') {
        const p = res.current.playback;
        if (!p) return;
        p.play(new Uint8Array(e.data));
        if (p.framesPlayed % 10 === 0) patch({ framesPlayed: p.framesPlayed });
        return;
      }
      const parsed = BrowserServerMessage.safeParse(JSON.parse(e.data));
      if (parsed.success) void onMessage(parsed.data);
    };
    ws.onclose = () => {
      if (res.current.ws !== ws) return;
      release();
      patch((v) => ({ phase: 'ended', level: 0, error: v.phase === 'connecting' && !v.error ? 'unreachable' : v.error }));
    };
  }, [restaurantId, release, patch, onMessage]);

  const send = useCallback((m: object) => {
    const ws = res.current.ws;
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  }, []);

  return {
    view,
    start,
    hangup: useCallback(() => send({ type: 'hangup' }), [send]),
    pressZero: useCallback(() => send({ type: 'dtmf', digit: '0' }), [send]),
  };
}
