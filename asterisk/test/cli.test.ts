import t from 'tap';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApi } from '../../api/test/helpers/test-api.ts';
import { createServiceToken } from '../../api/test/helpers/tokens.ts';
import { DEMO_SLUG } from '../../api/src/seed/demo-seed.ts';
import { loadCliConfig } from '../src/config.ts';
import { runCli } from '../src/program.ts';
import { startFakeAri, type FakeAriState } from './helpers/fake-ari.ts';

const ARI_PASSWORD = 'ari-test-password';

function capture() {
  const out: string[] = [], err: string[] = [];
  let failed = false;
  return { out, err, get failed() { return failed; }, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), fail: () => { failed = true; } } };
}

t.test('the voiceorder CLI against the real API and a fake Asterisk', async (t) => {
  const api = await startTestApi(t);
  const token = await createServiceToken(api.db.prisma, null, 'cli');
  const dir = await mkdtemp(path.join(tmpdir(), 'vo-render-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const ari: FakeAriState = { password: ARI_PASSWORD, apps: ['voiceorder'], endpoints: { 'ovh-trunk': 'online', 'ht841-fxo-1': 'online', 'ht841-fxs-1': 'online' }, reloaded: [] };
  const ariUrl = await startFakeAri(t, ari);
  const config = loadCliConfig({
    VOICEORDER_API_URL: api.url, VOICEORDER_API_TOKEN: token, VOICEORDER_ARI_URL: ariUrl, VOICEORDER_ARI_PASSWORD: ARI_PASSWORD,
    VOICEORDER_DEVICE_SECRET_KEY: 'device-key', VOICEORDER_EXTERNAL_ADDRESS: '203.0.113.7',
  });
  const cli = async (...argv: string[]) => {
    const c = capture();
    await runCli(argv, config, c.io);
    return c;
  };

  await t.test('render writes the files, with the decrypted secret only in pjsip_wizard.conf, and says what changed', async (t) => {
    const first = await cli('asterisk', 'render', '--out', dir);
    t.notOk(first.failed, first.err.join('\n'));
    t.match(first.out[0], /2 line\(s\) for 1 restaurant\(s\)/);
    t.ok(first.out.includes('  changed    pjsip_wizard.conf'));
    const wizard = await readFile(path.join(dir, 'pjsip_wizard.conf'), 'utf8');
    t.match(wizard, /outbound_auth\/password = demo-sip-secret/);
    const pjsip = await readFile(path.join(dir, 'pjsip.conf'), 'utf8');
    t.notMatch(pjsip, /demo-sip-secret/);
    t.match(pjsip, /external_media_address = 203\.0\.113\.7/);
    t.notMatch(await readFile(path.join(dir, 'extensions.conf'), 'utf8'), /demo-sip-secret/);
    const again = await cli('asterisk', 'render', '--out', dir);
    t.notOk(again.out.some((l) => l.includes('changed    ')), 'the same data changes nothing');
  });

  await t.test('apply reloads only the modules whose files changed', async (t) => {
    const applied = await cli('asterisk', 'apply', '--config-dir', dir);
    t.same(ari.reloaded, [], 'nothing changed since render');
    t.ok(applied.out.includes('nothing to reload'));
    await api.db.prisma.restaurant.update({ where: { slug: DEMO_SLUG }, data: { callHandlingMode: 'staff_first' } });
    const second = await cli('asterisk', 'apply', '--config-dir', dir);
    t.same(ari.reloaded, ['pbx_config.so'], 'a call-mode change reloads the dialplan only');
    t.ok(second.out.includes('reloaded pbx_config.so'));
  });

  await t.test('check: every ✓ when all is well', async (t) => {
    const ok = await cli('asterisk', 'check', '--rtp-start', '41000', '--rtp-end', '41010');
    t.notOk(ok.failed, ok.out.join('\n'));
    t.match(ok.out[0], /✓ ARI: Asterisk 22\.5\.0/);
    t.match(ok.out[0], /✓ Stasis app/);
    t.match(ok.out[0], /✓ ovh-trunk: OVH trunk \+33491000000: online/);
  });

  await t.test('check: each ✗ with its fix', async (t) => {
    ari.apps = [];
    ari.endpoints['ovh-trunk'] = 'offline';
    delete ari.endpoints['ht841-fxs-1'];
    const bad = await cli('asterisk', 'check', '--rtp-start', '41000', '--rtp-end', '41010');
    t.ok(bad.failed);
    const text = bad.out.join('\n');
    t.match(text, /✗ Stasis app: "voiceorder" is not registered[^\n]*\n\s+fix: Start the controller/);
    t.match(text, /✗ ovh-trunk: OVH trunk \+33491000000: offline\n\s+fix: Check the OVH SIP account/);
    t.match(text, /✗ ht841-fxs-1: staff phone: not in Asterisk\n\s+fix: Run `voiceorder asterisk apply`/);
    const wrong = await runWith({ ...config, ariPassword: 'nope' }, 'asterisk', 'check', '--rtp-start', '41000', '--rtp-end', '41010');
    t.match(wrong.out.join('\n'), /✗ ARI: the user or password is refused \(401\)/);
    const down = await runWith({ ...config, ariUrl: 'http://127.0.0.1:1' }, 'asterisk', 'check', '--rtp-start', '41000', '--rtp-end', '41010');
    t.match(down.out.join('\n'), /✗ ARI: ARI at http:\/\/127\.0\.0\.1:1 does not answer[^\n]*\n\s+fix: Start Asterisk/);
  });

  await t.test('lines add, list and remove', async (t) => {
    const added = await cli('lines', 'add', '-r', DEMO_SLUG, '--did', '04 91 00 00 05', '--kind', 'ht841_port', '--endpoint', 'ht841-fxo-3', '--port', '3');
    t.notOk(added.failed, added.err.join('\n'));
    t.match(added.out[0], /added \+33491000005 +ht841_port +ht841-fxo-3/);
    const listed = await cli('lines', 'list', '-r', DEMO_SLUG);
    t.equal(listed.out.length, 3);
    t.match(listed.out.join('\n'), /\+33491000000 +ovh_trunk +ovh-trunk +enabled +secret set/);
    const removed = await cli('lines', 'remove', '-r', DEMO_SLUG, 'ht841-fxo-3');
    t.match(removed.out[0], /removed \+33491000005/);
    const unknown = await cli('lines', 'list', '-r', 'nowhere');
    t.ok(unknown.failed);
    t.match(unknown.err[0], /no restaurant "nowhere" for this token \(known: /);
    const noToken = await runWith({ ...config, apiToken: undefined }, 'lines', 'list', '-r', DEMO_SLUG);
    t.match(noToken.err[0], /VOICEORDER_API_TOKEN is not set: create one with `npm run token:create -- --kind cli`/);
  });

  await t.test('every command has --help', async (t) => {
    for (const argv of [['asterisk', 'render'], ['asterisk', 'apply'], ['asterisk', 'check'], ['lines', 'add'], ['lines', 'list'], ['lines', 'remove'], ['doctor']]) {
      const h = await cli(...argv, '--help');
      t.match(h.out.join('\n'), new RegExp(`Usage: voiceorder ${argv.join(' ')}`), argv.join(' '));
    }
  });
});

async function runWith(config: ReturnType<typeof loadCliConfig>, ...argv: string[]) {
  const c = capture();
  await runCli(argv, config, c.io);
  return c;
}
