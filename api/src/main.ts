// Entry point for the API alone (`tsx api/src/main.ts`, used by the docker image).
import { ConfigError, loadConfig } from './config.ts';
import { startApi } from './server.ts';

try {
  const config = loadConfig();
  const api = await startApi(config);
  api.log.info({ url: api.url }, 'API listening');
  const stop = (signal: string) => {
    api.log.info({ signal }, 'shutting down');
    api.close().then(() => process.exit(0), (err: unknown) => {
      api.log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}
