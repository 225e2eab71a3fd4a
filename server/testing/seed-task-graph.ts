// A task and its subtask graph written straight into PostgreSQL, in exactly the state a test
// needs (as advance() leaves a task after a failure, say), with instructions the simulated
// Claude can act on if agents pick the task up.
import type { Db, SubtaskStatus, TaskStatus } from "../db/create-prisma";

export interface SeedSubtask {
  title: string;
  instructions: string;
  capabilities: string[];
  status: SubtaskStatus;
  dependsOn: number[];
}

const TASK = "Summarise the two largest files, then write a combined report";
const GATHER = { title: "Survey the workspace", instructions: `List every file in the workspace with its size and read the largest one. Overall task: "${TASK}" [step=gather]`, capabilities: ["read"] };
const item = (n: number) => ({
  title: `Analyze file ${n}`,
  instructions: `Read the ${n === 1 ? "largest file" : "2nd largest file"} in the workspace. This covers one part of the overall task: "${TASK}" [item=${n}]`,
  capabilities: ["read", "analyze"],
});
const JOIN = { title: "Write the combined report", instructions: `Combine the findings of the 2 earlier steps into one markdown report saved as report.md. Overall task: "${TASK}" [step=join]`, capabilities: ["write"] };

/** Survey → two analyses → report; the survey and the first analysis succeeded. */
export const diamond = (itemTwo: SubtaskStatus = "FAILED", join: SubtaskStatus = "SKIPPED"): SeedSubtask[] => [
  { ...GATHER, status: "SUCCEEDED", dependsOn: [] },
  { ...item(1), status: "SUCCEEDED", dependsOn: [0] },
  { ...item(2), status: itemTwo, dependsOn: [0] },
  { ...JOIN, status: join, dependsOn: [1, 2] },
];

const ENDED: TaskStatus[] = ["SUCCEEDED", "FAILED", "CANCELLED"];

/**
 * Created two hours ago. A task that ended has a deadline long past (a retry must give it a new
 * one, or the reconciler would time it out at once); succeeded subtasks have a result and spend.
 */
export async function seedTaskGraph(db: Db, createdById: string, status: TaskStatus, subtasks: SeedSubtask[]) {
  const createdAt = new Date(Date.now() - 2 * 3600_000);
  const finishedAt = new Date(Date.now() - 3600_000);
  const ended = ENDED.includes(status);
  const created = await db.task.create({
    data: {
      title: "Seeded",
      prompt: TASK,
      status,
      statusReason: status === "FAILED" ? 'Subtask "Analyze file 2" failed.' : null,
      createdById,
      createdAt,
      startedAt: createdAt,
      finishedAt: ended ? finishedAt : null,
      timeoutAt: ended ? new Date(createdAt.getTime() + 30 * 60_000) : null,
      costMicros: 5_000n,
      inputTokens: 1_000,
    },
  });
  const ids: string[] = [];
  for (const [index, s] of subtasks.entries()) {
    const done = s.status === "SUCCEEDED";
    const row = await db.subtask.create({
      data: {
        taskId: created.id,
        index,
        title: s.title,
        instructions: s.instructions,
        capabilities: s.capabilities,
        status: s.status,
        attempts: s.status === "FAILED" ? 3 : done ? 1 : 0,
        summary: done ? `${s.title}: done.` : null,
        output: done ? { seeded: index } : undefined,
        statusReason: s.status === "FAILED" ? "Claude answered 500: Internal server error (simulated)." : null,
        costMicros: done || s.status === "FAILED" ? 1_000n : 0n,
        startedAt: s.status === "SKIPPED" || s.status === "PENDING" ? null : createdAt,
        finishedAt: ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"].includes(s.status) ? finishedAt : null,
        dependsOn: { create: s.dependsOn.map((i) => ({ dependsOnId: ids[i]! })) },
      },
    });
    ids.push(row.id);
  }
  return { taskId: created.id, ids };
}
