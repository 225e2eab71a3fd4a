// `npm run bench:dashboard`: times every dashboard query shape against a seeded database
// (DATABASE_URL, filled by `npm run db:seed-scale`) and prints p50/p95/max against each goal.
// Exits 1 when a query misses its goal. Options: --runs <n> (default 30), --only <text>.
import { createPrisma } from "../server/db/create-prisma";
import type { BenchContext, BenchEntries, BenchEntry } from "./dashboard/bench-entry";
import { analyticsEntries } from "./dashboard/analytics-entries";
import { overviewEntries } from "./dashboard/overview-entries";
import { taskListEntries } from "./dashboard/task-list-entries";

/** Each area of the dashboard adds its entries here. */
const ENTRY_SETS: BenchEntries[] = [taskListEntries, analyticsEntries, overviewEntries];

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option("--runs") ?? 30);
const only = option("--only");
const WARMUP = 3;

const url = process.env.DATABASE_URL;
if (!url || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: DATABASE_URL=postgresql://…/baton_scale npm run bench:dashboard [-- --runs 30] [-- --only <text>]");
  process.exit(2);
}
const db = createPrisma(url, { max: 2 });

async function context(): Promise<BenchContext> {
  const tasks = await db.task.count();
  if (tasks < 10_000) {
    console.error(`Only ${tasks} tasks in this database: load the scale data first (npm run db:seed-scale).`);
    process.exit(2);
  }
  const [creator] = await db.task.groupBy({ by: ["createdById"], _count: { _all: true }, orderBy: { _count: { createdById: "desc" } }, take: 1 });
  const [profile] = await db.subtask.groupBy({ by: ["profileId"], where: { profileId: { not: null } }, _count: { _all: true }, orderBy: { _count: { profileId: "asc" } }, take: 1 });
  const newest = await db.task.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  console.log(`${tasks.toLocaleString("en-US")} tasks; ${runs} runs per query after ${WARMUP} warm-up runs\n`);
  return { db, busyCreatorId: creator!.createdById!, rareProfileId: profile!.profileId!, newestCreatedAt: newest.createdAt };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(entry: BenchEntry, ctx: BenchContext) {
  for (let i = 0; i < WARMUP; i++) await entry.run(ctx);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await entry.run(ctx);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
}

try {
  const ctx = await context();
  const entries = (await Promise.all(ENTRY_SETS.map((set) => set(ctx)))).flat().filter((e) => !only || `${e.group} ${e.name}`.includes(only));
  const width = Math.max(...entries.map((e) => e.name.length));
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  let missed = 0;
  let group = "";
  for (const entry of entries) {
    if (entry.group !== group) console.log(`${(group = entry.group)}${" ".repeat(width - entry.group.length + 2)}      p50       p95       max   goal (p95)`);
    const { p50, p95, max } = await measure(entry, ctx);
    const ok = p95 < entry.goalMs;
    if (!ok) missed++;
    console.log(`  ${entry.name.padEnd(width)}  ${ms(p50)} ${ms(p95)} ${ms(max)}   ${ok ? "ok" : "MISSED"} (< ${entry.goalMs} ms)`);
  }
  console.log(missed ? `\n${missed} of ${entries.length} queries missed their goal.` : `\nAll ${entries.length} queries met their goal.`);
  process.exitCode = missed ? 1 : 0;
} finally {
  await db.$disconnect();
}
