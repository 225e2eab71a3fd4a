// Desktop notifications: once the user opts in (and the browser grants permission), a task of
// theirs that ends is announced on whatever dashboard page they are on; clicking the
// notification opens the task. An end that happens while the socket is down is announced when it
// reconnects. The browser's Notification class is wrapped to record what the page shows; the
// server side is the real one (the user's Socket.IO room).
import { expect, test } from "@playwright/test";
import { mutate } from "./support/api";
import { clickLastNotification, recordNotifications, shownNotifications } from "./support/notifications";
import { controlSocket } from "./support/socket-control";

test("a task of mine that ends is announced on another page, and the notification opens it", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["notifications"], { origin: new URL(baseURL!).origin });
  await recordNotifications(page);

  await page.goto("/agents");
  await page.getByRole("button", { name: "Menu" }).click();
  const toggle = page.getByRole("switch", { name: "Desktop notifications" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");

  // The opt-in belongs to this browser and outlives a reload.
  await page.reload();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("switch", { name: "Desktop notifications" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  const title = `Notify me ${Date.now()}`;
  const task = await mutate<{ id: string }>(page.request, baseURL!, "task.create", { title, prompt: "Survey the three largest files in the workspace, summarise each, then write a combined report" });
  const shown = () => shownNotifications(page);
  await expect.poll(async () => (await shown()).length, { timeout: 60_000 }).toBe(1);
  expect((await shown())[0]).toEqual({ title: "Task succeeded", body: title, tag: `baton-task-${task.id}` });
  expect(page.url()).toMatch(/\/agents$/);

  await clickLastNotification(page);
  await page.waitForURL(`**/tasks/${task.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a cancelled task is announced with who cancelled it", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["notifications"], { origin: new URL(baseURL!).origin });
  await recordNotifications(page, { optedIn: true });
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  // Live events reach a page once its socket is connected; the header says when.
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  const title = `Cancel me ${Date.now()}`;
  const task = await mutate<{ id: string }>(page.request, baseURL!, "task.create", { title, prompt: "Run it as a chain [sim:cmd=sleep 45]" });
  await mutate(page.request, baseURL!, "task.cancel", { id: task.id });
  const shown = () => shownNotifications(page);
  await expect.poll(async () => (await shown()).length, { timeout: 30_000 }).toBe(1);
  expect((await shown())[0]).toEqual({ title: "Task cancelled", body: `${title}\nCancelled by owner@example.test.`, tag: `baton-task-${task.id}` });
});

test("a task that ends while the socket is down is announced once it reconnects", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["notifications"], { origin: new URL(baseURL!).origin });
  await recordNotifications(page, { optedIn: true });
  const socket = await controlSocket(page);
  await page.goto("/settings/tokens");
  const live = page.getByRole("status").filter({ hasText: "Live" });
  await expect(live).toBeVisible();

  await socket.drop();
  await expect(live).toBeHidden();
  const title = `Ended offline ${Date.now()}`;
  const task = await mutate<{ id: string }>(page.request, baseURL!, "task.create", { title, prompt: "Run it as a chain [sim:cmd=sleep 45]" });
  await mutate(page.request, baseURL!, "task.cancel", { id: task.id });
  await page.waitForTimeout(1_000);
  expect(await shownNotifications(page)).toEqual([]);

  socket.restore();
  await expect(live).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await shownNotifications(page)).length, { timeout: 15_000 }).toBe(1);
  expect((await shownNotifications(page))[0]).toEqual({ title: "Task cancelled", body: `${title}\nCancelled by owner@example.test.`, tag: `baton-task-${task.id}` });
});

test("a task that ended just before the page opened is not announced by it", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["notifications"], { origin: new URL(baseURL!).origin });
  await recordNotifications(page, { optedIn: true });
  const title = `Ended before ${Date.now()}`;
  const task = await mutate<{ id: string }>(page.request, baseURL!, "task.create", { title, prompt: "Run it as a chain [sim:cmd=sleep 45]" });

  // The page's first look at ended tasks, and its socket, are held until the task has ended: it
  // ends just before the page looks, and the page hears nothing of it live. Every look's answer
  // is recorded.
  const answers: { ended: { taskId: string }[]; endedBefore: string[] }[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // A batched request names its procedures in its path, comma-separated; its answer is in that order.
  const lookIndex = (url: string) => new URL(url).pathname.split("/").at(-1)!.split(",").indexOf("task.endedSince");
  const isLook = (url: string) => lookIndex(url) >= 0;
  page.on("response", async (response) => {
    if (isLook(response.url())) answers.push((await response.json())[lookIndex(response.url())].result.data.json);
  });
  let looks = 0;
  await page.route((url) => isLook(url.href), async (route) => {
    if (++looks === 1) await released;
    await route.continue();
  });
  await page.route("**/socket.io/**", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/settings/tokens");
  await expect.poll(() => looks).toBe(1);
  // A cancel ends the task in its own transaction: it has ended once the call returns.
  await mutate(page.request, baseURL!, "task.cancel", { id: task.id });
  release();

  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  // The look on connect starts a little before the first look's moment, and finds the end again.
  await expect.poll(() => answers.length).toBeGreaterThanOrEqual(2);
  expect(answers[0]!.endedBefore).toContain(task.id);
  expect(answers[1]!.ended.map((ended) => ended.taskId), "the task ended within a second of the page's first look").toContain(task.id);
  await page.waitForTimeout(500);
  expect(await shownNotifications(page)).toEqual([]);
});
