// Every procedure answers bad input over HTTP with a 400-class status and a message that names
// the problem. The table is checked against the router, so a new procedure needs cases here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../testing/call-api";
import { createTestDeps, resetData } from "../testing/test-deps";
import { createUser, sessionCookieFor } from "../testing/test-users";
import { appRouter } from "./root";

const deps = createTestDeps("api");
beforeAll(() => resetData(deps));
afterAll(() => deps.close());

type Case = { input: unknown; status: number; message: RegExp };
const PROFILE = {
  name: "reviewer",
  description: "Reviews changes",
  capabilities: ["read", "review"],
  model: null,
  systemPrompt: "Review carefully.",
  allowedTools: ["read_file"],
  maxTurns: 8,
  timeoutSeconds: 300,
  memoryLimitMb: 512,
  networkAllowed: false,
  approvalMode: "NONE",
  approvalTimeoutSeconds: 600,
  minAgents: 0,
  maxAgents: 1,
  maxConcurrentCalls: null,
};
const STEP = { title: "Survey", instructions: "List the files." };
const PRICE = { model: "claude-x", inputUsdPerMTok: 1, outputUsdPerMTok: 5, cacheWriteUsdPerMTok: 1.25, cacheReadUsdPerMTok: 0.1 };
/** Every analytics procedure takes the same range and refuses the same mistakes. */
const RANGE_CASES: Case[] = [
  { input: { from: "2026-01-01", to: "2026-01-08", bucket: "day" }, status: 200, message: /.*/ },
  { input: { from: "last week", to: "2026-01-02" }, status: 400, message: /^from: must be a date/ },
  { input: { from: "2026-01-02", to: "2026-01-01" }, status: 400, message: /^to: must be after from$/ },
  { input: { from: "2026-01-01", to: "2026-01-01" }, status: 400, message: /^to: must be after from$/ },
  { input: { from: "2024-01-01", to: "2026-01-01" }, status: 400, message: /^to: the range covers 731 days; the most is 366$/ },
  { input: { from: "2026-01-01", to: "2026-01-31", bucket: "hour" }, status: 400, message: /^bucket: hourly buckets cover at most 14 days; choose day for a longer range$/ },
  { input: { from: "2026-01-01", to: "2026-01-02", bucket: "week" }, status: 400, message: /^bucket: must be one of "/ },
  { input: undefined, status: 400, message: /^input: is required/ },
];
const ANALYTICS_CASES = Object.fromEntries(
  ["summary", "outcomes", "durations", "estimates", "queueWait", "utilisation", "usage", "failures"].map((name) => [`analytics.${name}`, RANGE_CASES]),
);
const CASES: Record<string, Case[]> = {
  "task.create": [
    { input: { prompt: "" }, status: 400, message: /^prompt: is empty — describe what the agents should do$/ },
    { input: { prompt: "   " }, status: 400, message: /^prompt: is empty/ },
    { input: { prompt: "x".repeat(20_001) }, status: 400, message: /^prompt: is longer than 20,000 characters$/ },
    { input: { prompt: "ok", priority: 11 }, status: 400, message: /^priority: must be at most \d+$/ },
    { input: { prompt: 42 }, status: 400, message: /^prompt: must be text$/ },
    { input: undefined, status: 400, message: /^input: is required/ },
    { input: { prompt: "ok", budgetUsd: 0 }, status: 400, message: /^budgetUsd: must be more than \$0$/ },
  ],
  "task.list": [
    { input: { limit: 0 }, status: 400, message: /^limit: must be at least \d+$/ },
    { input: { status: "DONE" }, status: 400, message: /^status: must be one of PLANNING, AWAITING_REVIEW, RUNNING, .*, or a list of them$/ },
    { input: { status: ["RUNNING", "DONE"] }, status: 400, message: /^status: must be one of PLANNING/ },
    { input: { cursor: "" }, status: 400, message: /cursor/ },
    { input: { cursor: "garbage" }, status: 400, message: /^cursor: "garbage" is not a cursor from this list; start again without a cursor\.$/ },
    { input: { status: [] }, status: 400, message: /^status: name at least one status$/ },
    { input: { sort: "relevance" }, status: 400, message: /^sort: relevance needs a search$/ },
    { input: { sort: "random" }, status: 400, message: /^sort: must be one of "/ },
    { input: { search: "x".repeat(201) }, status: 400, message: /^search: is longer than 200 characters$/ },
    { input: { createdFrom: "soon" }, status: 400, message: /^createdFrom: is not a date/ },
    { input: { createdFrom: "2026-11-02", createdTo: "2026-11-01" }, status: 400, message: /^createdTo: must be after createdFrom$/ },
    { input: { createdById: "" }, status: 400, message: /^createdById: name one$/ },
  ],
  "task.creators": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "task.endedSince": [{ input: { since: "yesterday-ish" }, status: 400, message: /^since: is not a date \(pass the `now` of the previous answer\)$/ }],
  "task.byId": [
    { input: {}, status: 400, message: /id/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "task.logs": [
    { input: { id: "x", afterSeq: -1 }, status: 400, message: /afterSeq/ },
    { input: { id: "x", limit: 5001 }, status: 400, message: /limit/ },
    { input: { id: "x", beforeSeq: 0 }, status: 400, message: /beforeSeq/ },
    { input: { id: "x", direction: "sideways" }, status: 400, message: /direction/ },
    { input: { id: "x", withData: "no" }, status: 400, message: /withData/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task/ },
  ],
  "task.cancel": [
    { input: { id: "" }, status: 400, message: /id/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task/ },
  ],
  "task.retry": [
    { input: { id: "" }, status: 400, message: /^id: is empty$/ },
    { input: {}, status: 400, message: /^id: is required$/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "task.rerun": [
    { input: { id: "" }, status: 400, message: /^id: is empty$/ },
    { input: { id: "x".repeat(65) }, status: 400, message: /^id: must have at most 64 characters$/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "task.files": [
    { input: { id: "" }, status: 400, message: /^id: is empty$/ },
    { input: { id: "x", limit: 0 }, status: 400, message: /^limit: must be at least \d+$/ },
    { input: { id: "x", limit: 201 }, status: 400, message: /^limit: must be at most \d+$/ },
    { input: { id: "x", cursor: "" }, status: 400, message: /^cursor: is empty$/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "agent.list": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "agent.history": [
    { input: { limit: 0 }, status: 400, message: /^limit: must be at least \d+$/ },
    { input: { cursor: "" }, status: 400, message: /^cursor: is empty$/ },
    { input: { limit: "ten" }, status: 400, message: /^limit: must be a number$/ },
  ],
  "agent.profiles": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "agent.scalingEvents": [
    { input: { limit: 0 }, status: 400, message: /^limit: must be at least \d+$/ },
    { input: { limit: 500 }, status: 400, message: /^limit: must be at most \d+$/ },
  ],
  "agent.start": [
    { input: { profile: "" }, status: 400, message: /^profile: name a profile$/ },
    { input: {}, status: 400, message: /^profile: is required$/ },
    { input: { profile: "no-such-profile" }, status: 404, message: /No agent profile named "no-such-profile"/ },
  ],
  "agent.stop": [
    { input: { agentId: "" }, status: 400, message: /^agentId: is empty$/ },
    { input: { agentId: "x", mode: "later" }, status: 400, message: /^mode: must be one of "/ },
    { input: { agentId: "does-not-exist" }, status: 404, message: /No agent with id "does-not-exist"/ },
  ],
  "agent.restart": [
    { input: {}, status: 400, message: /^agentId: is required$/ },
    { input: { agentId: "does-not-exist" }, status: 404, message: /No agent with id "does-not-exist"/ },
  ],
  "profile.byId": [{ input: { id: "does-not-exist" }, status: 404, message: /No profile with id "does-not-exist"/ }],
  "profile.create": [
    { input: { ...PROFILE, name: "Bad Name" }, status: 400, message: /^name: use 2–40 lowercase letters/ },
    { input: { ...PROFILE, minAgents: 3, maxAgents: 1 }, status: 400, message: /^maxAgents: must be at least the minimum number of agents$/ },
    { input: { ...PROFILE, allowedTools: ["rm_rf"] }, status: 400, message: /^allowedTools\.0: must be one of "/ },
    { input: { ...PROFILE, name: "generalist" }, status: 409, message: /A profile named "generalist" already exists/ },
  ],
  "profile.update": [{ input: { id: "does-not-exist", profile: PROFILE }, status: 404, message: /No profile with id "does-not-exist"/ }],
  "approval.list": [
    { input: {}, status: 400, message: /^taskId: is required$/ },
    { input: { taskId: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "approval.decide": [
    { input: { id: "x" }, status: 400, message: /^approve: is required$/ },
    { input: { id: "", approve: true }, status: 400, message: /^id: is empty$/ },
    { input: { id: "does-not-exist", approve: false }, status: 404, message: /No approval with id "does-not-exist"/ },
  ],
  "account.me": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "share.list": [
    { input: {}, status: 400, message: /^taskId: is required$/ },
    { input: { taskId: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "share.create": [
    { input: { taskId: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
    { input: { taskId: "x", expiresInDays: 0 }, status: 400, message: /^expiresInDays: must be at least \d+$/ },
    { input: { taskId: "x", includeLogs: "yes" }, status: 400, message: /^includeLogs: must be true or false$/ },
  ],
  "share.revoke": [
    { input: { id: "" }, status: 400, message: /^id: is empty$/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No share link with id "does-not-exist"/ },
  ],
  "token.list": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "token.create": [
    { input: { name: " ", scope: "READ" }, status: 400, message: /^name: is empty — name the token after the tool that uses it$/ },
    { input: { name: "ci", scope: "ADMIN" }, status: 400, message: /^scope: must be one of "/ },
    { input: { name: "ci", scope: "READ", expiresInDays: 400 }, status: 400, message: /^expiresInDays: must be at most \d+$/ },
  ],
  "token.revoke": [{ input: { id: "does-not-exist" }, status: 404, message: /You have no API token with id "does-not-exist"/ }],
  "member.list": [{ input: { limit: 1000 }, status: 400, message: /^limit: must be at most \d+$/ }],
  "member.setRole": [
    { input: { userId: "x", role: "SUPERUSER" }, status: 400, message: /^role: must be one of "/ },
    { input: { userId: "does-not-exist", role: "MEMBER" }, status: 404, message: /No member with id "does-not-exist"/ },
  ],
  "member.setDisabled": [{ input: { userId: "x" }, status: 400, message: /^disabled: is required$/ }],
  "invitation.list": [{ input: { cursor: "" }, status: 400, message: /^cursor: is empty$/ }],
  "invitation.create": [
    { input: { email: "not-an-address" }, status: 400, message: /^email: is not an e-mail address$/ },
    { input: { email: "a@example.test", expiresInDays: 0 }, status: 400, message: /^expiresInDays: must be at least \d+$/ },
  ],
  "invitation.revoke": [{ input: { id: "does-not-exist" }, status: 404, message: /No invitation with id "does-not-exist"/ }],
  "audit.list": [{ input: { action: "everything" }, status: 400, message: /^action: must be one of "/ }],
  "task.raiseBudget": [
    { input: { id: "x", budgetUsd: 0 }, status: 400, message: /^budgetUsd: must be more than \$0$/ },
    { input: { id: "x", budgetUsd: "5" }, status: 400, message: /^budgetUsd: must be a number$/ },
    { input: { id: "does-not-exist", budgetUsd: 5 }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "task.stopAtBudget": [
    { input: { id: "" }, status: 400, message: /^id: is empty$/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "task.editPlan": [
    { input: { id: "x", planVersion: 0, subtasks: [] }, status: 400, message: /^subtasks: must keep at least one subtask — discard the plan instead$/ },
    { input: { id: "x", planVersion: -1, subtasks: [STEP] }, status: 400, message: /^planVersion: must be at least \d+$/ },
    { input: { id: "x", planVersion: 0, subtasks: [{ ...STEP, title: "  " }] }, status: 400, message: /^subtasks\.0\.title: is empty — every subtask needs a title$/ },
    { input: { id: "x", planVersion: 0, subtasks: [{ ...STEP, instructions: "" }] }, status: 400, message: /^subtasks\.0\.instructions: is empty — tell the agent what to do$/ },
    { input: { id: "x", planVersion: 0, subtasks: [{ ...STEP, dependsOn: [-1] }] }, status: 400, message: /^subtasks\.0\.dependsOn\.0: must be at least \d+$/ },
    { input: { id: "does-not-exist", planVersion: 0, subtasks: [STEP] }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "task.approvePlan": [
    { input: { id: "x" }, status: 400, message: /^planVersion: is required$/ },
    { input: { id: "does-not-exist", planVersion: 0 }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "task.discardPlan": [
    { input: { id: "x", reason: "x".repeat(501) }, status: 400, message: /^reason: is longer than 500 characters$/ },
    { input: { id: "does-not-exist" }, status: 404, message: /No task with id "does-not-exist"/ },
  ],
  "pricing.list": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "pricing.upsert": [
    { input: { ...PRICE, model: "not a model" }, status: 400, message: /^model: is not a model name/ },
    { input: { ...PRICE, outputUsdPerMTok: -1 }, status: 400, message: /^outputUsdPerMTok: must not be negative$/ },
    { input: { model: "claude-x" }, status: 400, message: /^inputUsdPerMTok: is required; outputUsdPerMTok: is required;/ },
  ],
  "pricing.remove": [
    { input: {}, status: 400, message: /^model: is required$/ },
    { input: { model: "no-such-model" }, status: 404, message: /No price for model "no-such-model"/ },
  ],
  "cost.summary": [
    { input: { from: "yesterday", to: "2026-01-02" }, status: 400, message: /^from: must be a date/ },
    { input: { from: "2026-01-02", to: "2026-01-01" }, status: 400, message: /^to: must be after from$/ },
  ],
  "settings.get": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "settings.update": [
    { input: { defaultTaskBudgetUsd: 5, maxTaskBudgetUsd: 2 }, status: 400, message: /^defaultTaskBudgetUsd: must not be above the ceiling$/ },
    { input: { defaultTaskBudgetUsd: -1, maxTaskBudgetUsd: null }, status: 400, message: /^defaultTaskBudgetUsd: must be more than \$0$/ },
    { input: { defaultTaskBudgetUsd: null }, status: 400, message: /^maxTaskBudgetUsd: is required$/ },
    { input: { defaultTaskBudgetUsd: null, maxTaskBudgetUsd: null, reviewAboveUsd: 0 }, status: 400, message: /^reviewAboveUsd: must be more than \$0$/ },
  ],
  "fleet.pauseState": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  ...ANALYTICS_CASES,
  "overview.tasks": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
  "overview.queues": [{ input: { unexpected: true }, status: 200, message: /.*/ }],
};

let cookie = "";
beforeAll(async () => {
  cookie = await sessionCookieFor(deps.db, await createUser(deps.db, "OWNER"));
});

async function call(path: string, input: unknown) {
  const response = await callApi(deps, path, input, { cookie });
  return { status: response.status, body: response.raw as { error?: { json: { message: string } } } };
}

describe("invalid input", () => {
  it("has cases for every procedure", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, cases] of Object.entries(CASES)) {
    it.each(cases)(`${path} %j`, async ({ input, status, message }) => {
      const response = await call(path, input);
      expect(response.status).toBe(status);
      if (status >= 400) {
        expect(response.body.error?.json.message).toMatch(message);
        expect(JSON.stringify(response.body)).not.toMatch(/stack|at \w+ \(/);
      }
    });
  }

  it("refuses to cancel a finished task with a conflict", async () => {
    const task = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "SUCCEEDED" } });
    const response = await call("task.cancel", { id: task.id });
    expect(response.status).toBe(409);
    expect(response.body.error?.json.message).toMatch(/already finished \(succeeded\)/);
  });

  it("refuses to retry a task that did not fail with a conflict", async () => {
    const task = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "SUCCEEDED" } });
    const response = await call("task.retry", { id: task.id });
    expect(response.status).toBe(409);
    expect(response.body.error?.json.message).toMatch(/Only a failed task, or a cancelled one with failed subtasks, can be retried; this one is succeeded/);
  });
});
