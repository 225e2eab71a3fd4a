// Overhead share: with a realistically slow simulated Claude (0.5 s to the first token, then 50
// tokens/s; three tool turns per subtask), the share of the busy wall time that is spent inside
// model calls, through the whole pipeline and, as the baseline in the same run, through a plain
// loop that calls the same simulated Claude with the SDK and runs the same tools (no queue, no
// database, no separate processes). Definitions are in bench/README.md.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Anthropic from "@anthropic-ai/sdk";
import { createSimServer } from "../agent/sim/create-sim-server";
import { listFiles, readFile, writeFile } from "../agent/tools/file-tools";
import { isToolName, toolDefinition } from "../agent/tools/tool-definitions";
import { subtaskPrompt } from "../agent/worker/handlers/run-subtask";
import { ensureWorkspace } from "../agent/worker/workspace";
import type { Plan } from "../server/contracts/plan";
import { DEFAULT_PROFILES } from "../server/services/profiles/default-profiles";
import { routeProfile } from "../server/services/profiles/route-profile";
import { idleAgents, runTask, startFleet, type Fleet } from "./support/pipeline";
import { percentile, printResult } from "./support/report";

const TASKS = Number(process.env.BENCH_TASKS ?? 3);
/** Tasks run in rounds of this many at once; the fleet is sized for one round. */
const PARALLEL = Math.min(TASKS, Number(process.env.BENCH_PARALLEL ?? 1));
const FIRST_TOKEN_MS = 500;
const TOKEN_MS = 20; // one streamed chunk is about one token: 50 tokens/s
const GOAL = 0.98;
const prompts = Array.from({ length: TASKS }, (_, i) => `Summarize the two largest files in the workspace (set ${i + 1})`);

/** One stretch of busy wall time and the part of it spent inside model calls (and, in the baseline, tools). */
interface Span {
  kind: "planning" | "subtask" | "finalizing";
  wallMs: number;
  modelMs: number;
  toolMs?: number;
}

function share(spans: Span[]) {
  const wall = spans.reduce((sum, s) => sum + s.wallMs, 0);
  const model = spans.reduce((sum, s) => sum + s.modelMs, 0);
  return { wall, model, share: model / wall };
}

async function inRounds<T>(items: string[], run: (item: string, index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    results.push(...(await Promise.all(items.slice(i, i + PARALLEL).map((item, k) => run(item, i + k)))));
  }
  return results;
}

// ── Baton ────────────────────────────────────────────────────────────────────────────────────

async function batonSpans(p: Fleet, taskId: string): Promise<Span[]> {
  const { db } = p.deps;
  const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
  const subtasks = await db.subtask.findMany({ where: { taskId }, include: { dependsOn: { select: { dependsOnId: true } } } });
  const calls = await db.modelCall.findMany({ where: { taskId } });
  const planned = task.startedAt!.getTime();
  const finishedAt = new Map(subtasks.map((s) => [s.id, s.finishedAt!.getTime()]));
  const modelMs = (pick: (c: (typeof calls)[number]) => boolean) => calls.filter(pick).reduce((sum, c) => sum + c.durationMs, 0);
  const lastFinish = Math.max(...finishedAt.values());
  return [
    { kind: "planning", wallMs: planned - task.createdAt.getTime(), modelMs: modelMs((c) => !c.subtaskId && c.createdAt.getTime() <= planned) },
    ...subtasks.map((s): Span => {
      const ready = s.dependsOn.length ? Math.max(...s.dependsOn.map((d) => finishedAt.get(d.dependsOnId)!)) : planned;
      return { kind: "subtask", wallMs: finishedAt.get(s.id)! - ready, modelMs: modelMs((c) => c.subtaskId === s.id) };
    }),
    { kind: "finalizing", wallMs: task.finishedAt!.getTime() - lastFinish, modelMs: modelMs((c) => !c.subtaskId && c.createdAt.getTime() > planned) },
  ];
}

