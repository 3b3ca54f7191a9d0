// Outbound calls (POST /channels): the channel starts Down, rings, then the
// far end the test scripted answers, is busy, or never picks up.
import { addChannel, destroy, enterStasis, setState } from './channel-ops.ts';
import { HANGUP_CAUSES } from './models.ts';
import { AriHttpError } from './router.ts';
import type { AriWorld, FakeChannel } from './world.ts';

export type OriginateBehaviour = 'answer' | 'busy' | 'noanswer';

export interface OriginateRule {
  pattern: string | RegExp;
  behaviour: OriginateBehaviour;
  afterMs: number;
}

/** Unscripted endpoints pick up quickly: a phone a human answers in the test's time scale. */
export const DEFAULT_ANSWER_AFTER_MS = 50;
/** Ringing starts as soon as the far end gets the INVITE. */
const RINGING_AFTER_MS = 5;

export interface OriginateSpec {
  endpoint: string;
  app: string;
  appArgs: string[];
  callerId: string | undefined;
  timeoutSeconds: number;
  channelId: string | undefined;
  formats: string | undefined;
}

/** `PJSIP/ht841-fxs-1`, `PJSIP/0612345678@ovh-trunk` or `Local/+33612345678@vo-transfer-bella`. */
export function parseDialString(endpoint: string): { tech: string; resource: string; number: string } {
  const match = /^([A-Za-z]+)\/(?:([^@/]+)@)?([^@/]+)(?:\/.*)?$/.exec(endpoint);
  if (!match?.[1] || !match[3]) throw new AriHttpError(400, 'Endpoint must be in the format tech/resource');
  return { tech: match[1], resource: match[3], number: match[2] ?? '' };
}

function parseCallerId(text: string | undefined): { name: string; number: string } {
  if (!text) return { name: '', number: '' };
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(text);
  return match ? { name: match[1] ?? '', number: match[2] ?? '' } : { name: '', number: text.trim() };
}

export function originate(world: AriWorld, spec: OriginateSpec, knownEndpoints: Set<string>, rules: OriginateRule[]): FakeChannel {
  const dial = parseDialString(spec.endpoint);
  // Local/<exten>@<context> runs the dialplan (Asterisk checks the extension only when it dials);
  // its ;1 half is the channel ARI sees, answered when the dialplan's Dial() is.
  const local = dial.tech === 'Local' && dial.number !== '';
  if (!local && (dial.tech !== 'PJSIP' || !knownEndpoints.has(dial.resource))) {
    throw new AriHttpError(500, 'Allocation failed');
  }
  if (spec.formats !== undefined && !spec.formats.split(',').every((f) => f === 'ulaw' || f === 'alaw')) {
    throw new AriHttpError(400, 'No formats were specified or parsed');
  }
  if (spec.channelId !== undefined && world.channels.has(spec.channelId)) {
    throw new AriHttpError(409, 'Channel with given unique ID already exists');
  }
  const id = spec.channelId ?? world.nextChannelId();
  const ch = addChannel(world, {
    id, kind: 'originated', state: 'Down',
    name: local ? `Local/${dial.number}@${dial.resource}-${world.nextChannelSuffix()};1` : `PJSIP/${dial.resource}-${world.nextChannelSuffix()}`,
    caller: parseCallerId(spec.callerId), connected: { name: '', number: dial.number }, eventApp: spec.app,
    codec: spec.formats?.startsWith('alaw') ? 'alaw' : 'ulaw',
    dialplan: { context: 'default', exten: 's', priority: 1, app_name: 'AppDial2', app_data: '(Outgoing Line)' },
  });
  if (local && spec.formats === undefined) {
    // Asterisk 22: with no formats ARI requests every audio format, the dialplan's Dial() cannot make
    // ;2 compatible with the trunk ("No path to translate") and ends at once, CONGESTION, cause 0.
    world.later(RINGING_AFTER_MS, () => destroy(world, ch, HANGUP_CAUSES.unknown));
    return ch;
  }
  const rule = rules.find((r) => (typeof r.pattern === 'string' ? r.pattern === spec.endpoint : r.pattern.test(spec.endpoint)));
  const behaviour = rule?.behaviour ?? 'answer';
  const afterMs = rule?.afterMs ?? DEFAULT_ANSWER_AFTER_MS;
  const alive = (): boolean => world.channels.get(id) === ch;
  world.later(RINGING_AFTER_MS, () => {
    if (alive()) setState(world, ch, 'Ringing');
  });
  // Asterisk gives up ringing at the originate timeout, whatever the far end does.
  const timeoutMs = spec.timeoutSeconds > 0 ? spec.timeoutSeconds * 1000 : Number.POSITIVE_INFINITY;
  const outcomeMs = Math.max(RINGING_AFTER_MS + 1, Math.min(afterMs, timeoutMs));
  world.later(outcomeMs, () => {
    if (!alive()) return;
    if (behaviour === 'answer' && afterMs <= timeoutMs) {
      setState(world, ch, 'Up');
      enterStasis(world, ch, spec.app, spec.appArgs);
    } else if (behaviour === 'busy' && afterMs <= timeoutMs) {
      destroy(world, ch, HANGUP_CAUSES.busy);
    } else {
      destroy(world, ch, HANGUP_CAUSES.noAnswer);
    }
  });
  return ch;
}
