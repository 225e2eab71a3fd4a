// GET /api/metrics: Prometheus metrics of the whole installation, read at scrape time (see
// server/services/metrics). Loopback only, or with BATON_METRICS_TOKEN as a bearer token.
import { CLIENT_ADDRESS_HEADER, RELAYED_HEADER } from "@/server/auth/client-address";
import { env } from "@/server/env";
import { metricsAccess } from "@/server/services/metrics/metrics-access";
import { readMetrics } from "@/server/services/metrics/read-metrics";
import { renderMetrics } from "@/server/services/metrics/render-metrics";
import { webDeps } from "@/server/web-deps";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAccess({
    authorization: request.headers.get("authorization"),
    clientAddress: request.headers.get(CLIENT_ADDRESS_HEADER),
    token: env.BATON_METRICS_TOKEN,
    // As the request arrived at the web server, which also drops a client's own copy of the header.
    relayed: request.headers.get(RELAYED_HEADER) !== "0",
  });
  if (!access.allowed) return new Response(`${access.message}\n`, { status: access.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  try {
    const metrics = renderMetrics(await readMetrics(webDeps()));
    return new Response(await metrics.text, { headers: { "content-type": metrics.contentType, "cache-control": "no-store" } });
  } catch (error) {
    // Prometheus records a failed scrape (up == 0); the reason goes to its target page.
    return new Response(`metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`, { status: 503, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
