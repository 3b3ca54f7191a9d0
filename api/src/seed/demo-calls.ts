// Demo calls with their turns and tool invocations. Calls that created an order
// are placed so that create_order runs exactly when the order was created.
import type { CallOutcome, CallParty, TransferResult } from '../generated/prisma/client.ts';
import { addDays, localDateOf, localToUtc, plusMinutes, plusSeconds } from './demo-clock.ts';
import { demoCustomer } from './demo-customers.ts';
import type { OrderDraft } from './demo-orders.ts';
import { reservationBookedByCall } from './demo-reservations.ts';
import * as T from './demo-transcripts.ts';

export interface CallDraft {
  key: string; channelId: string; did: string; callerNumber: string | null; customerKey: string | null;
  startedAt: Date; answeredAt: Date; endedAt: Date;
  outcome: CallOutcome; handledBy: CallParty; endedBy: CallParty; endReason: string;
  transferResult: TransferResult | null; transferTarget: string | null;
  inputTokens: number; outputTokens: number; cachedTokens: number; costMicros: number; summary: string;
  turns: { seq: number; role: CallParty; text: string; at: Date }[];
  tools: { toolCallId: string; name: string; arguments: Record<string, unknown>; result: Record<string, unknown>; latencyMs: number; createdAt: Date }[];
}

interface CallSpec {
  key: string; did: string; customer?: string; callerNumber?: string;
  steps: T.Step[];
  /** Either when the agent answered, or the instant the named tool ran (the order's creation). */
  anchor: { answeredAt: Date } | { tool: string; at: Date };
  outcome: CallOutcome; endedBy: CallParty; endReason: string; summary: string;
  transfer?: { result: TransferResult; target: string };
}

const MAIN_DID = '+33491000000';
const OLD_DID = '+33491000001';

// Speech runs at roughly 2.6 words a second; callers pause before answering.
const speakSeconds = (text: string): number => 0.8 + text.split(/\s+/).length / 2.6;

/** A stable, OpenAI-looking tool call id, so reseeding an empty database gives the same ids. */
function toolCallId(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let id = '';
  for (let i = 0; i < 4; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    id += h.toString(36).padStart(6, '0').slice(0, 6);
  }
  return `call_${id}`;
}

function build(spec: CallSpec): CallDraft {
  // Offsets in seconds from the moment the agent picked up.
  let t = 0;
  const timed = spec.steps.map((step) => {
    const at = t;
    t += 'tool' in step ? step.latencyMs / 1000 + 0.4 : speakSeconds(step.text) + (step.role === 'caller' ? 0.9 : 0.5);
    return { step, at };
  });
  let answeredAt: Date;
  if ('answeredAt' in spec.anchor) {
    answeredAt = spec.anchor.answeredAt;
  } else {
    const { tool, at } = spec.anchor;
    const anchorStep = timed.find((x) => 'tool' in x.step && x.step.tool === tool);
    if (!anchorStep) throw new Error(`Call ${spec.key} has no ${tool} step`);
    answeredAt = plusSeconds(at, -anchorStep.at);
  }
  const startedAt = plusSeconds(answeredAt, -1.2);
  // A transferred call goes on with the staff, untranscribed, for a few minutes.
  const endedAt = plusSeconds(answeredAt, t + (spec.transfer ? 240 : 2));
  const customer = spec.customer ? demoCustomer(spec.customer) : null;
  const turns: CallDraft['turns'] = [];
  const tools: CallDraft['tools'] = [];
  for (const { step, at } of timed) {
    if ('tool' in step) {
      tools.push({ toolCallId: toolCallId(`${spec.key}:${tools.length}`), name: step.tool, arguments: step.args,
        result: step.result, latencyMs: step.latencyMs, createdAt: plusSeconds(answeredAt, at) });
    } else {
      turns.push({ seq: turns.length + 1, role: step.role, text: step.text, at: plusSeconds(answeredAt, at) });
    }
  }
  // Realtime audio tokens grow with the conversation; most of each request's
  // input is the cached prefix. Cost at gpt-realtime list prices ($32 / $0.40 / $64 per 1M).
  const inputTokens = 1200 + turns.length * 640 + tools.length * 180;
  const cachedTokens = Math.round(inputTokens * 0.55);
  const outputTokens = turns.filter((x) => x.role === 'agent').reduce((s, x) => s + Math.round(speakSeconds(x.text) * 20), 0);
  const costMicros = Math.round((inputTokens - cachedTokens) * 32 + cachedTokens * 0.4 + outputTokens * 64);
  return {
    key: spec.key, channelId: '', did: spec.did,
    callerNumber: customer?.phone ?? spec.callerNumber ?? null, customerKey: customer?.key ?? null,
    startedAt, answeredAt, endedAt, outcome: spec.outcome,
    handledBy: spec.transfer ? 'staff' : 'agent', endedBy: spec.endedBy, endReason: spec.endReason,
    transferResult: spec.transfer?.result ?? null, transferTarget: spec.transfer?.target ?? null,
    inputTokens, outputTokens, cachedTokens, costMicros, summary: spec.summary, turns, tools,
  };
}

