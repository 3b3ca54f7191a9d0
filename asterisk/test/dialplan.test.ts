import t from 'tap';
import { renderAsteriskConfig } from '../src/render/index.ts';
import { OPTIONS, payload } from './fixtures/provisioning.ts';
import { simulate, type World } from './helpers/dialplan-sim.ts';
import type { AsteriskRestaurant } from '../../api/src/contract/provisioning.ts';

const dialplan = (mode: AsteriskRestaurant['callHandlingMode']) =>
  renderAsteriskConfig(payload(mode), OPTIONS).find((f) => f.name === 'extensions.conf')?.content ?? '';

const world = (over: Partial<World> = {}): World => ({
  timeMatches: () => false, stasis: () => 'SUCCESS', dial: () => 'NOANSWER', playback: () => 'SUCCESS', ...over,
});
const apps = (r: ReturnType<typeof simulate>) => r.steps.filter((s) => ['Stasis', 'Dial', 'Playback', 'Congestion'].includes(s.app)).map((s) => `${s.app}(${s.args})`);
/** A call for the trunk's DID, arriving as OVH sends it (0033… user part). */
const call = (mode: AsteriskRestaurant['callHandlingMode'], w: World) => simulate(dialplan(mode), { context: 'vo-in-bella-trunk', exten: '0033491000000' }, w);

t.test('ai_all: the DID goes straight to Stasis(voiceorder,<DID>)', async (t) => {
  t.same(apps(call('ai_all', world())), ['Stasis(voiceorder,+33491000000)']);
  const fxo = simulate(dialplan('ai_all'), { context: 'vo-in-bella-fxo-1', exten: 's' }, world());
  t.same(apps(fxo), ['Stasis(voiceorder,+33491000001)'], 'the HT841 line keeps its own DID whatever it sends');
});

t.test('staff_first: the staff ring for N seconds, then the AI on no answer, busy or unreachable', async (t) => {
  for (const status of ['NOANSWER', 'BUSY', 'CHANUNAVAIL'] as const) {
    t.same(apps(call('staff_first', world({ dial: () => status }))), ['Dial(PJSIP/bella-fxs-1,20)', 'Stasis(voiceorder,+33491000000)'], status);
  }
  t.same(apps(call('staff_first', world({ dial: () => 'ANSWER' }))), ['Dial(PJSIP/bella-fxs-1,20)'], 'answered: the AI stays out');
});

t.test('ai_outside_hours: staff then AI while open, the AI alone when closed or on a closure day', async (t) => {
  const tuesdayLunch = (spec: string) => spec === '11:30-14:29,tue,*,*,Europe/Paris';
  t.same(apps(call('ai_outside_hours', world({ timeMatches: tuesdayLunch }))), ['Dial(PJSIP/bella-fxs-1,20)', 'Stasis(voiceorder,+33491000000)']);
  t.same(apps(call('ai_outside_hours', world())), ['Stasis(voiceorder,+33491000000)'], 'closed: the AI answers at once');
  const christmasEve = (spec: string) => spec === '*,*,24-31,dec,Europe/Paris' || tuesdayLunch(spec);
  t.same(apps(call('ai_outside_hours', world({ timeMatches: christmasEve }))), ['Stasis(voiceorder,+33491000000)'], 'a closure wins over the weekly hours');
  const saturdayNight = (spec: string) => spec === '00:00-00:59,sun,*,*,Europe/Paris';
  t.same(apps(call('ai_outside_hours', world({ timeMatches: saturdayNight }))).length, 2, 'a night past midnight is still open');
});

t.test('the controller is down: ring the staff, then the message, never silence', async (t) => {
  const down = world({ stasis: () => 'FAILED' });
  t.same(apps(call('ai_all', down)), ['Stasis(voiceorder,+33491000000)', 'Dial(PJSIP/bella-fxs-1,25)', 'Playback(voiceorder/indisponible)']);
  t.same(apps(call('ai_all', { ...down, dial: () => 'ANSWER' })), ['Stasis(voiceorder,+33491000000)', 'Dial(PJSIP/bella-fxs-1,25)'], 'the staff answered');
  t.same(apps(call('staff_first', down)), ['Dial(PJSIP/bella-fxs-1,20)', 'Stasis(voiceorder,+33491000000)', 'Playback(voiceorder/indisponible)'],
    'staff just tried: straight to the message');
  t.same(apps(call('ai_all', { ...down, playback: () => 'FAILED' })).at(-1), 'Congestion(10)', 'no recording: a tone');
});

t.test('transfer and outbound contexts use the restaurant’s own trunk', async (t) => {
  const out = simulate(dialplan('ai_all'), { context: 'vo-transfer-bella', exten: '+33612345678' }, world({ dial: () => 'ANSWER' }));
  t.same(apps(out), ['Dial(PJSIP/+33612345678@bella-trunk,20)']);
  t.equal(out.vars.get('CALLERID(num)'), '+33491000000');
  t.same(apps(simulate(dialplan('ai_all'), { context: 'vo-transfer-bella', exten: 'staff' }, world())), ['Dial(PJSIP/bella-fxs-1,20)']);
});

t.test('a staff mobile number is rung through the outbound context, presented with the restaurant’s number', async (t) => {
  const p = payload('staff_first');
  p.restaurants[0] = { ...p.restaurants[0]!, transferTargetKind: 'number', transferTarget: '+33612345678' };
  const plan = renderAsteriskConfig(p, OPTIONS).find((f) => f.name === 'extensions.conf')?.content ?? '';
  const first = simulate(plan, { context: 'vo-in-bella-trunk', exten: '0033491000000' }, world({ dial: () => 'NOANSWER' }));
  t.same(apps(first), ['Dial(Local/+33612345678@vo-outbound-bella,20)', 'Stasis(voiceorder,+33491000000)'], 'staff first, then the AI');
  const out = simulate(plan, { context: 'vo-outbound-bella', exten: '+33612345678' }, world({ dial: () => 'ANSWER' }));
  t.ok(out.steps.some((s) => s.app === 'Set' && s.args === 'CALLERID(num)=+33491000000'), 'the trunk sees the restaurant’s own number');
  t.same(apps(out), ['Dial(PJSIP/+33612345678@bella-trunk,20)'], 'and the call leaves through the restaurant’s trunk');
});
