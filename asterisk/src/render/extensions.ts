// extensions.conf: every DID goes to the controller with Stasis(voiceorder,<DID>),
// in the way the restaurant's call mode says, with a fallback that never
// leaves a caller in silence when the controller is down.
import type { AsteriskProvisioning, AsteriskRestaurant } from '../../../api/src/contract/provisioning.ts';
import { digitsOf, joinFile, kv, safe, section } from './conf.ts';
import { sortedLines, staffDialString, trunkOf } from './devices.ts';
import { closedSpans, openSpans } from './hours.ts';
import {
  AI_CONTEXT, DID_CONTEXT, FALLBACK_CONTEXT, STAFF_CONTEXT, STAFF_FIRST_CONTEXT, contextForLine, hoursContext, outboundContext, transferContext,
} from './contexts.ts';
import { ARI_APP, DEFAULT_FALLBACK_RING_SECONDS, DEFAULT_UNAVAILABLE_SOUND, type RenderOptions } from './options.ts';

// Whatever user part the device sends (digits, +E.164, a name, or none: "s").
const ANY_EXTEN = ['s', '_X!', '_+X!', '_[a-zA-Z]!'];
// How long the congestion tone plays when even the recorded message is missing.
const CONGESTION_S = 10;

const exten = (name: string, first: string, rest: string[] = []): string[] => [`exten => ${name},1,${first}`, ...rest.map((r) => ` same => n,${r}`)];

function common(opts: RenderOptions): string[] {
  return [
    ...section('general', [kv('static', 'yes'), kv('writeprotect', 'yes'), kv('clearglobalvars', 'yes')]),
    ...section('globals', [
      kv('VO_UNAVAILABLE_SOUND', safe('unavailableSound', opts.unavailableSound ?? DEFAULT_UNAVAILABLE_SOUND)),
      kv('VO_FALLBACK_RING', opts.fallbackRingSeconds ?? DEFAULT_FALLBACK_RING_SECONDS),
    ]),
    ...section(AI_CONTEXT, [
      '; The controller answers. STASISSTATUS=FAILED means the app is not registered (controller down).',
      ...exten('s', `Stasis(${ARI_APP},\${VO_DID})`, [
        `GotoIf($["\${STASISSTATUS}" = "FAILED"]?${FALLBACK_CONTEXT},s,1)`,
        'Hangup()',
      ]),
    ]),
    ...section(STAFF_FIRST_CONTEXT, [
      '; Ring the staff for VO_STAFF_RING seconds; no answer, busy or unreachable: the AI.',
      ...exten('s', `GotoIf($["\${VO_STAFF}" = ""]?${AI_CONTEXT},s,1)`, [
        'Set(VO_STAFF_TRIED=1)',
        'Dial(${VO_STAFF},${VO_STAFF_RING})',
        'GotoIf($["${DIALSTATUS}" = "ANSWER"]?answered)',
        `Goto(${AI_CONTEXT},s,1)`,
      ]),
      ' same => n(answered),Hangup()',
    ]),
    ...section(FALLBACK_CONTEXT, [
      '; The controller is not connected: ring the staff (unless they were just tried), then the recorded message.',
      ...exten('s', 'NoOp(VoiceOrder controller unavailable for ${VO_DID})', [
        'GotoIf($["${VO_STAFF}" = "" | "${VO_STAFF_TRIED}" = "1"]?message)',
        'Dial(${VO_STAFF},${VO_FALLBACK_RING})',
        'GotoIf($["${DIALSTATUS}" = "ANSWER"]?done)',
      ]),
      ' same => n(message),Answer()',
      ' same => n,Playback(${VO_UNAVAILABLE_SOUND})',
      ' same => n,GotoIf($["${PLAYBACKSTATUS}" = "SUCCESS"]?done)',
      '; No recording installed: a congestion tone still tells the caller something, silence would not.',
      ` same => n,Congestion(${CONGESTION_S})`,
      ' same => n(done),Hangup()',
    ]),
    ...section(STAFF_CONTEXT, [
      '; Staff phones only receive calls; dialling out from them is not offered.',
      ...exten('_X!', 'Hangup(21)'),
    ]),
  ];
}

