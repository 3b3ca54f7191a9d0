import t from 'tap';
import { sessionJson, withInstructionParts } from '../../src/services/agent/session-json.ts';
import type { AgentSession } from '../../src/contract/index.ts';

const tools: AgentSession['tools'] = [{ type: 'function', name: 'quote_order', description: 'Prix « exact », avec "guillemets"', parameters: { type: 'object', properties: {} } }];
const prefix = '# Restaurant\nPizzeria « Bella » — l\'été\tà 12 € \\ "ouvert"\u2028';
const session = (tail: string, p = prefix): AgentSession => ({
  callId: 'c1', restaurant: { id: 'r1', name: 'Bella', timeZone: 'Europe/Paris', locale: 'fr' },
  instructions: p + tail, stablePrefixChars: p.length, tools, model: 'gpt-realtime', voice: 'marin', language: 'fr',
  greeting: 'Bonjour', audioFormat: 'audio/pcma', transfer: null, limits: { maxCallMs: 600_000, idleTimeoutMs: 20_000 },
  callHandlingMode: 'ai_all', openNow: true, customer: { id: 'k1', firstName: 'Zoé', known: true },
});

t.test('the session answer reads back as the very object the service built', async (t) => {
  for (const tail of ['\n\n# Cet appel\nNuméro : +33612345678', '', 'Client connu : "Jean-Émile" \\ 🍕']) {
    const s = session(tail);
    t.same(JSON.parse(sessionJson(s).toString()), s, `tail ${JSON.stringify(tail.slice(0, 20))}`);
  }
});

t.test('a menu change with the same tool list is not answered from the old prefix', async (t) => {
  const before = session('tail');
  t.match(JSON.parse(sessionJson(before).toString()).instructions, /Bella/);
  const after = session('tail', '# Restaurant\nTrattoria Lucia');
  t.same(JSON.parse(sessionJson(after).toString()), after);
});

t.test('built from the parts the service names, the answer is the same', async (t) => {
  const tail = '\n\n# Cet appel\nClient : « Zoé »';
  const s = withInstructionParts(session(tail), prefix, tail);
  t.same(JSON.parse(sessionJson(s).toString()), s);
});
