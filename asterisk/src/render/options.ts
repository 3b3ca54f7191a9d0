// What the renderer needs beyond the API's payload: facts about this host
// (NAT addresses, ARI credentials) that only the installer knows.

/**
 * Asterisk's RTP range. docker/compose.yaml and infra/README.md's firewall
 * rules use the same numbers: 200 ports carry 100 simultaneous calls (RTP and
 * RTCP each take one), well beyond one restaurant's lines.
 */
export const RTP_PORT_START = 10000;
export const RTP_PORT_END = 10199;
export const SIP_PORT = 5060;
export const ARI_HTTP_PORT = 8088;
export const ARI_APP = 'voiceorder';
/** Played when neither the AI nor the staff can take the call (recorded by the installer). */
export const DEFAULT_UNAVAILABLE_SOUND = 'voiceorder/indisponible';
/** How long the staff phones ring when the controller is down, before the message. */
export const DEFAULT_FALLBACK_RING_SECONDS = 25;

export interface RenderOptions {
  /** Public address Asterisk advertises in SDP and Contact headers, when behind NAT. */
  externalAddress?: string | undefined;
  /** Private networks (CIDR) that are not NATed, e.g. the LAN of the HT841. */
  localNets?: string[] | undefined;
  /**
   * Extra address ranges (CIDR) the OVH trunk's calls may come from, beyond
   * the registrar's and outbound proxy's own addresses, which are always
   * matched. OVH publishes them in its telephony guides; they are not guessed here.
   */
  trunkMatch?: string[] | undefined;
  ariUser: string;
  ariPassword: string;
  /** Where Asterisk's HTTP server (ARI) listens; loopback unless the controller is on another host. */
  httpBindAddress?: string | undefined;
  httpPort?: number | undefined;
  rtpStart?: number | undefined;
  rtpEnd?: number | undefined;
  unavailableSound?: string | undefined;
  fallbackRingSeconds?: number | undefined;
  /**
   * Derives the SIP passwords of the HT841 ports and staff phones that have
   * none stored, so they stay the same from one render to the next.
   */
  deviceSecretKey?: string | undefined;
}

export class RenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderError';
  }
}