async function runBaton(): Promise<Span[]> {
  const pipeline = await startFleet("bench-overhead", {
    SIM_FIRST_TOKEN_DELAY_MS: String(FIRST_TOKEN_MS),
    SIM_TOKEN_DELAY_MS: String(TOKEN_MS),
    // Enough agents that no ready subtask waits for one: a task runs at most two at once.
    BATON_MAX_AGENTS: String(3 * PARALLEL),
    BATON_FLEET: `generalist=${PARALLEL}-${PARALLEL},analyst=${2 * PARALLEL}-${2 * PARALLEL},researcher=0-0,tester=0-0`,
  });
  try {
    await idleAgents(pipeline, 3 * PARALLEL);
    const ids = await inRounds(prompts, (prompt) => runTask(pipeline, prompt, 300_000));
    const waits = (await pipeline.deps.db.subtask.findMany({ where: { taskId: { in: ids } } })).map((s) => s.startedAt!.getTime() - s.queuedAt!.getTime());
    console.log(`  Baton: queue wait (queued → claimed) per subtask p50 ${percentile(waits, 50)} ms, max ${Math.max(...waits)} ms`);
    return (await Promise.all(ids.map((id) => batonSpans(pipeline, id)))).flat();
  } finally {
    await pipeline.stop();
  }
}

// ── The plain loop ──────────────────────────────────────────────────────────────────────────

const MODEL = "claude-sim-1";
const PROFILES = DEFAULT_PROFILES.map((profile) => ({ ...profile, id: profile.name }));

