// The API's contract: request and response schemas shared with the controller,
// the dashboard and the CLI. Nothing here may import server-only code.
export * from './common.ts';
export * from './auth.ts';
export * from './restaurant.ts';
export * from './health.ts';
