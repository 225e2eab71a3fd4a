import { afterAll, beforeAll, expect, it } from "vitest";
import { MODEL, startTestSim, toolNamed, type TestSim } from "./start-test-sim";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const system = [{ type: "text" as const, text: `You are a careful agent. ${"Follow the house rules. ".repeat(40)}`, cache_control: { type: "ephemeral" as const } }];

it("reports input and output token estimates", async () => {
  const message = await t.client().messages.stream({ model: MODEL, max_tokens: 128, messages: [{ role: "user", content: "Say hello" }] }).finalMessage();
  expect(message.usage.input_tokens).toBeGreaterThan(0);
  expect(message.usage.output_tokens).toBeGreaterThan(1);
  expect(message.usage.cache_creation_input_tokens).toBe(0);
  expect(message.usage.cache_read_input_tokens).toBe(0);
});

it("creates a cache entry for a cache_control'd system prompt and reads it on the next call", async () => {
  const ask = (content: string) =>
    t.client().messages.create({ model: MODEL, max_tokens: 128, system, messages: [{ role: "user", content }] });
  const first = await ask("first question");
  const second = await t
    .client()
    .messages.stream({ model: MODEL, max_tokens: 128, system, messages: [{ role: "user", content: "another question" }] })
    .finalMessage();

  expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(100);
  expect(first.usage.cache_read_input_tokens).toBe(0);
  expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
  expect(second.usage.cache_creation_input_tokens).toBe(0);
  expect(second.usage.input_tokens).toBeGreaterThan(0);
});

it("treats cache_control on a tool as a cache breakpoint too", async () => {
  const tools = [{ ...toolNamed("lookup"), cache_control: { type: "ephemeral" as const } }];
  const ask = () => t.client().messages.create({ model: MODEL, max_tokens: 128, tools, messages: [{ role: "user", content: "hi" }] });
  expect((await ask()).usage.cache_creation_input_tokens).toBeGreaterThan(0);
  expect((await ask()).usage.cache_read_input_tokens).toBeGreaterThan(0);
});
