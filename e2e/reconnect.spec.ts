// A socket that drops mid-stream loses nothing: after reconnecting, the page fetches what it
// missed, so every log line of the task is shown exactly once and in order.
import { expect, test } from "@playwright/test";
import { controlSocket } from "./support/socket-control";
import { TASK_PAGE_URL } from "./support/task-page-url";
import { logLineTotal, shownLogSeqs } from "./support/log-viewer";

test("log lines missed while the socket was down are caught up after it reconnects", async ({ page }) => {
  const socket = await controlSocket(page);

  await page.goto("/tasks/new");
  // Each subtask runs a short command, so the task is still logging when the socket drops.
  await page.getByLabel("What should the agents do?").fill("Summarise the two largest files in the workspace, then write a combined report [sim:cmd=sleep 2]");
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);
  const taskId = page.url().split("/").at(-1)!;
  await expect.poll(() => logLineTotal(page), { timeout: 30_000 }).toBeGreaterThan(2);

  // Drop the connection and keep it down while the agents go on logging.
  await socket.drop();
  await expect(page.getByText("Live", { exact: true })).toBeHidden();
  const shownWhileDown = await logLineTotal(page);
  const storedSeqsNow = async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { id: taskId, limit: 2000 } }));
    const stored = (await (await page.request.get(`/api/trpc/task.logs?input=${input}`)).json()) as { result: { data: { json: { items: { seq: number }[] } } } };
    return stored.result.data.json.items.map((item) => item.seq);
  };
  // Down until the agents have logged lines the page has not seen.
  await expect.poll(async () => (await storedSeqsNow()).length, { timeout: 30_000 }).toBeGreaterThan(shownWhileDown);
  socket.restore();

  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 45_000 });
  const storedSeqs = await storedSeqsNow();

  await expect.poll(() => logLineTotal(page)).toBe(storedSeqs.length);
  expect(await shownLogSeqs(page)).toEqual(storedSeqs);
  expect(storedSeqs.length).toBeGreaterThan(shownWhileDown);
});
