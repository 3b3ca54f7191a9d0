// Dialplan context names, shared by pjsip.conf (where calls enter) and
// extensions.conf (what happens to them). The controller relies on these.
import type { AsteriskLine } from '../../../api/src/contract/provisioning.ts';
import { transferContextName } from '../../../api/src/contract/agent.ts';

/** Each incoming endpoint has its own context: the line, not the request URI (whose form varies), decides the DID. */
export const contextForLine = (l: AsteriskLine): string => `vo-in-${l.endpointName}`;
export const DID_CONTEXT = 'vo-did';
export const AI_CONTEXT = 'vo-ai';
export const STAFF_FIRST_CONTEXT = 'vo-staff-first';
export const FALLBACK_CONTEXT = 'vo-fallback';
export const STAFF_CONTEXT = 'vo-staff';
export const hoursContext = (slug: string): string => `vo-hours-${slug}`;
/** The controller originates transfers to numbers into this context (see the contract's TransferTarget.dial). */
export const transferContext = transferContextName;
export const outboundContext = (slug: string): string => `vo-outbound-${slug}`;
