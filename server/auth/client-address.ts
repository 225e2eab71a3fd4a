// Headers the web server writes on every request before Next.js sees it, replacing anything a
// client sent: the client's address (rate limits key on it, so it must not be forgeable), whether
// the request came through a proxy this server does not trust (read from the request as it
// arrived: Next.js adds X-Forwarded-For of its own in development), and the page path (so a page
// that requires sign-in can send the user back to it afterwards).
export const CLIENT_ADDRESS_HEADER = "x-baton-client-address";
export const RELAYED_HEADER = "x-baton-relayed";
export const REQUEST_PATH_HEADER = "x-baton-path";

/** The path and query of a request URL, without Next.js's internal `_rsc` cache-buster. */
export function requestPath(url: string | undefined): string {
  const parsed = new URL(url ?? "/", "http://localhost");
  parsed.searchParams.delete("_rsc");
  return parsed.pathname + parsed.search;
}

/**
 * The client's address: the TCP peer, or, behind a trusted reverse proxy (BATON_TRUST_PROXY), the
 * hop that proxy appended to X-Forwarded-For: the last one. Earlier hops are whatever the client
 * sent, so "X-Forwarded-For: 127.0.0.1" from outside cannot pass for this host.
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((hop) => hop.trim()).filter(Boolean);
  return (trustProxy ? hops.at(-1) : undefined) || peer || "unknown";
}

/** "1" when the request carries X-Forwarded-For and proxies are not trusted: its peer may not be its client. */
export function relayedFlag(forwardedFor: string | string[] | undefined, trustProxy: boolean): "1" | "0" {
  return !trustProxy && forwardedFor !== undefined ? "1" : "0";
}
