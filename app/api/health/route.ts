// GET /api/health: 200 when PostgreSQL, Redis and the agent fleet are fine, else 503 naming what is down.
import { checkHealth } from "@/server/services/health/check-health";
import { webDeps } from "@/server/web-deps";

export const dynamic = "force-dynamic";

export async function GET() {
  const deps = webDeps();
  const report = await checkHealth({ db: deps.db, redis: deps.redis, fleetPause: deps.fleetPause, simulated: deps.simulated });
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
