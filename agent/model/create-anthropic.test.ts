// Which failed model calls are worth running the subtask again, judged on what the real SDK throws
// against the simulated Claude: an answer cut short (its connection lost, an error event) is; an
// error answer that already had the SDK's retries is not.
import net from "node:net";
import type Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTING_TOOLS, MODEL, startTestSim, type TestSim } from "../sim/start-test-sim";
import { createAnthropic, describeModelError, isTransientModelError } from "./create-anthropic";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const acting = (content: string) => ({ model: MODEL, max_tokens: 128, tools: ACTING_TOOLS, messages: [{ role: "user" as const, content }] });
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
const streamed = (client: Anthropic, content: string) => failureOf(client.messages.stream(acting(content)).finalMessage());

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("isTransientModelError", () => {
  it("retries an answer whose connection was lost mid-stream, and says so in words", async () => {
    const error = await streamed(createAnthropic({ simUrl: t.sim.url, maxRetries: 2 }), "Subtask: a\n\nInstructions: read [sim:agent-drop=1]");
    expect(error).toBeInstanceOf(Error);
    expect(isTransientModelError(error)).toBe(true);
    expect(describeModelError(error)).toBe("The connection to Claude was lost during its answer (terminated).");
  });

  it("retries an answer that an error event ended mid-stream, and gives the API's message", async () => {
    const error = await streamed(createAnthropic({ simUrl: t.sim.url, maxRetries: 2 }), "Subtask: d\n\nInstructions: read [sim:agent-stream-error=1]");
    expect(isTransientModelError(error)).toBe(true);
    expect(describeModelError(error)).toBe("Claude stopped its answer with an error: Overloaded (simulated).");
  });

  it("retries an answer whose stream closed cleanly before its end, as a proxy cutting it short would leave it", async () => {
    const error = await streamed(createAnthropic({ simUrl: t.sim.url, maxRetries: 2 }), "Subtask: e\n\nInstructions: read [sim:agent-stream-end=1]");
    expect(isTransientModelError(error)).toBe(true);
    expect(describeModelError(error)).toBe("The connection to Claude was lost during its answer (stream ended without producing a Message with role=assistant).");
  });

  it("retries a call that could not connect through the SDK's own retries", async () => {
    const error = await streamed(createAnthropic({ simUrl: `http://127.0.0.1:${await closedPort()}`, maxRetries: 0 }), "Subtask: b\n\nInstructions: read");
    expect(isTransientModelError(error)).toBe(true);
  });

  it("does not retry an error answer that used up the SDK's retries, nor an error of the run itself", async () => {
    const error = await streamed(createAnthropic({ simUrl: t.sim.url, maxRetries: 0 }), "Subtask: c\n\nInstructions: read [sim:agent-fail=500x1]");
    expect(isTransientModelError(error)).toBe(false);
    expect(describeModelError(error)).toBe("Claude answered 500: Internal server error (simulated).");
    expect(isTransientModelError(new Error("The model stopped without calling finish."))).toBe(false);
  });
});
