// Names a log line's subtask as the dashboard does (#1, #2, …). A line can name a subtask
// planned after the task was last read; the task is then read again, once per unknown id.
import type { BatonClient } from "../create-baton-client";
import { subtaskLabel, type TaskDetail } from "./format-output";

export interface SubtaskLabels {
  labelFor(subtaskId: string | null): Promise<string>;
}

export function createSubtaskLabels(client: BatonClient, task: TaskDetail): SubtaskLabels {
  const labels = new Map<string, string>();
  const looked = new Set<string>();
  const learn = (detail: TaskDetail) => {
    for (const subtask of detail.subtasks) labels.set(subtask.id, subtaskLabel(subtask.index));
  };
  learn(task);

  return {
    async labelFor(subtaskId) {
      if (!subtaskId) return "task";
      if (!labels.has(subtaskId) && !looked.has(subtaskId)) {
        looked.add(subtaskId);
        // A label is a nicety: if the lookup fails the line still prints.
        await client.task.byId.query({ id: task.id }).then(learn, () => undefined);
      }
      return labels.get(subtaskId) ?? "#?";
    },
  };
}
