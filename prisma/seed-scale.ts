// `npm run db:seed-scale`: fills the database at DATABASE_URL with 100,000 tasks (subtasks, model
// calls, spend, estimates, failures with reasons) and about 2,000,000 log events, for benchmarks
// and for checking the dashboard at scale. Refuses the demo and test databases unless --force,
// and a database that already has tasks unless --reset (which empties the task tables first).
import { execFileSync } from "node:child_process";
import pg from "pg";
import { LOG_HEAVY_TASK_ID, SEED_STEPS } from "./seed-scale-sql";

const args = new Set(process.argv.slice(2));
const url = process.env.DATABASE_URL;
if (!url || args.has("--help")) {
  console.error("usage: DATABASE_URL=postgresql://…/baton_scale npm run db:seed-scale [-- --reset] [-- --force]");
  process.exit(url ? 0 : 2);
}
const name = decodeURIComponent(new URL(url).pathname.slice(1));
if ((name === "baton" || /test/.test(name)) && !args.has("--force")) {
  console.error(`Refusing to load scale data into "${name}", which looks like the demo or a test database. Use another database, or pass --force.`);
  process.exit(2);
}

const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const run = (script: string[]) => execFileSync("node", script, { stdio: ["ignore", "ignore", "inherit"], env: process.env });

console.log(`Preparing ${name}: migrations, default profiles and prices…`);
run(["bin/lib/probe.mjs", "ensure-db", url]);
run(["bin/lib/migrate.mjs"]);
run(["--import", "tsx", "prisma/seed.ts"]);

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Task"`);
  if (Number(rows[0]!.n) > 0) {
    if (!args.has("--reset")) {
      console.error(`${name} already has ${rows[0]!.n} tasks. Pass --reset to empty the task tables and load the scale data again.`);
      process.exit(2);
    }
    console.log("Emptying the task tables (--reset)…");
    await client.query(`TRUNCATE "Task", "AgentProcess" CASCADE; DELETE FROM "User" WHERE id LIKE 'scale-user-%'`);
  }
  // A bulk load: losing it in a crash only means running the seed again.
  await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SELECT setseed(0.42)`);
  // The rows reference each other correctly by construction, so per-row foreign-key checks (most
  // of the load time) are skipped where the role may; elsewhere they run and it is just slower.
  await client.query(`SET session_replication_role = replica`).catch(() => console.log("(foreign keys are checked row by row: this takes longer)"));
  for (const [i, step] of SEED_STEPS.entries()) {
    const stepStarted = Date.now();
    process.stdout.write(`[${i + 1}/${SEED_STEPS.length}] ${step.label}… `);
    await client.query(step.sql);
    console.log(seconds(stepStarted));
  }
  const counts = await client.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM "Task") AS tasks, (SELECT count(*) FROM "Subtask") AS subtasks,
           (SELECT count(*) FROM "ModelCall") AS "model calls", (SELECT count(*) FROM "LogEvent") AS "log events"`);
  const summary = Object.entries(counts.rows[0]!).map(([what, n]) => `${Number(n).toLocaleString("en-US")} ${what}`);
  console.log(`Done in ${seconds(started)}: ${summary.join(", ")}.`);
  console.log(`The log-heavy task (50,000 lines): /tasks/${LOG_HEAVY_TASK_ID}`);
} finally {
  await client.end();
}
