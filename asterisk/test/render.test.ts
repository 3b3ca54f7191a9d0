import t from 'tap';
import { renderAsteriskConfig, RenderError } from '../src/render/index.ts';
import { HT841_SECRET, OPTIONS, TRUNK_SECRET, payload } from './fixtures/provisioning.ts';

const files = (p = payload(), o = OPTIONS) => Object.fromEntries(renderAsteriskConfig(p, o).map((f) => [f.name, f.content]));

t.test('the same data always renders byte-identical files, whatever the order it came in', async (t) => {
  const a = renderAsteriskConfig(payload(), OPTIONS);
  const shuffled = payload();
  shuffled.lines.reverse();
  shuffled.restaurants.reverse();
  t.same(renderAsteriskConfig(shuffled, OPTIONS), a);
  t.same(a.map((f) => f.name), ['ari.conf', 'extensions.conf', 'http.conf', 'indications.conf', 'logger.conf', 'modules.conf', 'pjsip.conf', 'pjsip_wizard.conf', 'rtp.conf']);
  const dids = [...(files()['extensions.conf'] ?? '').matchAll(/^exten => (\d+),1,NoOp/gm)].map((m) => m[1]);
  t.same(dids, ['33491000000', '33491000001', '33491000009'], 'DIDs are sorted');
});

t.test('the OVH trunk registers through the outbound proxy with G.711 and NAT settings', async (t) => {
  const transport = files()['pjsip.conf'] ?? '';
  const pjsip = files()['pjsip_wizard.conf'] ?? '';
  const trunk = /\[bella-trunk\]\n([\s\S]*?)\n\n/.exec(pjsip)?.[1] ?? '';
  for (const line of [
    'type = wizard', 'remote_hosts = sip3.ovh.fr', 'sends_registrations = yes', 'outbound_auth/username = 0033491000000',
    `outbound_auth/password = ${TRUNK_SECRET}`, 'registration/outbound_proxy = sip:sbc6.fr.sip.ovh\\;lr',
    'endpoint/allow = !all,alaw,ulaw', 'endpoint/direct_media = no', 'endpoint/rtp_symmetric = yes', 'endpoint/force_rport = yes',
    'endpoint/rewrite_contact = yes', 'endpoint/context = vo-in-bella-trunk', 'identify/match = sip3.ovh.fr,sbc6.fr.sip.ovh',
  ]) t.ok(trunk.split('\n').includes(line), line);
  t.match(transport, /external_media_address = 203\.0\.113\.10\nexternal_signaling_address = 203\.0\.113\.10\nlocal_net = 192\.168\.1\.0\/24/);
  t.match(pjsip, /\[bella-fxo-1\][\s\S]*?inbound_auth\/password = ht841-s3cret-value[\s\S]*?endpoint\/context = vo-in-bella-fxo-1/);
  t.match(pjsip, /\[bella-fxs-1\][\s\S]*?endpoint\/context = vo-staff/, 'the staff phone is an endpoint the controller can ring');
  t.match(pjsip, /\[annexe-desk\]/);
  t.match(pjsip, /\[annexe-fxo-2\][\s\S]*?endpoint\/allow = !all,ulaw,alaw/, "the line's own codec comes first");
  const more = files(payload(), { ...OPTIONS, trunkMatch: ['198.51.100.0/24'] })['pjsip_wizard.conf'] ?? '';
  t.match(more, /identify\/match = sip3\.ovh\.fr,sbc6\.fr\.sip\.ovh,198\.51\.100\.0\/24/, 'operator ranges are added');
});

t.test('SIP secrets appear in pjsip_wizard.conf and nowhere else', async (t) => {
  const all = files();
  for (const [name, content] of Object.entries(all)) {
    const has = content.includes(TRUNK_SECRET) || content.includes(HT841_SECRET);
    t.equal(has, name === 'pjsip_wizard.conf', name);
  }
});

