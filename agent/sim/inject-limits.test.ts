import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimRequestRecord } from "./sim-options";
import { ACTING_TOOLS, MODEL, startTestSim, type TestSim } from "./start-test-sim";

let t: TestSim;
const seen: SimRequestRecord[] = [];
beforeAll(async () => {
  t = await startTestSim({ onRequest: (request) => seen.push(request) });
});
afterAll(() => t.sim.close());

const acting = (content: string) => ({ model: MODEL, max_tokens: 128, tools: ACTING_TOOLS, messages: [{ role: "user" as const, content }] });
const planning = (content: string) => ({ model: MODEL, max_tokens: 128, messages: [{ role: "user" as const, content }] });
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as InstanceType<typeof Anthropic.APIError>);

describe("agent-only failures", () => {
  it("fails the first N requests of each acting conversation, and never the planner's", async () => {
    const text = "Subtask: a\n\nInstructions: read [sim:agent-fail=529x2]";
    expect(await rejection(t.client().messages.create(acting(text)))).toBeInstanceOf(Anthropic.OverloadedError);
    expect(await rejection(t.client().messages.create(acting(text)))).toBeInstanceOf(Anthropic.OverloadedError);
    await expect(t.client().messages.create(acting(text))).resolves.toBeTruthy();
    await expect(t.client().messages.create(planning(text))).resolves.toBeTruthy();
    // Another conversation with the same marker gets its own failures.
    expect(await rejection(t.client().messages.create(acting(`${text} again`)))).toBeInstanceOf(Anthropic.OverloadedError);
  });

  it("fails only the step a targeted marker names", async () => {
    const join = "Subtask: report\n\nInstructions: combine [step=join] [sim:agent-fail=500x1:step=join]";
    const item = "Subtask: item\n\nInstructions: read [item=1] [sim:agent-fail=500x1:step=join]";
    expect(await rejection(t.client().messages.create(acting(join)))).toBeInstanceOf(Anthropic.InternalServerError);
    await expect(t.client().messages.create(acting(join))).resolves.toBeTruthy();
    await expect(t.client().messages.create(acting(item))).resolves.toBeTruthy();
  });

  it("breaks off the first N streamed answers of each acting conversation mid-stream, only for the step a targeted marker names", async () => {
    const stream = (content: string) => t.client().messages.stream(acting(content)).finalMessage();
    const second = "Subtask: Step 2 of 3\n\nInstructions: do step 2 [item=1] [step=2] [sim:agent-drop=1:step=2]";
    const first = "Subtask: Step 1 of 3\n\nInstructions: do step 1 [item=1] [step=1] [sim:agent-drop=1:step=2]";
    await expect(stream(second)).rejects.toThrow("terminated");
    await expect(stream(second)).resolves.toMatchObject({ stop_reason: "tool_use" });
    await expect(stream(first)).resolves.toMatchObject({ stop_reason: "tool_use" });
    await expect(t.client().messages.stream(planning("Plan it [sim:agent-drop=1]")).finalMessage()).resolves.toBeTruthy();
  });

  it("ends the first N streamed answers with an error event, and refuses a whole answer with 529 instead", async () => {
    const text = "Subtask: a\n\nInstructions: read [sim:agent-stream-error=1]";
    const error = await rejection(t.client().messages.stream(acting(text)).finalMessage());
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error?.status).toBeUndefined();
    expect(error?.error).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded (simulated)." } });
    await expect(t.client().messages.stream(acting(text)).finalMessage()).resolves.toBeTruthy();
    expect(await rejection(t.client().messages.create(acting(`${text} whole`)))).toBeInstanceOf(Anthropic.OverloadedError);
  });

  it("reports every request and its status to onRequest", () => {
    const mine = seen.filter((r) => r.firstUserText.includes("agent-fail=529x2"));
    expect(mine.map((r) => [r.status, r.acting])).toEqual([[529, true], [529, true], [200, true], [200, false], [529, true]]);
  });
});

describe("account limits", () => {
  it("answers one usage-window 429 per marker with a reset in its headers", async () => {
    const before = Date.now();
    const error = await rejection(t.client().messages.create(planning("Plan [sim:usage-limit=3:one]")));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error?.headers?.get("retry-after")).toBe("3");
    expect(error?.headers?.get("anthropic-ratelimit-tokens-remaining")).toBe("0");
    const reset = Date.parse(error?.headers?.get("anthropic-ratelimit-tokens-reset") ?? "");
    expect(reset - before).toBeGreaterThanOrEqual(2900);
    expect(error?.message).toMatch(/usage window/);
    await expect(t.client().messages.create(planning("Plan [sim:usage-limit=3:one]"))).resolves.toBeTruthy();
  });

  it("answers a spend-limit 429 to every acting request", async () => {
    for (let i = 0; i < 2; i++) {
      const error = await rejection(t.client().messages.create(acting("Do it [sim:spend-limit]")));
      expect(error).toBeInstanceOf(Anthropic.RateLimitError);
      expect(error?.message).toMatch(/spend limit/);
    }
    await expect(t.client().messages.create(planning("Do it [sim:spend-limit]"))).resolves.toBeTruthy();
  });
});
