// The CLI's configuration, read once: where the API is and the service token.
export interface CliConfig {
  apiUrl: string;
  apiToken: string | undefined;
}

export function loadCliConfig(env: Record<string, string | undefined> = process.env): CliConfig {
  return { apiUrl: env.VOICEORDER_API_URL || 'http://127.0.0.1:3000', apiToken: env.VOICEORDER_API_TOKEN || undefined };
}
