// The stream of tasks a chaos run submits through the web server's API with an API token, the
// way an internal tool would: prompts that the simulated Claude plans into multi-subtask graphs.
import type { Db } from "../../server/db/create-prisma";
import { newApiToken } from "../../server/auth/secret-tokens";
import type { Rng } from "./rng";

const PROMPTS = [
  "Summarise the three largest files in the workspace, then write a combined report",
  "Summarise the two largest files in the workspace, then write a combined report",
  "Compare the four largest files in the workspace and write a combined report",
  "Walk a chain of small steps [sim:chain=4] [sim:instant]",
  "Walk a longer chain of small steps [sim:chain=8] [sim:instant]",
];

export interface ApiClient {
  token: string;
  userId: string;
  call<T>(path: string, input: unknown, kind: "query" | "mutation"): Promise<T>;
}

/** An owner and a WRITE token for the run, written straight into its database. */
export async function createApiClient(db: Db, baseUrl: string): Promise<ApiClient> {
  const user = await db.user.create({ data: { email: `chaos-${Date.now()}@example.test`, role: "OWNER", name: "chaos run" } });
  const { token, prefix, tokenHash } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: "chaos run", scope: "WRITE", prefix, tokenHash } });
  return {
    token,
    userId: user.id,
    async call(path, input, kind) {
      const body = JSON.stringify({ json: input });
      const url = `${baseUrl}/api/trpc/${path}${kind === "query" ? `?input=${encodeURIComponent(body)}` : ""}`;
      const response = await fetch(url, {
        method: kind === "query" ? "GET" : "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(kind === "mutation" ? { body } : {}),
        signal: AbortSignal.timeout(10_000),
      });
      const raw = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } };
      if (!response.ok || !raw.result) throw new Error(`${path}: HTTP ${response.status} ${raw.error?.json?.message ?? ""}`.trim());
      return raw.result.data?.json as never;
    },
  };
}

export interface Workload {
  submitted: string[];
  /** Submissions the API refused or never answered (retried on the next tick). */
  refused: number;
  stop(): Promise<void>;
}

/** Keeps `inFlight` tasks open, submitting a new one whenever fewer are; `onTask` sees each id. */
export function startWorkload(args: { db: Db; api: ApiClient; rng: Rng; inFlight: number; onTask(id: string): void }): Workload {
  const workload: Workload = { submitted: [], refused: 0, stop: async () => {} };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const open = await args.db.task.count({ where: { status: { in: ["PLANNING", "RUNNING", "FINALIZING", "AWAITING_REVIEW"] } } }).catch(() => null);
      if (open !== null && open < args.inFlight) {
        try {
          const { id } = await args.api.call<{ id: string }>("task.create", { prompt: args.rng.pick(PROMPTS), priority: args.rng.int(1, 10) }, "mutation");
          workload.submitted.push(id);
          args.onTask(id);
          continue;
        } catch {
          workload.refused++;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  workload.stop = async () => {
    stopped = true;
    await loop;
  };
  return workload;
}
