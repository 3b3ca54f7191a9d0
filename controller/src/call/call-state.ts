// A call's states and how calls end, as enumerations the logs, the API and
// the tests share.
export type CallState =
  | 'starting'      // StasisStart seen; session, media and model being set up
  | 'active'        // caller ↔ model audio flowing
  | 'transferring'  // model off the line, staff phone ringing
  | 'with_staff'    // caller bridged to a human
  | 'closed';

export type EndedBy = 'caller' | 'agent' | 'staff' | 'system';

export type EndReason =
  | 'caller_hangup'
  | 'agent_end_call'
  | 'transfer_completed'
  | 'max_duration'
  | 'idle_timeout'
  | 'setup_failed'
  | 'realtime_failed'
  | 'controller_shutdown';

/** Which transitions are legal; anything else is a bug and is logged, not followed. */
export const NEXT_STATES: Record<CallState, readonly CallState[]> = {
  starting: ['active', 'closed'],
  active: ['transferring', 'closed'],
  transferring: ['with_staff', 'active', 'closed'],
  with_staff: ['closed'],
  closed: [],
};
