// `voiceorder lines add|list|remove`: a restaurant's phone lines, through the
// API's provisioning routes with the CLI's token.
import type { Command } from 'commander';
import type { PhoneLineList, PhoneLineView, ProvisioningRestaurantList } from '../../../api/src/contract/index.ts';
import type { CliConfig } from '../config.ts';
import { apiClient, CliError, type ApiClient } from '../api-client.ts';
import type { Io } from './io.ts';

/** Accepts a slug or an id, so the installer can type what they know. */
export async function restaurantId(api: ApiClient, ref: string): Promise<string> {
  const { items } = await api.request<ProvisioningRestaurantList>('GET', '/provisioning/restaurants');
  const r = items.find((x) => x.slug === ref || x.id === ref);
  if (!r) throw new CliError(`no restaurant "${ref}" for this token (known: ${items.map((x) => x.slug).join(', ') || 'none'})`);
  return r.id;
}

const describe = (l: PhoneLineView) =>
  `${l.did.padEnd(14)} ${l.kind.padEnd(10)} ${l.endpointName.padEnd(20)} ${l.enabled ? 'enabled ' : 'disabled'} ${l.hasSipSecret ? 'secret set' : 'no secret '} ${l.label ?? ''}`.trimEnd();

interface AddFlags { restaurant: string; did: string; kind: 'ovh_trunk' | 'ht841_port'; endpoint: string; port?: string; username?: string; secret?: string; server?: string; proxy?: string; codec: 'alaw' | 'ulaw'; label?: string }

export function linesCommands(program: Command, config: CliConfig, io: Io): void {
  const lines = program.command('lines').description("a restaurant's phone lines (OVH trunk, HT841 ports)")
    .option('--api <url>', 'API base URL (VOICEORDER_API_URL)', config.apiUrl);
  const api = () => apiClient((lines.opts() as { api: string }).api, config.apiToken);
  const base = (id: string) => `/provisioning/restaurants/${encodeURIComponent(id)}/phone-lines`;

  lines.command('list').description('list the lines of a restaurant')
    .requiredOption('-r, --restaurant <slug>', 'restaurant slug or id')
    .action(async (f: { restaurant: string }) => {
      const c = api();
      const { items } = await c.request<PhoneLineList>('GET', base(await restaurantId(c, f.restaurant)));
      if (items.length === 0) io.out('no lines');
      for (const l of items) io.out(describe(l));
    });

  lines.command('add').description('add a line; the SIP secret is stored encrypted')
    .requiredOption('-r, --restaurant <slug>', 'restaurant slug or id')
    .requiredOption('--did <number>', 'the phone number, e.g. +33491000000 or 04 91 00 00 00')
    .requiredOption('--kind <kind>', 'ovh_trunk or ht841_port')
    .requiredOption('--endpoint <name>', 'PJSIP endpoint name, e.g. ovh-trunk or ht841-fxo-1')
    .option('--port <n>', 'HT841 FXO port (1-4)')
    .option('--username <user>', 'OVH SIP username, e.g. 0033491000000')
    .option('--secret <password>', 'SIP password (prefer VOICEORDER_SIP_SECRET to keep it out of the shell history)')
    .option('--server <host>', 'OVH registrar, e.g. sip3.ovh.fr')
    .option('--proxy <host>', 'OVH outbound proxy')
    .option('--codec <codec>', 'alaw or ulaw', 'alaw')
    .option('--label <text>', 'a name for the dashboard')
    .action(async (f: AddFlags) => {
      const c = api();
      const body = {
        did: f.did, kind: f.kind, endpointName: f.endpoint, codec: f.codec,
        ...(f.port ? { port: Number(f.port) } : {}), ...(f.username ? { sipUsername: f.username } : {}),
        ...((f.secret ?? config.sipSecret) ? { sipSecret: f.secret ?? config.sipSecret } : {}), ...(f.server ? { sipServer: f.server } : {}),
        ...(f.proxy ? { outboundProxy: f.proxy } : {}), ...(f.label ? { label: f.label } : {}),
      };
      const line = await c.request<PhoneLineView>('POST', base(await restaurantId(c, f.restaurant)), body);
      io.out(`added ${describe(line)}`);
      io.out('Run `voiceorder asterisk apply` to put it into Asterisk.');
    });

  lines.command('remove').description('remove a line, by DID or endpoint name')
    .requiredOption('-r, --restaurant <slug>', 'restaurant slug or id')
    .argument('<line>', 'DID or endpoint name')
    .action(async (ref: string, f: { restaurant: string }) => {
      const c = api();
      const id = await restaurantId(c, f.restaurant);
      const { items } = await c.request<PhoneLineList>('GET', base(id));
      const line = items.find((l) => l.did === ref || l.endpointName === ref);
      if (!line) throw new CliError(`no line "${ref}" in this restaurant`);
      await c.request('DELETE', `${base(id)}/${line.id}`);
      io.out(`removed ${line.did} (${line.endpointName})`);
      io.out('Run `voiceorder asterisk apply` to take it out of Asterisk.');
    });
}
