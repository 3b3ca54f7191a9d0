// The session answer is ~20 KB, and all but a few hundred bytes of it (the
// instructions' shared prefix and the tool schemas) are the same for every
// call to a restaurant. Those parts are serialised and UTF-8 encoded once per
// knowledge build, not once per call: per call, only the caller's tail of the
// instructions and the small fields are, and the answer is one Buffer copy.
import type { AgentSession } from '../../contract/agent.ts';

interface Parts {
  prefix: string;
  /** `{"instructions":"` and the prefix, JSON-escaped. */
  head: Buffer;
  /** `","tools":[…],` */
  tools: Buffer;
}

// Keyed by the tool list: the knowledge cache hands the same array to every
// call of one build, and a rebuild makes a new one, so entries die with it.
const parts = new WeakMap<AgentSession['tools'], Parts>();
// What the session service knows already: which string is the shared prefix, and the rest.
const split = new WeakMap<AgentSession, { prefix: string; tail: string }>();

/** Records how the service built the instructions (`prefix + tail`), so they need not be split again. */
export function withInstructionParts(s: AgentSession, prefix: string, tail: string): AgentSession {
  split.set(s, { prefix, tail });
  return s;
}

function partsOf(tools: AgentSession['tools'], prefix: string): Parts {
  const hit = parts.get(tools);
  // The same string object for every call of a build: this comparison is a pointer check.
  if (hit && hit.prefix === prefix) return hit;
  const fresh = {
    prefix,
    head: Buffer.from(`{"instructions":"${JSON.stringify(prefix).slice(1, -1)}`),
    tools: Buffer.from(`","tools":${JSON.stringify(tools)},`),
  };
  parts.set(tools, fresh);
  return fresh;
}

/** Exactly `JSON.stringify(session)` in meaning (the same object once parsed), built from cached parts. */
export function sessionJson(s: AgentSession): Buffer {
  const known = split.get(s);
  const prefix = known?.prefix ?? s.instructions.slice(0, s.stablePrefixChars);
  const tail = known?.tail ?? s.instructions.slice(s.stablePrefixChars);
  const p = partsOf(s.tools, prefix);
  const { instructions: _instructions, tools: _tools, ...rest } = s;
  return Buffer.concat([p.head, Buffer.from(JSON.stringify(tail).slice(1, -1)), p.tools, Buffer.from(JSON.stringify(rest).slice(1))]);
}
