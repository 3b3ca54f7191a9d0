// The session answer is ~20 KB, and all but a few hundred bytes of it (the
// instructions' shared prefix and the tool schemas) are the same for every
// call to a restaurant. Serialising those once per knowledge build, not once
// per call, is most of what JSON.stringify cost on the session path.
import type { AgentSession } from '../../contract/agent.ts';

interface Parts {
  prefix: string;
  /** The prefix JSON-escaped, without its quotes. */
  prefixJson: string;
  toolsJson: string;
}

// Keyed by the tool list: the knowledge cache hands the same array to every
// call of one build, and a rebuild makes a new one, so entries die with it.
const parts = new WeakMap<AgentSession['tools'], Parts>();

function partsOf(s: AgentSession): Parts {
  const prefix = s.instructions.slice(0, s.stablePrefixChars);
  const hit = parts.get(s.tools);
  if (hit && hit.prefix === prefix) return hit;
  const fresh = { prefix, prefixJson: JSON.stringify(prefix).slice(1, -1), toolsJson: JSON.stringify(s.tools) };
  parts.set(s.tools, fresh);
  return fresh;
}

/** Exactly `JSON.stringify(session)` in meaning (the same object once parsed), built from cached parts. */
export function sessionJson(s: AgentSession): string {
  const p = partsOf(s);
  const { instructions, tools: _tools, ...rest } = s;
  const tail = JSON.stringify(instructions.slice(s.stablePrefixChars)).slice(1, -1);
  return `{"instructions":"${p.prefixJson}${tail}","tools":${p.toolsJson},${JSON.stringify(rest).slice(1)}`;
}