function modeTarget(r: AsteriskRestaurant): string {
  if (r.callHandlingMode === 'ai_all') return `${AI_CONTEXT},s,1`;
  if (r.callHandlingMode === 'staff_first') return `${STAFF_FIRST_CONTEXT},s,1`;
  return `${hoursContext(r.slug)},s,1`;
}

function hours(r: AsteriskRestaurant): string[] {
  const tz = safe('timeZone', r.timeZone);
  const closed = closedSpans(r).map((c) => ` same => n,GotoIfTime(*,*,${c.mdays},${c.month},${tz}?${AI_CONTEXT},s,1) ; closed ${c.from}..${c.to}`);
  const open = openSpans(r).map((s) => ` same => n,GotoIfTime(${s.times},${s.day},*,*,${tz}?${STAFF_FIRST_CONTEXT},s,1)`);
  return section(hoursContext(r.slug), [
    `; ${safe('name', r.name)}: the staff first while open (${tz}), the AI when closed.`,
    'exten => s,1,NoOp(opening hours)',
    ...closed,
    ...open,
    ` same => n,Goto(${AI_CONTEXT},s,1)`,
  ]);
}

function transferAndOutbound(p: AsteriskProvisioning, r: AsteriskRestaurant): string[] {
  const trunk = trunkOf(p, r.id);
  const staff = staffDialString(p, r);
  return [
    ...section(transferContext(r.slug), [
      `; Local/staff@${transferContext(r.slug)} rings ${safe('name', r.name)}'s staff; Local/<E.164>@… dials out through its trunk.`,
      ...(staff ? exten('staff', `Dial(${safe('transferTarget', staff)},${r.staffRingSeconds})`, ['Hangup()']) : ['; no staff transfer target is set']),
      `include => ${outboundContext(r.slug)}`,
    ]),
    ...section(outboundContext(r.slug), trunk
      ? [`; Calls out through ${trunk.endpointName} (${trunk.did}), presented with that number.`,
        ...exten('_+X!', `Set(CALLERID(num)=${trunk.did})`, [`Dial(PJSIP/\${EXTEN}@${trunk.endpointName},${r.staffRingSeconds})`, 'Hangup()'])]
      : ['; no OVH trunk for this restaurant: it cannot call out']),
  ];
}

export function renderExtensions(p: AsteriskProvisioning, opts: RenderOptions): string {
  const restaurants = new Map(p.restaurants.map((r) => [r.id, r]));
  const lines = sortedLines(p);
  const out = common(opts);
  for (const l of lines) {
    out.push(...section(contextForLine(l), [
      `; Calls arriving on ${l.endpointName} are for ${l.did}.`,
      ...ANY_EXTEN.map((e) => `exten => ${e},1,Goto(${DID_CONTEXT},${digitsOf(l.did)},1)`),
    ]));
  }
  const didLines: string[] = [];
  for (const l of lines) {
    const r = restaurants.get(l.restaurantId);
    if (!r) continue;
    const staff = staffDialString(p, r);
    didLines.push(...exten(digitsOf(l.did), `NoOp(${safe('name', r.name)}, ${l.did}: ${r.callHandlingMode})`, [
      `Set(__VO_DID=${l.did})`,
      `Set(__VO_RESTAURANT=${r.slug})`,
      `Set(__VO_STAFF=${staff ? safe('transferTarget', staff) : ''})`,
      `Set(__VO_STAFF_RING=${r.staffRingSeconds})`,
      'Set(CHANNEL(language)=fr)',
      `Goto(${modeTarget(r)})`,
    ]));
  }
  out.push(...section(DID_CONTEXT, ['; One extension per DID (without the +), sorted.', ...didLines]));
  for (const r of [...p.restaurants].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    if (r.callHandlingMode === 'ai_outside_hours') out.push(...hours(r));
    out.push(...transferAndOutbound(p, r));
  }
  return joinFile(out);
}
