// `voiceorder asterisk check`: is this Asterisk ready for VoiceOrder? Each
// check says what is wrong and how to fix it.
import dgram from 'node:dgram';
import type { AsteriskProvisioning } from '../../api/src/contract/provisioning.ts';
import type { Check } from './doctor.ts';
import type { AriClient } from './ari-client.ts';
import { ARI_APP, RTP_PORT_END, RTP_PORT_START } from './render/options.ts';
import { staffEndpoints, sortedLines } from './render/devices.ts';

// Binding every port would be slow; the edges and a few in between catch a clash.
const RTP_SAMPLES = 5;

interface AriEndpoint { technology: string; resource: string; state?: string }

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.once('error', () => { s.close(); resolve(false); });
    s.bind(port, () => { s.close(); resolve(true); });
  });
}

export async function rtpRangeCheck(start = RTP_PORT_START, end = RTP_PORT_END): Promise<Check> {
  const step = Math.max(1, Math.floor((end - start) / (RTP_SAMPLES - 1)));
  const ports = [...new Set(Array.from({ length: RTP_SAMPLES }, (_, i) => Math.min(end, start + i * step)))];
  const busy: number[] = [];
  for (const p of ports) if (!(await bindable(p))) busy.push(p);
  return busy.length === 0
    ? { name: 'RTP ports', ok: true, detail: `${start}-${end} free on this host` }
    : { name: 'RTP ports', ok: false, detail: `UDP ${busy.join(', ')} already in use`, fix: `Stop what uses them (ss -ulpn | grep ${busy[0]}) or move rtp.conf and the firewall to another range.` };
}

export async function asteriskChecks(ari: AriClient, p: AsteriskProvisioning | null, rtp: { start: number; end: number }): Promise<Check[]> {
  const checks: Check[] = [];
  let info;
  try {
    info = await ari.get<{ system?: { version?: string } }>('/asterisk/info');
  } catch (err) {
    checks.push({ name: 'ARI', ok: false, detail: (err as Error).message, fix: 'Start Asterisk, and check VOICEORDER_ARI_URL and http.conf (bindaddr, bindport).' });
    checks.push(await rtpRangeCheck(rtp.start, rtp.end));
    return checks;
  }
  if (info.status === 401) {
    checks.push({ name: 'ARI', ok: false, detail: 'the user or password is refused (401)', fix: 'Set VOICEORDER_ARI_USER/VOICEORDER_ARI_PASSWORD as in ari.conf, then `voiceorder asterisk apply`.' });
  } else if (info.status !== 200) {
    checks.push({ name: 'ARI', ok: false, detail: `GET /ari/asterisk/info answered ${info.status}`, fix: 'Load res_ari.so (modules.conf) and enable ARI in ari.conf.' });
  } else {
    checks.push({ name: 'ARI', ok: true, detail: `Asterisk ${info.body?.system?.version ?? '?'}` });
    const apps = await ari.get<{ name: string }[]>('/applications');
    const registered = apps.body?.some((a) => a.name === ARI_APP) ?? false;
    checks.push(registered
      ? { name: 'Stasis app', ok: true, detail: `"${ARI_APP}" is registered: the controller is connected` }
      : { name: 'Stasis app', ok: false, detail: `"${ARI_APP}" is not registered: calls get the fallback (staff, then the message)`, fix: 'Start the controller (docker compose up -d controller) and check its ARI_URL/ARI_PASSWORD.' });
    if (p) checks.push(...(await endpointChecks(ari, p)));
  }
  checks.push(await rtpRangeCheck(rtp.start, rtp.end));
  return checks;
}

async function endpointChecks(ari: AriClient, p: AsteriskProvisioning): Promise<Check[]> {
  const devices = [
    ...sortedLines(p).map((l) => ({ name: l.endpointName, what: l.kind === 'ovh_trunk' ? `OVH trunk ${l.did}` : `HT841 port ${l.port ?? '?'} (${l.did})`, trunk: l.kind === 'ovh_trunk' })),
    ...staffEndpoints(p).map((name) => ({ name, what: 'staff phone', trunk: false })),
  ];
  const checks: Check[] = [];
  for (const d of devices) {
    const r = await ari.get<AriEndpoint>(`/endpoints/PJSIP/${encodeURIComponent(d.name)}`);
    const state = r.body?.state ?? 'unknown';
    if (r.status === 404) {
      checks.push({ name: d.name, ok: false, detail: `${d.what}: not in Asterisk`, fix: 'Run `voiceorder asterisk apply` to render and reload pjsip_wizard.conf.' });
    } else if (state === 'online') {
      checks.push({ name: d.name, ok: true, detail: `${d.what}: online` });
    } else {
      checks.push({
        name: d.name, ok: false, detail: `${d.what}: ${state}`,
        fix: d.trunk
          ? 'Check the OVH SIP account (username, password, outbound proxy) and that UDP 5060 is open to OVH: `pjsip show registrations`.'
          : 'Check the device is powered, on the network and registered with the password from pjsip_wizard.conf (infra/README.md, HT841).',
      });
    }
  }
  return checks;
}
