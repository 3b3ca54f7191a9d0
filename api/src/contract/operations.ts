// Operations: FAQ, callback messages, customers, phone lines, settings, calls,
// statistics and platform administration. Split by concern under ./operations/.
export * from './operations/paging.ts';
export * from './operations/knowledge.ts';
export * from './operations/customers.ts';
export * from './operations/phone-lines.ts';
export * from './operations/settings.ts';
export * from './operations/calls.ts';
export * from './operations/stats.ts';
export * from './operations/admin.ts';
export * from './operations/admin-import.ts';
export * from './operations/voice-servers.ts';