// Seen on a real Asterisk 22: res_pjsip_config_wizard reads only pjsip_wizard.conf,
// so wizard sections in pjsip.conf were ignored and no endpoint existed.
t.test('wizard sections go to pjsip_wizard.conf, the only file the config wizard reads', async (t) => {
  const all = files();
  const pjsip = all['pjsip.conf'] ?? '';
  t.notMatch(pjsip, /type = wizard/);
  t.match(pjsip, /\[transport-udp\]\ntype = transport\nprotocol = udp\nbind = 0\.0\.0\.0:5060/);
  const sections = [...(all['pjsip_wizard.conf'] ?? '').matchAll(/^\[([^\]]+)\]\n(?:;.*\n)?type = wizard$/gm)].map((m) => m[1]);
  t.same(sections, ['bella-trunk', 'bella-fxo-1', 'annexe-fxo-2', 'annexe-desk', 'bella-fxs-1'], 'lines by DID, then staff phones');
  const empty = files({ restaurants: [], lines: [] })['pjsip_wizard.conf'] ?? '';
  t.match(empty, /no lines yet/, 'an empty file still loads, and says why it is empty');
});

t.test('derived device passwords are stable, and missing ones are refused with the fix', async (t) => {
  const a = files()['pjsip_wizard.conf'] ?? '';
  const b = files(payload(), { ...OPTIONS })['pjsip_wizard.conf'] ?? '';
  t.equal(a, b);
  t.not(files(payload(), { ...OPTIONS, deviceSecretKey: 'other' })['pjsip_wizard.conf'], a, 'another key gives other passwords');
  t.throws(() => renderAsteriskConfig(payload(), { ...OPTIONS, deviceSecretKey: undefined }), new RenderError('annexe-fxo-2 has no SIP password: set VOICEORDER_DEVICE_SECRET_KEY (openssl rand -base64 32) to derive one, or store one on the line'));
  const broken = payload();
  const trunk = broken.lines.find((l) => l.kind === 'ovh_trunk');
  if (trunk) trunk.sipSecret = 'has;semicolon';
  t.throws(() => renderAsteriskConfig(broken, OPTIONS), /cannot hold/);
});

// Seen on a real Asterisk 22.9: with autoload = no the loader does not pull in
// what a module requires, so res_ari (and every ARI module, and app_stasis)
// failed without res_websocket_client, and chan_rtp without res_rtp_multicast.
t.test('modules.conf lists what the loaded modules require, and nothing that does not exist', async (t) => {
  const modules = files()['modules.conf'] ?? '';
  for (const [needed, by] of [['res_websocket_client.so', 'res_ari.so'], ['res_rtp_multicast.so', 'chan_rtp.so']] as const) {
    t.ok(modules.split('\n').includes(`load = ${needed}`), `${needed} (required by ${by})`);
  }
  t.notMatch(modules, /res_pjsip_transport_management/, 'merged into res_pjsip long ago: loading it is an error');
  t.notMatch(modules, /res_musiconhold/, 'no music-on-hold class is configured: it only logged a warning');
});

t.test('the static files: ARI on loopback, the RTP range, only the modules needed', async (t) => {
  const all = files();
  t.match(all['http.conf'], /bindaddr = 127\.0\.0\.1\nbindport = 8088/);
  t.match(all['rtp.conf'], /rtpstart = 10000\nrtpend = 10199/);
  t.match(all['ari.conf'], /\[voiceorder\]\ntype = user\nread_only = no\npassword = ari-pass/);
  const modules = all['modules.conf'] ?? '';
  t.match(modules, /autoload = no/);
  for (const m of ['res_ari.so', 'res_stasis.so', 'chan_pjsip.so', 'res_pjsip_config_wizard.so', 'app_dial.so', 'app_stasis.so', 'chan_rtp.so', 'codec_alaw.so', 'pbx_config.so', 'func_logic.so']) {
    t.match(modules, new RegExp(`^load = ${m.replace('.', '\\.')}$`, 'm'), m);
  }
  t.notMatch(modules, /chan_sip\.so|chan_iax2|app_voicemail/);
  t.match(all['indications.conf'], /country = fr\n[\s\S]*\[fr\][\s\S]*\nring = 440\/1500,0\/3500\n[\s\S]*\ncongestion = /, 'a tone zone, or the caller hears no ringing during a transfer');
  t.throws(() => renderAsteriskConfig(payload(), { ...OPTIONS, rtpStart: 10001 }), /must be even/);
});
