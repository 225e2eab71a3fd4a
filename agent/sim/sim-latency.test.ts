import { performance } from "node:perf_hooks";
import { afterEach, expect, it } from "vitest";
import { ACTING_TOOLS, MODEL, startTestSim, type TestSim } from "./start-test-sim";

let t: TestSim | undefined;
afterEach(() => t?.sim.close());

const request = {
  model: MODEL,
  max_tokens: 256,
  tools: ACTING_TOOLS,
  messages: [{ role: "user" as const, content: "Read the largest file. [item=1]" }],
};

it("waits firstTokenDelayMs before the first event, streaming or not", async () => {
  t = await startTestSim({ firstTokenDelayMs: 120 });
  let started = performance.now();
  await t.client().messages.stream(request).finalMessage();
  expect(performance.now() - started).toBeGreaterThanOrEqual(120);

  started = performance.now();
  await t.client().messages.create(request);
  expect(performance.now() - started).toBeGreaterThanOrEqual(120);
});

it("waits tokenDelayMs before every streamed chunk", async () => {
  t = await startTestSim({ tokenDelayMs: 2 });
  const started = performance.now();
  const stream = t.client().messages.stream(request);
  let chunks = 0;
  stream.on("streamEvent", (event) => {
    if (event.type === "content_block_delta") chunks++;
  });
  await stream.finalMessage();
  expect(chunks).toBeGreaterThan(10);
  expect(performance.now() - started).toBeGreaterThanOrEqual(chunks * 2);
});

it("stops streaming when the client aborts and keeps serving others", async () => {
  t = await startTestSim({ tokenDelayMs: 20 });
  const stream = t.client().messages.stream(request);
  await new Promise<void>((resolve) => stream.once("text", () => resolve()));
  stream.abort();
  await expect(stream.finalMessage()).rejects.toThrow(/abort/i);

  const health = await fetch(`${t.sim.url}/health`);
  expect(health.status).toBe(200);
});

it("spends [sim:work=N] in a subtask's first model call", async () => {
  t = await startTestSim();
  const started = performance.now();
  const reply = await t.client().messages.stream({ ...request, messages: [{ role: "user", content: "Do node 1. [item=1] [sim:work=150] [sim:instant]" }] }).finalMessage();
  expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  expect(reply.content.find((b) => b.type === "tool_use")?.name).toBe("finish");
});

it("sends a stream in one write when it has no delays to simulate, and chunk by chunk when it has", async () => {
  const body = JSON.stringify({ ...request, stream: true });
  const post = (url: string) => fetch(`${url}/v1/messages`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": "test" }, body });

  t = await startTestSim();
  const whole = await post(t.sim.url);
  // One write of the whole body: its length is known before it is sent.
  expect(whole.headers.get("content-length")).toBe(String(Buffer.byteLength(await whole.text())));
  const events = (text: string) => text.match(/^event: \w+/gm);
  const wholeEvents = events(await (await post(t.sim.url)).text());
  await t.sim.close();

  t = await startTestSim({ tokenDelayMs: 1 });
  const streamed = await post(t.sim.url);
  expect(streamed.headers.get("transfer-encoding")).toBe("chunked");
  expect(streamed.headers.get("content-length")).toBeNull();
  // Both carry the same events, in the order the SDK expects.
  expect(events(await streamed.text())).toEqual(wholeEvents);
  expect(wholeEvents).toContain("event: content_block_delta");
});
