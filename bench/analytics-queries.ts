// `npm run bench:analytics`: times every analytics and overview query against a seeded database
// (DATABASE_URL with the scale data loaded) at the ranges the analytics page offers, and prints
// p50/p95/max against the goal. Exits 1 when a query misses it. Options: --runs <n>, --only <text>.
import { createPrisma, type Db } from "../server/db/create-prisma";
import { agentUtilisation } from "../server/services/analytics/agent-utilisation";
import { analyticsSummary } from "../server/services/analytics/analytics-summary";
import { ZAnalyticsRangeSchema, type AnalyticsRange } from "../server/services/analytics/analytics-range";
import { costEstimates } from "../server/services/analytics/cost-estimates";
import { durations } from "../server/services/analytics/durations";
import { failureReasons } from "../server/services/analytics/failure-reasons";
import { queueWait } from "../server/services/analytics/queue-wait";
import { taskOutcomes } from "../server/services/analytics/task-outcomes";
import { usageBreakdown } from "../server/services/analytics/usage-breakdown";
import { queueDepths } from "../server/services/overview/queue-depths";
import { taskOverview } from "../server/services/overview/task-overview";

const GOAL_MS = 150;
const WARMUP = 3;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option("--runs") ?? 30);
const only = option("--only");
const url = process.env.DATABASE_URL;
if (!url || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: DATABASE_URL=postgresql://…/baton_scale npm run bench:analytics [-- --runs 30] [-- --only <text>]");
  process.exit(2);
}
const db = createPrisma(url, { max: 2 });

interface Entry {
  group: string;
  name: string;
  run: () => Promise<unknown>;
}

/** The ranges the page offers (ending at the newest task, as "now"), and all 90 days of the scale data. */
function entries(now: number): Entry[] {
  const range = (days: number, bucket: "hour" | "day"): AnalyticsRange => {
    const step = bucket === "hour" ? HOUR : DAY;
    const to = Math.ceil(now / step) * step;
    return ZAnalyticsRangeSchema.parse({ from: new Date(to - days * DAY), to: new Date(to), bucket });
  };
  const ranges: [string, AnalyticsRange][] = [
    ["24 h by hour", range(1, "hour")],
    ["7 d by hour", range(7, "hour")],
    ["30 d by day", range(30, "day")],
    ["90 d by day", range(90, "day")],
  ];
  const queries: [string, (db: Db, range: AnalyticsRange) => Promise<unknown>][] = [
    ["summary", analyticsSummary],
    ["outcomes", taskOutcomes],
    ["durations", durations],
    ["estimates", costEstimates],
    ["queue wait", queueWait],
    ["utilisation", (db, r) => agentUtilisation(db, r, new Date(now))],
    ["usage", usageBreakdown],
    ["failures", failureReasons],
  ];
  return [
    ...queries.flatMap(([query, run]) => ranges.map(([label, r]): Entry => ({ group: "analytics", name: `${query}, ${label}`, run: () => run(db, r) }))),
    { group: "overview", name: "task lists and counts", run: () => taskOverview(db) },
    { group: "overview", name: "queue per profile", run: () => queueDepths(db) },
  ];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(entry: Entry) {
  for (let i = 0; i < WARMUP; i++) await entry.run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await entry.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
}

try {
  const tasks = await db.task.count();
  if (tasks < 10_000) {
    console.error(`Only ${tasks} tasks in this database: load the scale data first (npm run db:seed-scale).`);
    process.exit(2);
  }
  // A bulk load with triggers off (the scale seed) leaves the spend rollup empty.
  if ((await db.modelCall.count()) > 0 && (await db.modelCallRollup.count()) === 0) {
    console.error('ModelCallRollup is empty although ModelCall is not: run SELECT rebuild_model_call_rollup() in this database first.');
    process.exit(2);
  }
  const newest = await db.task.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  console.log(`${tasks.toLocaleString("en-US")} tasks; ${runs} runs per query after ${WARMUP} warm-up runs\n`);
  const selected = entries(newest.createdAt.getTime()).filter((e) => !only || `${e.group} ${e.name}`.includes(only));
  const width = Math.max(...selected.map((e) => e.name.length));
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  let missed = 0;
  let group = "";
  for (const entry of selected) {
    if (entry.group !== group) console.log(`${(group = entry.group)}${" ".repeat(width - entry.group.length + 2)}      p50       p95       max   goal (p95)`);
    const { p50, p95, max } = await measure(entry);
    const ok = p95 < GOAL_MS;
    if (!ok) missed++;
    console.log(`  ${entry.name.padEnd(width)}  ${ms(p50)} ${ms(p95)} ${ms(max)}   ${ok ? "ok" : "MISSED"} (< ${GOAL_MS} ms)`);
  }
  console.log(missed ? `\n${missed} of ${selected.length} queries missed their goal.` : `\nAll ${selected.length} queries met their goal.`);
  process.exitCode = missed ? 1 : 0;
} finally {
  await db.$disconnect();
}
