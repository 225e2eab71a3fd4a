// Loads what the estimator needs for a plan — the profile each subtask will go to, model prices,
// agent counts, and the history of succeeded subtasks — and returns the plan's estimate. Similar
// titles are matched with pg_trgm (created by the migrations, with a trigram index on titles).
import { LIVE_AGENT_STATES } from "../../contracts/agent-state";
import type { PlannedSubtask } from "../../contracts/plan";
import type { Db } from "../../db/create-prisma";
import type { PriceRates } from "../costs/compute-cost";
import { GENERALIST_PROFILE, routeProfile } from "../profiles/route-profile";
import { estimatePlan, type PlanEstimate, type UsageHistory } from "./estimate-plan";

/** Recent history is what the fleet does now; older runs used other prompts and models. */
const HISTORY_PER_PROFILE = 200;
const SIMILAR_PER_SUBTASK = 20;

export interface LoadedPlanEstimate {
  estimate: PlanEstimate;
  /** The profile each subtask will run on (null only when no profile exists at all). */
  routed: ({ id: string; name: string } | null)[];
}

type HistoryRow = UsageHistory & { key: string };

/** A succeeded run with its times: the condition of both history indexes (see their migration). */
const SUCCEEDED_RUN = `s.status = 'SUCCEEDED' AND s."startedAt" IS NOT NULL AND s."finishedAt" IS NOT NULL`;

const HISTORY_COLUMNS = (alias: string) => `
  count(*)::int AS samples,
  avg(${alias}."inputTokens")::float8 AS "inputTokens",
  avg(${alias}."outputTokens")::float8 AS "outputTokens",
  avg(${alias}."cacheWriteTokens")::float8 AS "cacheWriteTokens",
  avg(${alias}."cacheReadTokens")::float8 AS "cacheReadTokens",
  avg(extract(epoch FROM (${alias}."finishedAt" - ${alias}."startedAt")))::float8 AS seconds`;

export async function loadPlanEstimate(
  db: Db,
  subtasks: Pick<PlannedSubtask, "title" | "capabilities" | "dependsOn" | "priority" | "estimateSeconds">[],
  options: { defaultModel: string },
): Promise<LoadedPlanEstimate> {
  const [profiles, priceRows, live] = await Promise.all([
    db.agentProfile.findMany({ select: { id: true, name: true, capabilities: true, model: true, maxAgents: true } }),
    db.modelPrice.findMany(),
    db.agentProcess.groupBy({ by: ["profileId"], where: { state: { in: [...LIVE_AGENT_STATES] } }, _count: { _all: true } }),
  ]);
  const routed = subtasks.map((subtask) => routeProfile(subtask.capabilities, profiles) ?? null);
  const profileIds = [...new Set(routed.flatMap((profile) => (profile ? [profile.id] : [])))];

  const [byProfile, similar] = await Promise.all([profileHistory(db, profileIds), similarHistory(db, subtasks.map((s) => s.title))]);
  const liveCount = new Map(live.map((row) => [row.profileId, row._count._all]));
  const agents = new Map(profiles.map((profile) => [profile.name, Math.max(profile.maxAgents, liveCount.get(profile.id) ?? 0)]));
  const prices = new Map<string, PriceRates>(priceRows.map((row) => [row.model, row]));

  const estimate = estimatePlan(
    subtasks.map((subtask, index) => {
      const profile = routed[index];
      return {
        dependsOn: subtask.dependsOn,
        priority: subtask.priority,
        profile: profile?.name ?? GENERALIST_PROFILE,
        model: profile?.model ?? options.defaultModel,
        similar: similar.get(String(index)) ?? null,
        profileHistory: profile ? (byProfile.get(profile.id) ?? null) : null,
        plannerSeconds: subtask.estimateSeconds ?? null,
      };
    }),
    prices,
    agents,
  );
  return { estimate, routed: routed.map((profile) => (profile ? { id: profile.id, name: profile.name } : null)) };
}

async function profileHistory(db: Db, profileIds: string[]): Promise<Map<string, UsageHistory>> {
  if (profileIds.length === 0) return new Map();
  // Each profile's latest runs come from the history index in order, whatever its length.
  const rows = await db.$queryRawUnsafe<HistoryRow[]>(
    `SELECT p.id AS key, ${HISTORY_COLUMNS("recent")}
     FROM unnest($1::text[]) AS p(id)
     CROSS JOIN LATERAL (
       SELECT s."inputTokens", s."outputTokens", s."cacheWriteTokens", s."cacheReadTokens", s."startedAt", s."finishedAt"
       FROM "Subtask" s
       WHERE s."profileId" = p.id AND ${SUCCEEDED_RUN}
       ORDER BY s."finishedAt" DESC
       LIMIT ${HISTORY_PER_PROFILE}
     ) recent
     GROUP BY p.id`,
    profileIds,
  );
  return new Map(rows.map(({ key, ...history }) => [key, history]));
}

/** Per subtask (keyed by its index), the closest succeeded subtasks by title. */
async function similarHistory(db: Db, titles: string[]): Promise<Map<string, UsageHistory>> {
  if (titles.length === 0) return new Map();
  // `%` is pg_trgm's "similar enough" (similarity above pg_trgm.similarity_threshold, 0.3 by
  // default); `<->` is its distance (1 − similarity), which the GiST index returns nearest first.
  // Among equally close titles, which ones are taken is up to the index.
  const rows = await db.$queryRawUnsafe<HistoryRow[]>(
    `SELECT (q.i - 1)::text AS key, ${HISTORY_COLUMNS("match")}
     FROM unnest($1::text[]) WITH ORDINALITY AS q(title, i)
     CROSS JOIN LATERAL (
       SELECT s."inputTokens", s."outputTokens", s."cacheWriteTokens", s."cacheReadTokens", s."startedAt", s."finishedAt"
       FROM "Subtask" s
       WHERE ${SUCCEEDED_RUN} AND s.title % q.title
       ORDER BY s.title <-> q.title
       LIMIT ${SIMILAR_PER_SUBTASK}
     ) match
     GROUP BY q.i`,
    titles,
  );
  return new Map(rows.map(({ key, ...history }) => [key, history]));
}
