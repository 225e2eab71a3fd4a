// A subtask as the task page receives it from `task.byId`.
import type { RouterOutputs } from "@/components/providers/trpc";

export type SubtaskView = RouterOutputs["task"]["byId"]["subtasks"][number];
