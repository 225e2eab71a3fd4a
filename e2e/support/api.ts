// Calls Baton's tRPC endpoint the way the browser does (session cookie, same-origin Origin
// header, superjson bodies), for tests that need data without walking through the forms.
import { expect, type APIRequestContext } from "@playwright/test";

export async function mutate<T>(request: APIRequestContext, baseURL: string, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: new URL(baseURL).origin } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()).result.data.json as T;
}

export async function query<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()).result.data.json as T;
}

/** Submits a task and waits until it has ended, whatever the outcome. */
export async function finishedTask(request: APIRequestContext, baseURL: string, input: { prompt: string; title: string }): Promise<{ id: string; status: string }> {
  const task = await mutate<{ id: string }>(request, baseURL, "task.create", input);
  let status = "";
  await expect
    .poll(
      async () => {
        status = (await query<{ status: string }>(request, "task.byId", { id: task.id })).status;
        return ["SUCCEEDED", "FAILED", "CANCELLED"].includes(status);
      },
      { timeout: 60_000, message: `task ${task.id} did not finish` },
    )
    .toBe(true);
  return { id: task.id, status };
}
