// Agent utilisation: the time agents spent running subtasks ÷ the time they were alive, per
// bucket and per profile. Both are intervals (an agent process's start to end, a subtask's first
// claim to result) cut at bucket edges, so an agent alive across midnight counts in both days.
// A subtask's time is credited to the agent that ran it last; a retried subtask's earlier
// attempt on another agent is not split out.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, bucketStep, splitTotal, utc } from "./bucket-sql";

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

export async function agentUtilisation(db: Db, range: AnalyticsRange, now = new Date()) {
  const [from, to, until] = [utc(range.from), utc(range.to), utc(now)];
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH spans AS (
      SELECT p."profileId" AS profile, p."startedAt" AS s, COALESCE(p."endedAt", ${until}) AS e, 'alive' AS kind
      FROM "AgentProcess" p
      WHERE p."startedAt" < ${to} AND (p."endedAt" IS NULL OR p."endedAt" > ${from})
      UNION ALL
      SELECT st."profileId", st."startedAt", COALESCE(st."finishedAt", ${until}), 'busy'
      FROM "Subtask" st
      WHERE (st."finishedAt" > ${from} OR st."finishedAt" IS NULL) AND st."startedAt" < ${to} AND st."agentId" IS NOT NULL
    ),
    clipped AS (
      SELECT profile, kind, GREATEST(s, ${from}) AS s, LEAST(e, ${to}) AS e, ${bucketOf(range, Prisma.sql`GREATEST(s, ${from})`)} AS first FROM spans
    ),
    pieces AS (
      -- Most spans lie inside one bucket and need no cutting.
      SELECT c.profile, c.kind, c.first AS bucket, EXTRACT(EPOCH FROM (c.e - c.s))::float8 AS seconds
      FROM clipped c WHERE c.e > c.s AND c.e <= c.first + ${bucketStep(range)}
      UNION ALL
      SELECT c.profile, c.kind, g, EXTRACT(EPOCH FROM (LEAST(c.e, g + ${bucketStep(range)}) - GREATEST(c.s, g)))::float8
      FROM clipped c
      CROSS JOIN LATERAL generate_series(c.first, c.e - interval '1 microsecond', ${bucketStep(range)}) g
      WHERE c.e > c.first + ${bucketStep(range)}
    ),
    agg AS (
      -- 1: per bucket, 2: per profile, 3: the whole range
      SELECT bucket, profile, GROUPING(bucket, profile) AS set,
        SUM(seconds) FILTER (WHERE kind = 'alive') AS alive,
        SUM(seconds) FILTER (WHERE kind = 'busy') AS busy
      FROM pieces
      GROUP BY GROUPING SETS ((bucket), (profile), ())
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
