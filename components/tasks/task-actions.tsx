"use client";
// What can be done with a task from its header: cancel it while it runs (once confirmed), retry
// its failed subtasks (keeping those that succeeded), or run its prompt again as a new task — at
// once, or edited first. Each action shows only to people the permission matrix lets use it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { OPEN_TASK_STATUSES } from "@/components/tasks/task-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { LinkButton } from "@/components/ui/link-button";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";
import { retryEligibility, RERUNNABLE_SUBTASK_STATUSES } from "@/server/services/tasks/retry-eligibility";
import type { TaskDetail } from "@/server/services/tasks/get-task";

export type TaskActionsInput = Pick<TaskDetail, "id" | "status" | "createdById"> & { subtasks: { id: string; status: string }[] };

/** Where "Edit and re-run" opens the new-task form, prefilled from this task. */
export const editAndRerunHref = (taskId: string) => `/tasks/new?from=${encodeURIComponent(taskId)}`;

export function TaskActions({ task }: { task: TaskActionsInput }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const byId = trpc.task.byId.queryFilter({ id: task.id });
  const refresh = () => void queryClient.invalidateQueries(byId);

  // Cancel waits for the server: it is the one that stops agents, and a task may have ended
  // meanwhile. A retry the page already judged possible is shown at once (failed subtasks back to
  // pending, the task running), and the last loaded state comes back if the server refuses.
  const cancel = useMutation(trpc.task.cancel.mutationOptions({ onSettled: refresh }));
  const retry = useMutation(
    trpc.task.retry.mutationOptions({
      onMutate: async () => {
        await queryClient.cancelQueries(byId);
        const previous = queryClient.getQueryData(byId.queryKey);
        if (previous) queryClient.setQueryData(byId.queryKey, asRetried(previous));
        return { previous };
      },
      onError: (_error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(byId.queryKey, context.previous);
      },
      onSettled: refresh,
    }),
  );
  const rerun = useMutation(
    trpc.task.rerun.mutationOptions({
      onSuccess: (created) => {
        void queryClient.invalidateQueries(trpc.task.list.pathFilter());
        router.push(`/tasks/${created.id}`);
      },
    }),
  );

  const actor = me.data;
  const mine = !!actor && actor.id === task.createdById;
  const mayCancel = !!actor && can(actor.role, PROCEDURE_RULES["task.cancel"].role) && (mine || can(actor.role, "cancelAnyTask"));
  const mayRetry = !!actor && can(actor.role, PROCEDURE_RULES["task.retry"].role) && (mine || can(actor.role, "retryAnyTask"));
  const mayRerun = !!actor && can(actor.role, PROCEDURE_RULES["task.rerun"].role);
  const open = OPEN_TASK_STATUSES.includes(task.status);
  const eligibility = retryEligibility(task.status, task.subtasks);
  const busy = cancel.isPending || retry.isPending || rerun.isPending;

  // Once a cancel from here has ended the task, keyboard focus moves from the button that is gone
  // to the first action the ended task offers (Re-run). The live update can end the task before
  // the cancel's own answer arrives, while the actions are still disabled: focus waits for both.
  const actionsRef = useRef<HTMLDivElement>(null);
  const cancelledHere = useRef(false);
  useEffect(() => {
    if (open || busy || !cancelledHere.current) return;
    cancelledHere.current = false;
    actionsRef.current?.querySelector<HTMLElement>("button, a")?.focus();
  }, [open, busy]);

  const failure = cancel.error
    ? { title: "Could not cancel the task", error: cancel.error }
    : retry.error
      ? { title: "Could not retry the task", error: retry.error }
      : rerun.error
        ? { title: "Could not re-run the task", error: rerun.error }
        : null;

  return (
    <div className="flex flex-col items-end gap-2">
      <div ref={actionsRef} className="flex flex-wrap items-center justify-end gap-2" data-testid="task-actions">
        {open && mayCancel ? (
          <ConfirmButton
            variant="danger"
            size="md"
            label="Cancel task"
            question="Stop its running subtasks and cancel it?"
            confirmLabel="Cancel the task"
            pendingLabel="Cancelling…"
            dismissLabel="Keep it running"
            pending={cancel.isPending}
            onConfirm={() => {
              cancelledHere.current = true;
              cancel.mutate({ id: task.id });
            }}
            disabled={busy}
          />
        ) : null}
        {eligibility.retryable && mayRetry ? (
          <Button variant="primary" onClick={() => retry.mutate({ id: task.id })} disabled={busy} title={retryHint(eligibility.reset.length, eligibility.kept)}>
            {retry.isPending ? "Retrying…" : "Retry failed subtasks"}
          </Button>
        ) : null}
        {!open && mayRerun ? (
          <>
            <Button onClick={() => rerun.mutate({ id: task.id })} disabled={busy} title="Start a new task with the same prompt, title, priority and budget">
              {rerun.isPending ? "Starting…" : "Re-run"}
            </Button>
            <LinkButton href={editAndRerunHref(task.id)} variant="ghost">
              Edit and re-run
            </LinkButton>
          </>
        ) : null}
      </div>
      {failure ? (
        <Alert className="max-w-md" title={failure.title}>
          {errorMessage(failure.error)}
        </Alert>
      ) : null}
    </div>
  );
}

function asRetried(task: TaskDetail): TaskDetail {
  const rerun = (status: string) => (RERUNNABLE_SUBTASK_STATUSES as readonly string[]).includes(status);
  return {
    ...task,
    status: "RUNNING",
    statusReason: null,
    finishedAt: null,
    subtasks: task.subtasks.map((s) => (rerun(s.status) ? { ...s, status: "PENDING", statusReason: null, finishedAt: null } : s)),
  };
}

function retryHint(reset: number, kept: number): string {
  if (reset === 0) return "Every subtask succeeded; write the result again";
  const again = reset === 1 ? "1 subtask that failed or was skipped runs again" : `${reset} subtasks that failed or were skipped run again`;
  return kept === 0 ? again : `${again}; ${kept === 1 ? "the 1 that succeeded keeps its result" : `the ${kept} that succeeded keep their results`}`;
}
