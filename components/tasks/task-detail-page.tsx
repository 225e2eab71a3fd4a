"use client";
// Task detail: the plan to review (while it waits for review), outcome, write conflicts,
// approvals waiting on a person, the plan (graph, inspector and timeline) and the live activity
// log of one task. The selected subtask (in the URL) focuses the inspector and filters the log.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useSelectedSubtask } from "@/components/hooks/use-selected-subtask";
import { useTaskLive } from "@/components/hooks/use-task-live";
import { BudgetBanner } from "@/components/tasks/budget-banner";
import { StatusView } from "@/components/layout/status-view";
import { errorMessage } from "@/components/live/error-message";
import { LogPanel } from "@/components/logs/log-panel";
import { useTRPC } from "@/components/providers/trpc";
import { SharePanel } from "@/components/share/share-panel";
import { TaskDetailSkeleton } from "@/components/tasks/task-detail-skeleton";
import { TaskFacts } from "@/components/tasks/task-facts";
import { OPEN_TASK_STATUSES, TaskHeader } from "@/components/tasks/task-header";
import { TaskOutcome } from "@/components/tasks/task-outcome";
import { TaskPlan } from "@/components/tasks/task-plan";
import { TaskPrompt } from "@/components/tasks/task-prompt";
import { ApprovalsPanel } from "@/components/tasks/approvals-panel";
import { PlanReviewPanel } from "@/components/tasks/plan-review/plan-review-panel";
import { WriteConflictsAlert } from "@/components/tasks/write-conflicts-alert";
import { Alert } from "@/components/ui/alert";

/** Safety net for missed events while a task runs; live events do the real work. */
const OPEN_TASK_REFRESH_MS = 15_000;

const isMissing = (error: unknown) =>
  error instanceof TRPCClientError && (error.data?.code === "NOT_FOUND" || error.data?.code === "BAD_REQUEST");

export function TaskDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const task = useQuery(
    trpc.task.byId.queryOptions(
      { id },
      { refetchInterval: (query) => (query.state.data && OPEN_TASK_STATUSES.includes(query.state.data.status) ? OPEN_TASK_REFRESH_MS : false) },
    ),
  );
  const live = useTaskLive(id);
  const [selectedSubtaskId, setSelectedSubtaskId] = useSelectedSubtask();
  const cancel = useMutation(
    trpc.task.cancel.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.task.byId.queryFilter({ id })),
    }),
  );

  if (task.isPending) return <TaskDetailSkeleton />;
  if (task.isError && !task.data) {
    if (isMissing(task.error)) {
      return (
        <StatusView title="Task not found">
          There is no task with the id <code className="font-mono">{id}</code>. It may have been removed, or the link is wrong.
        </StatusView>
      );
    }
    return <Alert title="Could not load the task">{errorMessage(task.error)}</Alert>;
  }

  const data = task.data;
  // A link to a subtask of another task (or a stale one) selects nothing.
  const subtaskId = data.subtasks.some((s) => s.id === selectedSubtaskId) ? selectedSubtaskId : null;
  return (
    <div className="space-y-6">
      <div>
        <TaskHeader
          title={data.title}
          status={data.status}
          cancel={{ onCancel: () => cancel.mutate({ id }), pending: cancel.isPending, error: cancel.error ? errorMessage(cancel.error) : null }}
        />
        <TaskFacts task={data} />
      </div>
      {task.isError ? <Alert tone="warning" title="Showing the last loaded state">{errorMessage(task.error)}</Alert> : null}
      {data.status === "BUDGET_REACHED" ? (
        <BudgetBanner taskId={id} createdById={data.createdById} costMicros={data.costMicros} budgetMicros={data.budgetMicros} />
      ) : null}
      {data.status === "AWAITING_REVIEW" ? <PlanReviewPanel task={data} /> : null}
      <TaskOutcome status={data.status} resultMarkdown={data.resultMarkdown} statusReason={data.statusReason} />
      <WriteConflictsAlert conflicts={data.writeConflicts} subtasks={data.subtasks} />
      <ApprovalsPanel taskId={id} createdById={data.createdById} />
      <TaskPrompt prompt={data.prompt} />
      <TaskPlan task={data} planning={data.status === "PLANNING"} selectedId={subtaskId} onSelect={setSelectedSubtaskId} />
      <LogPanel
        logs={live.logs}
        history={live.history}
        older={live.older}
        onRetry={live.retry}
        subtasks={data.subtasks}
        subtaskId={subtaskId}
        onSubtaskChange={setSelectedSubtaskId}
      />
      <SharePanel taskId={id} />
    </div>
  );
}
