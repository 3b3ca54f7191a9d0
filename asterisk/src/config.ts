// The CLI's configuration, read once: where the API and ARI are, the service
// token, and the facts about this host the Asterisk config needs. Nothing else
// in the CLI reads process.env.
export interface CliConfig {
  apiUrl: string;
  apiToken: string | undefined;
  ariUrl: string;
  ariUser: string;
  ariPassword: string | undefined;
  /** Public address of this host when Asterisk is behind NAT. */
  externalAddress: string | undefined;
  localNets: string[];
  /** Extra CIDR ranges OVH's calls may come from (see infra/README.md). */
  trunkMatch: string[];
  deviceSecretKey: string | undefined;
  /** For `lines add`, so the password stays out of the shell history. */
  sipSecret: string | undefined;
  httpBindAddress: string;
  configDir: string;
}

const list = (v: string | undefined): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function loadCliConfig(env: Record<string, string | undefined> = process.env): CliConfig {
  return {
    apiUrl: env.VOICEORDER_API_URL || 'http://127.0.0.1:3000',
    apiToken: env.VOICEORDER_API_TOKEN || undefined,
    ariUrl: env.VOICEORDER_ARI_URL || 'http://127.0.0.1:8088',
    ariUser: env.VOICEORDER_ARI_USER || 'voiceorder',
    ariPassword: env.VOICEORDER_ARI_PASSWORD || undefined,
    externalAddress: env.VOICEORDER_EXTERNAL_ADDRESS || undefined,
    localNets: list(env.VOICEORDER_LOCAL_NETS),
    trunkMatch: list(env.VOICEORDER_TRUNK_MATCH),
    deviceSecretKey: env.VOICEORDER_DEVICE_SECRET_KEY || undefined,
    sipSecret: env.VOICEORDER_SIP_SECRET || undefined,
    httpBindAddress: env.VOICEORDER_ARI_BIND || '127.0.0.1',
    configDir: env.VOICEORDER_ASTERISK_CONFIG_DIR || '/etc/asterisk',
  };
}
