// Where a call goes when the agent hands it to a human, and how the controller dials it.
import { transferContextName, type TransferTarget } from '../../contract/agent.ts';

interface RestaurantTransfer {
  slug: string;
  transferTargetKind: 'endpoint' | 'number' | null;
  transferTarget: string | null;
  transferTimeoutMs: number;
}

export function transferTarget(r: RestaurantTransfer): TransferTarget | null {
  if (!r.transferTargetKind || !r.transferTarget) return null;
  const dial = r.transferTargetKind === 'endpoint' ? `PJSIP/${r.transferTarget}` : `Local/${r.transferTarget}@${transferContextName(r.slug)}`;
  return { kind: r.transferTargetKind, target: r.transferTarget, timeoutMs: r.transferTimeoutMs, dial };
}
