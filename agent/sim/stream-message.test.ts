import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTING_TOOLS, MODEL, startTestSim, type TestSim } from "./start-test-sim";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const actingRequest = {
  model: MODEL,
  max_tokens: 1024,
  tools: ACTING_TOOLS,
  messages: [{ role: "user" as const, content: "Read the largest file in the workspace. [item=1]" }],
};

describe("streaming", () => {
  it("delivers text in several deltas that add up to the final message", async () => {
    const stream = t.client().messages.stream({
      model: MODEL,
      max_tokens: 256,
      messages: [{ role: "user", content: "Hello there, sim." }],
    });
    const deltas: string[] = [];
    stream.on("text", (delta) => deltas.push(delta));
    const message = await stream.finalMessage();

    expect(deltas.length).toBeGreaterThan(1);
    expect(message.id).toMatch(/^msg_/);
    expect(message.model).toBe(MODEL);
    expect(message.stop_reason).toBe("end_turn");
    expect(message.content).toHaveLength(1);
    const [block] = message.content;
    expect(block?.type === "text" && block.text).toBe(deltas.join(""));
  });

  it("emits events in the API's order with tool input split into JSON chunks", async () => {
    const stream = await t.client().messages.create({ ...actingRequest, stream: true });
    const events: string[] = [];
    let json = "";
    for await (const event of stream) {
      events.push(event.type === "content_block_delta" ? event.delta.type : event.type);
      if (event.type === "content_block_delta" && event.delta.type === "input_json_delta") json += event.delta.partial_json;
      if (event.type === "content_block_start" && event.content_block.type === "tool_use") {
        expect(event.content_block.id).toMatch(/^toolu_/);
        expect(event.content_block.name).toBe("list_files");
      }
    }
    const compact = events.filter((e, i) => e !== events[i - 1]);
    expect(compact).toEqual([
      "message_start",
      "content_block_start",
      "text_delta",
      "content_block_stop",
      "content_block_start",
      "input_json_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(events.filter((e) => e === "input_json_delta").length).toBeGreaterThan(1);
    expect(JSON.parse(json)).toEqual({ path: "." });
  });

  it("stops a streamed answer at max_tokens, mid-block, with the stop reason max_tokens", async () => {
    const whole = await t.client().messages.stream(actingRequest).finalMessage();
    const [text, call] = whole.content;
    const textTokens = Math.ceil((text?.type === "text" ? text.text : "").length / 4);
    // Cut two tokens (about eight characters) into the tool call's input JSON.
    const cut = await t.client().messages.stream({ ...actingRequest, max_tokens: textTokens + 2 }).finalMessage();
    expect(cut.stop_reason).toBe("max_tokens");
    expect(cut.usage.output_tokens).toBe(textTokens + 2);
    expect(cut.content[0]).toEqual(text);
    expect(cut.content[1]).toMatchObject({ type: "tool_use", name: call?.type === "tool_use" && call.name });
    // The SDK keeps what it could parse of the unfinished JSON; the whole input needs more.
    expect(cut.content[1]).not.toEqual(call);
    // An answer that fits exactly is not cut.
    const exact = await t.client().messages.stream({ ...actingRequest, max_tokens: whole.usage.output_tokens }).finalMessage();
    expect(exact.stop_reason).toBe("tool_use");
  });

  it("returns the same content without streaming, with a request id", async () => {
    const streamed = await t.client().messages.stream(actingRequest).finalMessage();
    const { data, response } = await t.client().messages.create(actingRequest).withResponse();
    const strip = (content: typeof data.content) => content.map((b) => (b.type === "tool_use" ? { ...b, id: "" } : b));

    expect(strip(data.content)).toEqual(strip(streamed.content));
    expect(data.stop_reason).toBe("tool_use");
    expect(streamed.stop_reason).toBe("tool_use");
    expect(response.headers.get("request-id")).toMatch(/^req_/);
  });
});
