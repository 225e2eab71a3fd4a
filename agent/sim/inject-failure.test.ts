import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODEL, startTestSim, type TestSim } from "./start-test-sim";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ failures: [{ status: 529, match: "flaky-rule", times: 2 }] });
});
afterAll(() => t.sim.close());

function countingFetch() {
  const counter = { calls: 0 };
  const fetchImpl: typeof fetch = (input, init) => {
    counter.calls++;
    return fetch(input, init);
  };
  return { counter, fetchImpl };
}

const request = (content: string) => ({
  model: MODEL,
  max_tokens: 128,
  messages: [{ role: "user" as const, content }],
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

describe("injected failures", () => {
  it("lets the SDK retry a 429 from the x-sim-fail header and succeed", async () => {
    const { counter, fetchImpl } = countingFetch();
    const client = t.client({ maxRetries: 2, fetch: fetchImpl });
    const headers = { "x-sim-fail": "429", "x-sim-fail-key": "retry-once" };
    const message = await client.messages.create(request("hello"), { headers });
    expect(message.stop_reason).toBe("end_turn");
    expect(counter.calls).toBe(2);
  });

  it("fails as many times as x-sim-fail-count says", async () => {
    const { counter, fetchImpl } = countingFetch();
    const client = t.client({ maxRetries: 3, fetch: fetchImpl });
    const headers = { "x-sim-fail": "529", "x-sim-fail-count": "2", "x-sim-fail-key": "twice" };
    await client.messages.stream(request("hello"), { headers }).finalMessage();
    expect(counter.calls).toBe(3);
  });

  it("surfaces a RateLimitError with retry-after when retries are off", async () => {
    const headers = { "x-sim-fail": "429", "x-sim-fail-key": "no-retry" };
    const error = await rejectionOf(t.client().messages.create(request("hello"), { headers }));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const apiError = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(apiError.status).toBe(429);
    expect(apiError.type).toBe("rate_limit_error");
    expect(apiError.headers.get("retry-after")).toBe("1");
    expect(apiError.requestID).toMatch(/^req_/);
  });

  it("fails the first call carrying [sim:fail=529] as overloaded, then succeeds", async () => {
    const body = request("Plan the work [sim:fail=529]");
    const error = await rejectionOf(t.client().messages.stream(body).finalMessage());
    expect(error).toBeInstanceOf(Anthropic.OverloadedError);
    expect((error as InstanceType<typeof Anthropic.OverloadedError>).type).toBe("overloaded_error");
    expect((error as InstanceType<typeof Anthropic.OverloadedError>).headers.get("retry-after")).not.toBeNull();
    const retried = await t.client().messages.stream(body).finalMessage();
    expect(retried.stop_reason).toBe("end_turn");
  });

  it("recovers from [sim:fail=429] through the SDK's own retry", async () => {
    const { counter, fetchImpl } = countingFetch();
    const message = await t.client({ maxRetries: 1, fetch: fetchImpl }).messages.create(request("Go [sim:fail=429]"));
    expect(message.content[0]?.type).toBe("text");
    expect(counter.calls).toBe(2);
  });

  it("applies configured failure rules only to matching requests, a limited number of times", async () => {
    await expect(t.client().messages.create(request("unrelated"))).resolves.toBeTruthy();
    const client = t.client();
    await expect(client.messages.create(request("flaky-rule"))).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    await expect(client.messages.create(request("flaky-rule"))).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    await expect(client.messages.create(request("flaky-rule"))).resolves.toBeTruthy();
  });
});

describe("invalid requests", () => {
  it("rejects an empty messages array with invalid_request_error", async () => {
    const error = await rejectionOf(t.client().messages.create({ model: MODEL, max_tokens: 10, messages: [] }));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).type).toBe("invalid_request_error");
    expect((error as Error).message).toContain("messages");
  });

  it("rejects a missing model", async () => {
    const body = { max_tokens: 10, messages: [{ role: "user", content: "hi" }] } as unknown as Anthropic.MessageCreateParamsNonStreaming;
    const error = await rejectionOf(t.client().messages.create(body));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as Error).message).toContain("model");
  });

  it("answers bad JSON with 400, unknown paths with 404 and health checks with 200", async () => {
    const badJson = await fetch(`${t.sim.url}/v1/messages`, { method: "POST", body: "{nope" });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });

    const unknown = await fetch(`${t.sim.url}/v1/complete`, { method: "POST", body: "{}" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: "error", error: { type: "not_found_error" } });

    const health = await fetch(`${t.sim.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });
});
