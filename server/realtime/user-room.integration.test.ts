// Each connection sits in its user's own room, which carries "task:ended" for the tasks that user
// created, from whichever service ended them; nobody can ask to join someone else's room.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskEndedMessage } from "../contracts/realtime";
import { failTask, saveTaskResult } from "../services/orchestration/finish-task";
import { cancelTask } from "../services/tasks/cancel-task";
import { createTestDeps, resetData } from "../testing/test-deps";
import { startTestRealtime, type TestRealtime } from "../testing/test-realtime";
import { createUser, sessionCookieFor, type TestUser } from "../testing/test-users";

const deps = createTestDeps("user-room");
let realtime: TestRealtime;
let url: string;
const clients: Socket[] = [];

beforeAll(async () => {
  await resetData(deps);
  realtime = await startTestRealtime(deps);
  url = realtime.url;
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await realtime.close();
  await deps.close();
});

/** A signed-in browser tab of `user`, recording every task:ended it receives. */
async function openTab(user: TestUser): Promise<{ socket: Socket; ended: TaskEndedMessage[]; next: () => Promise<TaskEndedMessage> }> {
  const cookie = await sessionCookieFor(deps.db, user);
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: { cookie } });
  clients.push(socket);
  const ended: TaskEndedMessage[] = [];
  const waiters: ((message: TaskEndedMessage) => void)[] = [];
  socket.on("task:ended", (message: TaskEndedMessage) => {
    ended.push(message);
    waiters.shift()?.(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  });
  return { socket, ended, next: () => new Promise((resolve) => waiters.push(resolve)) };
}

const taskOf = (user: TestUser, title: string, status: "RUNNING" | "FINALIZING" = "RUNNING") =>
  deps.db.task.create({ data: { title, prompt: "p", status, createdById: user.id } });

describe("the user's own room", () => {
  it("tells every tab of the creator, and only the creator, how their task ended", async () => {
    const alice = await createUser(deps.db, "MEMBER");
    const bob = await createUser(deps.db, "MEMBER");
    const aliceTasks = await openTab(alice);
    const aliceOtherTab = await openTab(alice);
    const bobTasks = await openTab(bob);

    const cancelled = await taskOf(alice, "Summarise the changelog");
    const [first, second] = [aliceTasks.next(), aliceOtherTab.next()];
    await cancelTask(deps, { taskId: cancelled.id, reason: "Not needed any more." });
    const expected = { taskId: cancelled.id, title: "Summarise the changelog", status: "CANCELLED", reason: "Not needed any more." };
    expect(await first).toEqual(expected);
    expect(await second).toEqual(expected);

    // Bob's own news arrives after Alice's was published; had hers reached him, it would be first.
    const failed = await taskOf(bob, "Port the parser");
    const bobsNews = bobTasks.next();
    await failTask(deps, failed.id, "Timed out.");
    expect(await bobsNews).toEqual({ taskId: failed.id, title: "Port the parser", status: "FAILED", reason: "Timed out." });
    expect(bobTasks.ended).toHaveLength(1);
    expect(aliceTasks.ended.map((m) => m.taskId)).toEqual([cancelled.id]);
  });

  it("announces a success with the task's title", async () => {
    const carol = await createUser(deps.db, "MEMBER");
    const tab = await openTab(carol);
    const task = await taskOf(carol, "Write release notes", "FINALIZING");
    const news = tab.next();
    expect(await saveTaskResult(deps, task.id, { markdown: "# Done" })).toBe(true);
    expect(await news).toEqual({ taskId: task.id, title: "Write release notes", status: "SUCCEEDED", reason: null });
  });

  it("refuses a request to join another user's room", async () => {
    const dave = await createUser(deps.db, "ADMIN");
    const erin = await createUser(deps.db, "MEMBER");
    const { socket } = await openTab(dave);
    const reply = await new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit("subscribe", { room: `user:${erin.id}` }, resolve));
    expect(reply).toEqual({ ok: false, error: "room: must be task:<id>, tasks or fleet" });
  });
});
