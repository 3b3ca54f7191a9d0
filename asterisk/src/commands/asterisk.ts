// `voiceorder asterisk render|apply|check`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import type { AsteriskProvisioning } from '../../../api/src/contract/provisioning.ts';
import type { CliConfig } from '../config.ts';
import { apiClient } from '../api-client.ts';
import { ariClient } from '../ari-client.ts';
import { asteriskChecks } from '../asterisk-check.ts';
import { formatChecks } from '../doctor.ts';
import { writeRendered } from '../files.ts';
import { renderAsteriskConfig, type RenderOptions } from '../render/index.ts';
import { RTP_PORT_END, RTP_PORT_START } from '../render/options.ts';
import type { Io } from './io.ts';

const run = promisify(execFile);

/** Which module re-reads which file; the others need a restart of Asterisk. */
const RELOADS: Record<string, string> = {
  'pjsip.conf': 'res_pjsip.so',
  // Reloading res_pjsip makes the config wizard re-read its file too.
  'pjsip_wizard.conf': 'res_pjsip.so',
  'extensions.conf': 'pbx_config.so',
  'rtp.conf': 'res_rtp_asterisk.so',
  'ari.conf': 'res_ari.so',
};

interface RenderFlags { out: string; api: string; externalAddress?: string; localNet: string[]; trunkMatch: string[] }

const collect = (v: string, prev: string[]) => [...prev, v];

function renderOptions(config: CliConfig, flags: RenderFlags): RenderOptions {
  return {
    externalAddress: flags.externalAddress ?? config.externalAddress,
    localNets: flags.localNet.length ? flags.localNet : config.localNets,
    trunkMatch: flags.trunkMatch.length ? flags.trunkMatch : config.trunkMatch,
    ariUser: config.ariUser,
    ariPassword: config.ariPassword ?? '',
    httpBindAddress: config.httpBindAddress,
    deviceSecretKey: config.deviceSecretKey,
  };
}

async function renderInto(config: CliConfig, flags: RenderFlags, io: Io) {
  if (!config.ariPassword) throw new Error('VOICEORDER_ARI_PASSWORD is not set: ari.conf needs the password the controller uses (openssl rand -hex 24)');
  const p = await apiClient(flags.api, config.apiToken).request<AsteriskProvisioning>('GET', '/provisioning/asterisk');
  const report = await writeRendered(flags.out, renderAsteriskConfig(p, renderOptions(config, flags)));
  io.out(`${p.lines.length} line(s) for ${p.restaurants.length} restaurant(s) rendered into ${flags.out}`);
  for (const f of report.changed) io.out(`  changed    ${f}`);
  for (const f of report.unchanged) io.out(`  unchanged  ${f}`);
  return report;
}

function renderFlags(cmd: Command, config: CliConfig, defaultOut?: string): Command {
  return cmd
    .option('--api <url>', 'API base URL (VOICEORDER_API_URL)', config.apiUrl)
    .option('--external-address <ip>', 'public address when behind NAT (VOICEORDER_EXTERNAL_ADDRESS)')
    .option('--local-net <cidr>', 'a private network not to NAT, repeatable (VOICEORDER_LOCAL_NETS)', collect, [])
    .option('--trunk-match <cidr>', "an OVH address range calls may come from, repeatable (VOICEORDER_TRUNK_MATCH)", collect, [])
    .option('--out <dir>', 'where to write the files', defaultOut);
}

export function asteriskCommands(program: Command, config: CliConfig, io: Io): void {
  const asterisk = program.command('asterisk').description("render, apply and check Asterisk's configuration");

  renderFlags(asterisk.command('render').description('write pjsip.conf, pjsip_wizard.conf, extensions.conf and the rest from the API (deterministic)'), config)
    .action(async (flags: RenderFlags) => {
      if (!flags.out) throw new Error('--out <dir> is required');
      await renderInto(config, flags, io);
    });

  renderFlags(asterisk.command('apply').description("render into Asterisk's config folder, then reload what changed"), config, config.configDir)
    .option('--config-dir <dir>', "Asterisk's config folder (VOICEORDER_ASTERISK_CONFIG_DIR)")
    .option('--ari-url <url>', 'ARI base URL (VOICEORDER_ARI_URL)', config.ariUrl)
    .option('--local', 'reload with `asterisk -rx` on this host instead of ARI')
    .action(async (flags: RenderFlags & { configDir?: string; ariUrl: string; local?: boolean }) => {
      const report = await renderInto(config, { ...flags, out: flags.configDir ?? flags.out }, io);
      const modules = [...new Set(report.changed.map((f) => RELOADS[f]).filter((m): m is string => m !== undefined))];
      const restart = report.changed.filter((f) => !RELOADS[f]);
      const ari = ariClient(flags.ariUrl, config.ariUser, config.ariPassword);
      for (const m of modules) {
        if (flags.local) {
          await run('asterisk', ['-rx', `module reload ${m}`]);
          io.out(`reloaded ${m} (asterisk -rx)`);
        } else {
          const status = await ari.put(`/asterisk/modules/${m}`);
          if (status === 204) io.out(`reloaded ${m}`);
          else { io.err(`✗ reloading ${m} answered ${status}: run \`asterisk -rx 'module reload ${m}'\` on the Asterisk host`); io.fail(); }
        }
      }
      if (modules.length === 0) io.out('nothing to reload');
      if (restart.length) io.out(`${restart.join(', ')} changed: restart Asterisk for them to apply (docker compose restart asterisk)`);
    });

  asterisk.command('check').description('check ARI, the Stasis app, the trunk and devices, and the RTP port range')
    .option('--api <url>', 'API base URL (VOICEORDER_API_URL)', config.apiUrl)
    .option('--ari-url <url>', 'ARI base URL (VOICEORDER_ARI_URL)', config.ariUrl)
    .option('--rtp-start <port>', 'first RTP port', String(RTP_PORT_START))
    .option('--rtp-end <port>', 'last RTP port', String(RTP_PORT_END))
    .action(async (flags: { api: string; ariUrl: string; rtpStart: string; rtpEnd: string }) => {
      let p: AsteriskProvisioning | null = null;
      let apiProblem: string | null = null;
      try {
        p = await apiClient(flags.api, config.apiToken).request<AsteriskProvisioning>('GET', '/provisioning/asterisk');
      } catch (err) {
        apiProblem = (err as Error).message;
      }
      const checks = await asteriskChecks(ariClient(flags.ariUrl, config.ariUser, config.ariPassword), p, { start: Number(flags.rtpStart), end: Number(flags.rtpEnd) });
      if (apiProblem) checks.unshift({ name: 'API', ok: false, detail: apiProblem, fix: 'Without the lines, the trunk and devices cannot be checked: fix the API access first.' });
      io.out(formatChecks(checks));
      if (!checks.every((c) => c.ok)) io.fail();
    });
}
