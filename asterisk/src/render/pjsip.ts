// pjsip.conf holds the transport; pjsip_wizard.conf each OVH trunk (registering
// through OVH's outbound proxy), each HT841 FXO port and each staff phone.
// res_pjsip_config_wizard reads `type = wizard` sections from pjsip_wizard.conf
// only: in pjsip.conf Asterisk ignores them and no endpoint exists.
import type { AsteriskLine, AsteriskProvisioning } from '../../../api/src/contract/provisioning.ts';
import { joinFile, kv, safe, section, type Line } from './conf.ts';
import { deviceSecret, sortedLines, staffEndpoints } from './devices.ts';
import { RenderError, SIP_PORT, type RenderOptions } from './options.ts';
import { contextForLine, STAFF_CONTEXT } from './contexts.ts';

// OVH re-registers well before this; a shorter expiry only adds traffic.
const REGISTRATION_EXPIRY_S = 600;
const REGISTRATION_RETRY_S = 60;
// After a 403 (wrong password) retrying every minute would get the account locked.
const FORBIDDEN_RETRY_S = 600;
const TRUNK_QUALIFY_S = 60;
// The HT841 sits on the same LAN: a faster check notices an unplugged box sooner.
const DEVICE_QUALIFY_S = 30;

/** The line's codec first: Asterisk offers them in this order, and it avoids transcoding. */
const allow = (codec: 'alaw' | 'ulaw') => `!all,${codec === 'alaw' ? 'alaw,ulaw' : 'ulaw,alaw'}`;

/** Media settings every endpoint shares: Asterisk stays in the media path (the controller taps it there). */
const media = (codec: 'alaw' | 'ulaw'): string[] => [
  kv('endpoint/allow', allow(codec)),
  kv('endpoint/direct_media', 'no'),
  kv('endpoint/rtp_symmetric', 'yes'),
  kv('endpoint/force_rport', 'yes'),
  kv('endpoint/rewrite_contact', 'yes'),
  kv('endpoint/dtmf_mode', 'rfc4733'),
  kv('endpoint/language', 'fr'),
];

const hostOnly = (hostPort: string): string => hostPort.replace(/:\d+$/, '');

function trunk(l: AsteriskLine, opts: RenderOptions): string[] {
  const need = (v: string | null, field: string): string => {
    if (!v) throw new RenderError(`line ${l.did} (${l.endpointName}) is an OVH trunk without ${field}: set it with \`voiceorder lines\` or the dashboard`);
    return safe(`${field} of ${l.did}`, v);
  };
  const server = need(l.sipServer, 'sipServer');
  const user = need(l.sipUsername, 'sipUsername');
  const password = need(l.sipSecret, 'a SIP password');
  // `;lr` is escaped: a bare `;` starts a comment in Asterisk's config files.
  const proxy = l.outboundProxy ? `sip:${safe('outboundProxy', l.outboundProxy)}\\;lr` : null;
  const match = [...new Set([hostOnly(server), ...(l.outboundProxy ? [hostOnly(l.outboundProxy)] : []), ...(opts.trunkMatch ?? [])])];
  return section(l.endpointName, [
    `; ${l.did}${l.label ? ` — ${safe('label', l.label)}` : ''} (OVH SIP trunk)`,
    kv('type', 'wizard'),
    kv('transport', 'transport-udp'),
    kv('remote_hosts', server),
    kv('sends_registrations', 'yes'),
    kv('sends_auth', 'yes'),
    kv('accepts_registrations', 'no'),
    kv('accepts_auth', 'no'),
    kv('outbound_auth/username', user),
    kv('outbound_auth/password', password),
    kv('registration/expiration', REGISTRATION_EXPIRY_S),
    kv('registration/retry_interval', REGISTRATION_RETRY_S),
    kv('registration/forbidden_retry_interval', FORBIDDEN_RETRY_S),
    kv('registration/max_retries', 10000),
    proxy && kv('registration/outbound_proxy', proxy),
    proxy && kv('endpoint/outbound_proxy', proxy),
    kv('endpoint/context', contextForLine(l)),
    kv('endpoint/from_user', user),
    kv('endpoint/from_domain', server),
    ...media(l.codec),
    kv('aor/qualify_frequency', TRUNK_QUALIFY_S),
    kv('identify/match', match.join(',')),
  ]);
}

/** A device that registers to Asterisk: an HT841 FXO port or a staff phone. */
function device(name: string, comment: string, context: string, secret: string, codec: 'alaw' | 'ulaw'): string[] {
  return section(name, [
    `; ${comment}`,
    kv('type', 'wizard'),
    kv('transport', 'transport-udp'),
    kv('accepts_registrations', 'yes'),
    kv('accepts_auth', 'yes'),
    kv('sends_registrations', 'no'),
    kv('inbound_auth/username', name),
    kv('inbound_auth/password', safe(`SIP password of ${name}`, secret)),
    kv('aor/max_contacts', 1),
    kv('aor/remove_existing', 'yes'),
    kv('aor/qualify_frequency', DEVICE_QUALIFY_S),
    kv('endpoint/context', context),
    ...media(codec),
  ]);
}

function transport(opts: RenderOptions): string[] {
  const nat: Line[] = opts.externalAddress
    ? [kv('external_media_address', safe('externalAddress', opts.externalAddress)), kv('external_signaling_address', opts.externalAddress)]
    : ['; no external address given: Asterisk is reachable on its own address (no NAT)'];
  return section('transport-udp', [
    kv('type', 'transport'),
    kv('protocol', 'udp'),
    kv('bind', `0.0.0.0:${SIP_PORT}`),
    ...nat,
    ...[...(opts.localNets ?? [])].sort().map((n) => kv('local_net', safe('localNet', n))),
  ]);
}

export function renderPjsip(opts: RenderOptions): string {
  return joinFile([
    ...section('global', [kv('type', 'global'), kv('user_agent', 'VoiceOrder'), kv('endpoint_identifier_order', 'ip,username,anonymous')]),
    ...transport(opts),
  ]);
}

export function renderPjsipWizard(p: AsteriskProvisioning, opts: RenderOptions): string {
  const out: string[] = [];
  for (const l of sortedLines(p)) {
    if (l.kind === 'ovh_trunk') out.push(...trunk(l, opts));
    else out.push(...device(l.endpointName, `${l.did}${l.label ? ` — ${safe('label', l.label)}` : ''} (HT841 FXO port ${l.port ?? '?'})`, contextForLine(l), deviceSecret(l.endpointName, l.sipSecret, opts), l.codec));
  }
  for (const name of staffEndpoints(p)) {
    out.push(...device(name, 'staff phone (HT841 FXS port or SIP phone): calls are transferred here', STAFF_CONTEXT, deviceSecret(name, null, opts), 'alaw'));
  }
  if (out.length === 0) out.push('; no lines yet: add one with `voiceorder lines` or the dashboard');
  return joinFile(out);
}
