// The API's contract: request and response schemas shared with the controller,
// the dashboard and the CLI. Nothing here may import server-only code.
export * from './common.ts';
export * from './auth.ts';
export * from './restaurant.ts';
export * from './health.ts';
export * from './commerce.ts';
export * from './live.ts';
export * from './operations.ts';
export * from './delivery.ts';
export * from './catalog.ts';
export * from './agent.ts';
export * from './provisioning.ts';
export * from './menu-import.ts';
export * from './sync.ts';