export function buildDemoCalls(now: Date, orders: OrderDraft[]): CallDraft[] {
  const order = (key: string): OrderDraft => {
    const o = orders.find((x) => x.callKey === key);
    if (!o) throw new Error(`No demo order for call "${key}"`);
    return o;
  };
  const yesterday = addDays(localDateOf(now), -1);
  const sophie = order('order_sophie');
  const karim = order('order_karim');
  const lea = order('order_lea');
  const booking = reservationBookedByCall(now, 'resa_lea');
  const specs: CallSpec[] = [
    { key: 'info_lactose', did: MAIN_DID, callerNumber: '+33698123456', steps: T.lactoseQuestion(),
      anchor: { answeredAt: localToUtc(yesterday, '11:05') }, outcome: 'information', endedBy: 'caller', endReason: 'caller_hangup',
      summary: 'Demande les jours d’ouverture (fermé le lundi) et si des pizzas sans lactose existent : question transmise à l’équipe.' },
    { key: 'transfer_marc', did: MAIN_DID, customer: 'marc', steps: T.privatisationTransfer(),
      anchor: { answeredAt: localToUtc(yesterday, '15:20') }, outcome: 'transferred', endedBy: 'caller', endReason: 'transfer_completed',
      transfer: { result: 'answered', target: 'ht841-fxs-1' },
      summary: 'Marc Giraud souhaite privatiser la salle pour environ 30 personnes un vendredi soir ; transféré à l’équipe.' },
    { key: 'resa_lea', did: MAIN_DID, customer: 'lea', steps: T.leaReservation(booking),
      anchor: { answeredAt: localToUtc(yesterday, '17:40') }, outcome: 'reservation_made', endedBy: 'caller', endReason: 'caller_hangup',
      summary: `Réservation pour ${booking.partySize} personnes ${T.longDate(booking.date)} à ${booking.time.replace(':', ' h ')} en terrasse (20 h complet), avec une poussette.` },
    { key: 'message_jp', did: OLD_DID, customer: 'jeanpierre', steps: T.cateringMessage(),
      anchor: { answeredAt: plusMinutes(now, -100) }, outcome: 'message_taken', endedBy: 'agent', endReason: 'agent_goodbye',
      summary: 'Jean-Pierre Fabre veut 15 pizzas samedi prochain midi pour un anniversaire et un prix de groupe : message pour rappel.' },
    { key: 'order_sophie', did: MAIN_DID, customer: 'sophie', steps: T.sophieOrder(sophie),
      anchor: { tool: 'create_order', at: sophie.createdAt }, outcome: 'order_placed', endedBy: 'caller', endReason: 'caller_hangup',
      summary: `Commande n° ${sophie.number} en livraison (${sophie.lines.length} lignes), allergie fruits à coque rappelée.` },
    { key: 'order_karim', did: MAIN_DID, customer: 'karim', steps: T.karimOrder(karim),
      anchor: { tool: 'create_order', at: karim.createdAt }, outcome: 'order_placed', endedBy: 'agent', endReason: 'agent_goodbye',
      summary: `Commande n° ${karim.number} à emporter, à retirer plus tard, pizzas bien cuites.` },
    { key: 'order_lea', did: MAIN_DID, customer: 'lea', steps: T.leaOrder(lea),
      anchor: { tool: 'create_order', at: lea.createdAt }, outcome: 'order_placed', endedBy: 'agent', endReason: 'agent_goodbye',
      summary: `Commande n° ${lea.number} en livraison cours Julien avec un menu enfant, en attente de confirmation.` },
  ];
  // Asterisk channel ids are "<epoch seconds>.<sequence>", the sequence growing call after call.
  return specs.map(build)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    .map((c, i) => ({ ...c, channelId: `${Math.floor(c.startedAt.getTime() / 1000)}.${41 + i}` }));
}

/** When the call's create_reservation ran: the reservation's creation time. */
export function bookedDuringCall(calls: CallDraft[], key: string): Date {
  const tool = calls.find((c) => c.key === key)?.tools.find((t) => t.name === 'create_reservation');
  if (!tool) throw new Error(`Call "${key}" booked nothing`);
  return tool.createdAt;
}
