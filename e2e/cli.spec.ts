// The `baton` CLI as a separate process against the real web server, agent daemon, simulated
// Claude, PostgreSQL and Redis, authenticated with API tokens made in the database.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { formatUsd } from "../server/client/format-usd";
import { createPrisma, type Db } from "../server/db/create-prisma";
import { apiTokenFor, createUser } from "../server/testing/test-users";

const BATON_BIN = path.join(import.meta.dirname, "..", "bin", "baton");

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<Finished>;
}

let db: Db;
const tokens = { write: "", read: "", revoked: "" };

test.beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL must point at the e2e database");
  db = createPrisma(databaseUrl, { max: 2 });
  const member = await createUser(db, "MEMBER");
  tokens.write = await apiTokenFor(db, member, "WRITE");
  tokens.read = await apiTokenFor(db, member, "READ");
  tokens.revoked = await apiTokenFor(db, member, "WRITE", { revokedAt: new Date() });
});

test.afterAll(async () => {
  await db?.$disconnect();
});

/** Starts the CLI from another directory with nothing of the server's environment. */
function startBaton(args: string[], { token, baseURL }: { token: string; baseURL: string }): Running {
  const { NODE_ENV, PATH, HOME, TMPDIR } = process.env;
  const env = { NODE_ENV, PATH, HOME, TMPDIR, BATON_URL: baseURL, BATON_TOKEN: token };
  const child = spawn(BATON_BIN, args, { cwd: "/", env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

const runBaton = (args: string[], options: { token: string; baseURL: string }) => startBaton(args, options).exited;

/** The seq column of `baton task logs` output. */
function seqsOf(output: string): number[] {
  return output
    .split("\n")
    .filter(Boolean)
    .map((line) => Number(/^\s*(\d+)\s/.exec(line)?.[1] ?? NaN));
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

test("task create --wait --json runs a task to the end and prints its result", async ({ baseURL }) => {
  const as = { token: tokens.write, baseURL: baseURL! };
  const created = await runBaton(["task", "create", "Summarise the two largest files in the workspace, then write a combined report", "--wait", "--json"], as);
  expect(created.code, created.stderr).toBe(0);
  expect(created.stderr).toContain("Task succeeded.");
  const task = JSON.parse(created.stdout) as { id: string; status: string; resultMarkdown: string };
  expect(task.status).toBe("SUCCEEDED");
  expect(task.resultMarkdown).toContain("largest file");

  const logs = await runBaton(["task", "logs", task.id], as);
  expect(logs.code, logs.stderr).toBe(0);
  const seqs = seqsOf(logs.stdout);
  expect(seqs.length).toBeGreaterThan(10);
  expect(seqs).toEqual(oneToN(seqs.length));
  expect(logs.stdout).toMatch(/^\s+1 {2}\d\d:\d\d:\d\d {2}\[task\] {2}STATUS {7}Task submitted; planning\.$/m);
  expect(logs.stdout).toMatch(/\[#1\] {4}TOOL_CALL {4}list_files/);

  const listed = await runBaton(["task", "list", "--status", "succeeded"], as);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toMatch(new RegExp(`^${task.id}\\s+SUCCEEDED\\s+(\\d+)/\\1\\s`, "m"));
});

test("task create --review --wait returns once the plan waits for review", async ({ baseURL }) => {
  const as = { token: tokens.write, baseURL: baseURL! };
  const created = await runBaton(["task", "create", "Summarise the two largest files in the workspace", "--review", "--wait", "--json"], as);
  expect(created.code, created.stderr).toBe(0);
  expect(created.stderr).toMatch(/waits for review of its plan; approve or discard it on the task page\.$/m);
  const task = JSON.parse(created.stdout) as { id: string; status: string; estimatedCostMicros: unknown };
  expect(task.status).toBe("AWAITING_REVIEW");
  expect((await db.subtask.findMany({ where: { taskId: task.id } })).every((s) => s.status === "PENDING")).toBe(true);

  const cancelled = await runBaton(["task", "cancel", task.id], as);
  expect(cancelled.code, cancelled.stderr).toBe(0);
});

test("task logs --follow streams a running task until another process cancels it", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const as = { token: tokens.write, baseURL: baseURL! };
  // A chain of slow steps rather than `[sim:cmd=sleep 30]`: the chain's steps go to analysts,
  // which run no commands, and with the e2e config's relative BATON_WORKSPACES bubblewrap cannot
  // start one. Each step's second of simulated work keeps the task running well past the cancel.
  const created = await runBaton(["task", "create", "Step through the workspace [sim:chain=20] [sim:work=1000]"], as);
  expect(created.code, created.stderr).toBe(0);
  const taskId = created.stdout.trim();

  const follower = startBaton(["task", "logs", taskId, "--follow"], as);
  // Step 2 starts seconds after the follower did, so these lines arrived live.
  await expect.poll(follower.stdout, { timeout: 45_000 }).toMatch(/\[#2\] {4}STATUS {7}Started "Step 2 of 20"/);
  const linesBeforeCancel = seqsOf(follower.stdout()).length;

  const cancelledAt = Date.now();
  const cancel = await runBaton(["task", "cancel", taskId], as);
  expect(cancel).toMatchObject({ code: 0, stdout: `Cancelled task ${taskId}.\n` });
  const followed = await follower.exited;
  const followerExitMs = Date.now() - cancelledAt;
  console.log(`follower exited ${followerExitMs} ms after the cancel command started (${linesBeforeCancel} lines before it)`);

  expect(followed.code, followed.stderr).toBe(1);
  expect(followed.stderr).toMatch(new RegExp(`task ${taskId} cancelled: Cancelled by member-`));
  expect(followerExitMs).toBeLessThan(10_000);
  const followedSeqs = seqsOf(followed.stdout);
  expect(followedSeqs).toEqual(oneToN(followedSeqs.length));
  expect(followed.stdout).toMatch(/STATUS {7}Cancelled by member-/);

  // Every stored line was shown once, live and history merged by seq.
  const stored = await runBaton(["task", "logs", taskId], as);
  expect(seqsOf(stored.stdout)).toEqual(followedSeqs);
  const status = await runBaton(["task", "get", taskId, "--json"], as);
  expect(JSON.parse(status.stdout)).toMatchObject({ status: "CANCELLED" });
  // For people: what the task has spent, the server's figure (micro-dollars, a bigint) in dollars.
  const { costMicros } = JSON.parse(status.stdout) as { costMicros: string };
  expect(BigInt(costMicros)).toBeGreaterThan(0n);
  const shown = await runBaton(["task", "get", taskId], as);
  expect(shown.stdout).toContain(`\nCost:      ${formatUsd(BigInt(costMicros))}\n`);
});

test("a read-only token can look but not create", async ({ baseURL }) => {
  const as = { token: tokens.read, baseURL: baseURL! };
  const whoami = await runBaton(["whoami"], as);
  expect(whoami.code).toBe(0);
  expect(whoami.stdout).toContain("viewer (team role member), through this API token");

  const refused = await runBaton(["task", "create", "Write a haiku about queues"], as);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toBe("");
  expect(refused.stderr).toBe('baton: "task.create" needs the member role or higher; you are a viewer (through this token).\n');
});

test("a revoked token is refused with the server's reason", async ({ baseURL }) => {
  const refused = await runBaton(["task", "list"], { token: tokens.revoked, baseURL: baseURL! });
  expect(refused).toEqual({ code: 1, stdout: "", stderr: "baton: The API token has been revoked.\n" });
});
