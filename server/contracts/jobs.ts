// Background jobs as data: each kind's payload schema and retry policy. Producers (web, advance,
// reconciler) and consumers (agent processes) share this file; payloads are validated both ways.
import { z } from "zod";

export const JOB_DEFINITIONS = {
  plan: {
    payloadSchema: z.object({ taskId: z.string().min(1) }),
    attempts: 4,
    backoffMs: 1_000,
  },
  subtask: {
    payloadSchema: z.object({ taskId: z.string().min(1), subtaskId: z.string().min(1) }),
    attempts: 3,
    backoffMs: 1_000,
  },
  finalize: {
    payloadSchema: z.object({ taskId: z.string().min(1) }),
    attempts: 4,
    backoffMs: 1_000,
  },
} as const;

export type JobKind = keyof typeof JOB_DEFINITIONS;
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_DEFINITIONS)[K]["payloadSchema"]>;

export function isJobKind(name: string): name is JobKind {
  return Object.hasOwn(JOB_DEFINITIONS, name);
}

export function parseJobPayload<K extends JobKind>(kind: K, data: unknown): JobPayload<K> {
  return JOB_DEFINITIONS[kind].payloadSchema.parse(data) as JobPayload<K>;
}

/** Job ids make enqueueing idempotent: the same work is never queued twice. */
export function jobIdFor(kind: JobKind, payload: { taskId: string; subtaskId?: string }): string {
  return kind === "subtask" ? `subtask-${payload.subtaskId}` : `${kind}-${payload.taskId}`;
}