async function runPlain(): Promise<Span[]> {
  const sim = await createSimServer({ port: 0, firstTokenDelayMs: FIRST_TOKEN_MS, tokenDelayMs: TOKEN_MS });
  const client = new Anthropic({ apiKey: "sim", baseURL: sim.url, maxRetries: 0 });
  const root = path.join(os.tmpdir(), `baton-bench-plain-${process.pid}`);
  try {
    return (await inRounds(prompts, (prompt, i) => plainTask(client, prompt, { root, seed: path.resolve("agent/workspace-seed") }, `task-${i}`))).flat();
  } finally {
    await sim.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}

async function timedCall(client: Anthropic, params: Anthropic.MessageCreateParamsNonStreaming) {
  const started = performance.now();
  const message = await client.messages.stream(params).finalMessage();
  return { message, ms: performance.now() - started };
}

const toolUses = (message: Anthropic.Message) => message.content.filter((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");

async function plainTask(client: Anthropic, prompt: string, workspaces: { root: string; seed: string }, name: string): Promise<Span[]> {
  const workspace = await ensureWorkspace(workspaces, name);
  const started = performance.now();
  const files = await listFiles(workspace);
  const planning = await timedCall(client, {
    model: MODEL,
    max_tokens: 4096,
    system: "You are the planner. Call submit_plan once with the whole plan.",
    tools: [toolDefinition("submit_plan")],
    messages: [{
      role: "user",
      content: [
        `Task: ${prompt}`,
        `Workspace files:\n${files.map((f) => `- ${f.path} (${f.type === "file" ? `${f.size} bytes` : "dir"})`).join("\n")}`,
        `Agent profiles and their capabilities:\n${DEFAULT_PROFILES.map((p) => `- ${p.name}: ${p.capabilities.join(", ")} — ${p.description}`).join("\n")}`,
      ].join("\n\n"),
    }],
  });
  const plan = toolUses(planning.message)[0]!.input as Plan;
  const planned = performance.now();
  const spans: Span[] = [{ kind: "planning", wallMs: planned - started, modelMs: planning.ms }];

  const results: Promise<{ finished: number; summary: string; output: unknown }>[] = [];
  plan.subtasks.forEach((subtask, i) => {
    results[i] = (async () => {
      const deps = await Promise.all(subtask.dependsOn.map((d) => results[d]!));
      const ready = Math.max(planned, ...deps.map((d) => d.finished));
      const inputs = subtask.dependsOn.map((d, k) => ({ title: plan.subtasks[d]!.title, summary: deps[k]!.summary, output: deps[k]!.output }));
      const profile = routeProfile(subtask.capabilities ?? [], PROFILES)!;
      const run = await plainSubtask(client, workspace, profile, subtaskPrompt({ title: subtask.title, instructions: subtask.instructions, taskPrompt: prompt, dependencies: inputs }));
      const finished = performance.now();
      spans.push({ kind: "subtask", wallMs: finished - ready, modelMs: run.modelMs, toolMs: run.toolMs });
      return { finished, summary: run.summary, output: run.output };
    })();
  });
  const done = await Promise.all(results);
  const lastFinish = Math.max(...done.map((d) => d.finished));
  const finalizing = await timedCall(client, {
    model: MODEL,
    max_tokens: 4096,
    system: "You write the final result. Call submit_result once.",
    tools: [toolDefinition("submit_result")],
    messages: [{ role: "user", content: [`Task: ${prompt}`, ...plan.subtasks.map((s, i) => `## ${s.title}\n${done[i]!.summary}\n${JSON.stringify(done[i]!.output)}`)].join("\n\n") }],
  });
  spans.push({ kind: "finalizing", wallMs: performance.now() - lastFinish, modelMs: finalizing.ms });
  return spans;
}

/** The tool loop with nothing around it: call, run the tools in process, send the results back. */
async function plainSubtask(client: Anthropic, workspace: string, profile: (typeof PROFILES)[number], prompt: string) {
  const tools = [...profile.allowedTools.filter(isToolName).map(toolDefinition), toolDefinition("finish")];
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: prompt }];
  let modelMs = 0;
  let toolMs = 0;
  for (let turn = 0; turn < profile.maxTurns; turn++) {
    const { message, ms } = await timedCall(client, { model: MODEL, max_tokens: 4096, system: profile.systemPrompt, tools, messages });
    modelMs += ms;
    messages.push({ role: "assistant", content: message.content });
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const call of toolUses(message)) {
      const input = call.input as { path?: string; content?: string; summary?: string; output?: unknown };
      if (call.name === "finish") return { modelMs, toolMs, summary: input.summary ?? "", output: input.output };
      const started = performance.now();
      const content =
        call.name === "list_files" ? JSON.stringify(await listFiles(workspace, input.path ?? "."))
        : call.name === "read_file" ? await readFile(workspace, input.path!)
        : call.name === "write_file" ? await writeFile(workspace, input.path!, input.content ?? "")
        : `Tool "${call.name}" is not part of this baseline.`;
      toolMs += performance.now() - started;
      results.push({ type: "tool_result", tool_use_id: call.id, content });
    }
    if (results.length === 0) break;
    messages.push({ role: "user", content: results });
  }
  throw new Error("the plain loop's subtask ended without calling finish");
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────

console.log(`overhead share: ${TASKS} tasks, ${PARALLEL} at a time (BENCH_TASKS, BENCH_PARALLEL), simulated Claude ${FIRST_TOKEN_MS} ms to first token, ${1000 / TOKEN_MS} tokens/s`);
const baton = await runBaton();
const plain = await runPlain();
for (const [label, spans] of [["Baton", baton], ["plain loop", plain]] as const) {
  const line = (["planning", "subtask", "finalizing"] as const).map((kind) => {
    const { wall, model } = share(spans.filter((s) => s.kind === kind));
    return `${kind} ${(wall / 1000).toFixed(1)} s wall, ${(wall - model).toFixed(0)} ms outside model calls`;
  });
  const tools = spans.reduce((sum, s) => sum + (s.toolMs ?? 0), 0);
  console.log(`  ${label}: ${line.join("; ")}${label === "plain loop" ? `; tools took ${tools.toFixed(1)} ms of it` : ""}`);
}
const b = share(baton);
const p = share(plain);
printResult({ name: "share of busy wall time inside model calls", value: 100 * b.share, unit: "%", baseline: { label: "plain SDK loop", value: 100 * p.share }, goal: `≥ ${100 * GOAL}%`, ok: b.share >= GOAL, digits: 2 });
