// Entry point for the API alone (`tsx api/src/main.ts`, used by the docker image).
import { loadConfigOrExit } from './config.ts';
import { startApi } from './server.ts';

const api = await startApi(loadConfigOrExit());
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
