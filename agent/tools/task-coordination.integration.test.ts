// Coordination state against the real Redis.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../server/create-redis";
import { redisKeys } from "../../server/redis-keys";
import { executeWorkspaceTool } from "../worker/execute-workspace-tool";
import { createTaskCoordination } from "./task-coordination";

const redis = createRedis(process.env.REDIS_URL!);
const prefix = `${process.env.BATON_REDIS_PREFIX ?? "baton-test"}-coordination-${randomUUID().slice(0, 8)}`;
const coordination = createTaskCoordination(redis, redisKeys(prefix));

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe("task coordination", () => {
  it("shares structured values per task", async () => {
    await coordination.share("t1", "largest", { path: "data/incidents.csv", size: 6378 });
    await coordination.share("t1", "count", 3);
    await coordination.share("t2", "count", 99);
    expect(await coordination.get("t1", "largest")).toEqual({ largest: { path: "data/incidents.csv", size: 6378 } });
    expect(await coordination.get("t1")).toEqual({ largest: { path: "data/incidents.csv", size: 6378 }, count: 3 });
    expect(await coordination.get("t1", "missing")).toEqual({});
    expect(await redis.ttl(`${prefix}:task:t1:shared`)).toBeGreaterThan(0);
  });

  it("delivers messages in order and reads only what is new", async () => {
    const first = await coordination.post("t1", { from: "Analyze the largest file", text: "I have incidents.csv" });
    await coordination.post("t1", { from: "Analyze the 2nd largest file", text: "I have scheduler.py" });
    await coordination.post("t2", { from: "elsewhere", text: "not for t1" });
    const all = await coordination.read("t1");
    expect(all.map((m) => m.text)).toEqual(["I have incidents.csv", "I have scheduler.py"]);
    expect(all[0]).toMatchObject({ id: first, from: "Analyze the largest file" });
    expect((await coordination.read("t1", first)).map((m) => m.text)).toEqual(["I have scheduler.py"]);
    expect(await coordination.read("t1", all[1]!.id)).toEqual([]);
  });

  it("reads a message whose sender or text is a field's name as it was posted", async () => {
    await coordination.post("t4", { from: "text", text: "from" });
    expect(await coordination.read("t4")).toMatchObject([{ from: "text", text: "from" }]);
  });
});

describe("the coordination tools an agent calls", () => {
  const context = (from: string, allowedTools = ["share_data", "get_shared_data", "post_message", "read_messages"]) => ({
    workspace: "/nonexistent",
    allowedTools,
    commandTimeoutSeconds: 1,
    commandSandbox: null,
    coordination: { state: coordination, taskId: "t3", from },
    signal: new AbortController().signal,
  });

  it("let one subtask hand data and messages to another", async () => {
    expect(await executeWorkspaceTool(context("A"), "share_data", { key: "files", value: ["a.md", "b.md"] })).toEqual({ content: 'Shared "files".' });
    expect(await executeWorkspaceTool(context("B"), "get_shared_data", { key: "files" })).toEqual({ content: '{"files":["a.md","b.md"]}' });
    await executeWorkspaceTool(context("A"), "post_message", { text: "I take a.md" });
    const read = await executeWorkspaceTool(context("B"), "read_messages", {});
    expect(JSON.parse(read.content)).toEqual([expect.objectContaining({ from: "A", text: "I take a.md" })]);
  });

  it("refuse tools the profile does not allow and bad input, with errors the model can read", async () => {
    expect(await executeWorkspaceTool(context("A", ["read_messages"]), "share_data", { key: "k", value: 1 })).toMatchObject({ isError: true, content: expect.stringMatching(/not available to this agent/) });
    expect(await executeWorkspaceTool(context("A"), "post_message", { text: "" })).toMatchObject({ isError: true, content: expect.stringMatching(/Invalid input for post_message/) });
  });
});
