// How a platform's "slot already taken" is marked on an outbox row, shared by
// the worker that writes it and the readers that turn it into alternatives.
export const CONFLICT_PREFIX = 'conflict:';
