// Agent utilisation: the time agents spent running subtasks ÷ the time they were alive, per
// bucket and per profile. Both are intervals (an agent process's start to end, a subtask's first
// claim to result) cut at UTC hour edges, so an agent alive across midnight counts in both days:
// finished ones are summed per hour in AgentTimeRollup (kept by triggers), and live processes and
// running subtasks are cut up to now at query time.
// A subtask's time is credited to the agent that ran it last; a retried subtask's earlier
// attempt on another agent is not split out.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, splitTotal, utc } from "./bucket-sql";

interface Aggregate {
  bucket: Date | null;
  profileId: string | null;
  profile: string | null;
  byProfile: boolean;
  aliveSeconds: number | null;
  busySeconds: number | null;
}

function toUtilisation(row: Pick<Aggregate, "aliveSeconds" | "busySeconds">) {
  const aliveSeconds = row.aliveSeconds ?? 0;
  const busySeconds = row.busySeconds ?? 0;
  return { aliveSeconds, busySeconds, utilisation: aliveSeconds === 0 ? null : busySeconds / aliveSeconds };
}

const HOUR_MS = 3_600_000;

export async function agentUtilisation(db: Db, range: AnalyticsRange, now = new Date()) {
  // Whole hours: the rollup has no finer grain, so a range that starts or ends inside an hour
  // counts that whole hour.
  const from = utc(new Date(Math.floor(range.from.getTime() / HOUR_MS) * HOUR_MS));
  const to = utc(new Date(Math.ceil(range.to.getTime() / HOUR_MS) * HOUR_MS));
  const until = utc(now);
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH pieces AS (
      -- Finished intervals from the rollup; live processes and running subtasks up to now.
      SELECT r.bucket, NULLIF(r."profileId", '') AS profile, r."busyMs" AS busy, r."aliveMs" AS alive
      FROM "AgentTimeRollup" r WHERE r.bucket >= ${from} AND r.bucket < ${to}
      UNION ALL
      SELECT h.bucket, p."profileId", 0, h.ms
      FROM "AgentProcess" p CROSS JOIN LATERAL hour_pieces(GREATEST(p."startedAt", ${from}), LEAST(${until}, ${to})) h
      WHERE p."endedAt" IS NULL
      UNION ALL
      SELECT h.bucket, s."profileId", h.ms, 0
      FROM "Subtask" s CROSS JOIN LATERAL hour_pieces(GREATEST(s."startedAt", ${from}), LEAST(${until}, ${to})) h
      WHERE s."finishedAt" IS NULL AND s."startedAt" IS NOT NULL AND s."agentId" IS NOT NULL
    ),
    agg AS (
      -- 1: per bucket, 2: per profile, 3: the whole range
      SELECT x.bucket, x.profile, GROUPING(x.bucket, x.profile) AS set, (SUM(x.alive) / 1000)::float8 AS alive, (SUM(x.busy) / 1000)::float8 AS busy
      FROM (SELECT ${bucketOf(range, Prisma.sql`p.bucket`)} AS bucket, p.profile, p.alive, p.busy FROM pieces p) x
      GROUP BY GROUPING SETS ((x.bucket), (x.profile), ())
    ),
    rows AS (${bucketsAndTotal(range)})
    SELECT r.bucket, NULL AS "profileId", NULL AS profile, false AS "byProfile", a.alive AS "aliveSeconds", a.busy AS "busySeconds"
    FROM rows r LEFT JOIN agg a ON a.set <> 2 AND a.bucket IS NOT DISTINCT FROM r.bucket
    UNION ALL
    SELECT NULL, a.profile, g.name, true, a.alive, a.busy
    FROM agg a LEFT JOIN "AgentProfile" g ON g.id = a.profile
    WHERE a.set = 2
    ORDER BY 4, 1 NULLS LAST, 3`);
  const byProfile = rows
    .filter((row) => row.byProfile)
    .map((row) => ({ profileId: row.profileId, profile: row.profile ?? "(no profile)", ...toUtilisation(row) }))
    .sort((a, b) => b.aliveSeconds - a.aliveSeconds);
  return { ...splitTotal(rows.filter((row) => !row.byProfile), toUtilisation), byProfile };
}
