// Who may scrape /api/metrics. With BATON_METRICS_TOKEN set: whoever sends it as a bearer token,
// from anywhere. Without it: only clients on this host (loopback), so a fresh installation
// exposes nothing about its fleet to the network. The client address is the one the web server
// wrote (the TCP peer, or the hop a trusted proxy appended to X-Forwarded-For), never a header
// the client chose.
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

export const isLoopback = (address: string | null | undefined) => !!address && LOOPBACK.test(address);

// Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * `relayed`: the request came through a proxy this server does not trust (it carries
 * X-Forwarded-For, BATON_TRUST_PROXY is off). Its peer is then the proxy, on this host perhaps,
 * but the client is anyone: loopback does not count.
 */
export function metricsAccess(request: { authorization: string | null; clientAddress: string | null; token: string | undefined; relayed?: boolean }): MetricsAccess {
  if (request.token) {
    const offered = request.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    if (offered && timingSafeEqual(digest(offered), digest(request.token))) return { allowed: true };
    return { allowed: false, status: 401, message: "Send the metrics token as Authorization: Bearer <BATON_METRICS_TOKEN>." };
  }
  if (isLoopback(request.clientAddress) && !request.relayed) return { allowed: true };
  return {
    allowed: false,
    status: 403,
    message: "Metrics are served only to this host's loopback address. Set BATON_METRICS_TOKEN to let a Prometheus elsewhere scrape with that bearer token.",
  };
}
