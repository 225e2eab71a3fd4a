"use client";
// Shown while a task waits for review of its plan: the estimate, the plan as an editable list
// (titles, instructions, what each subtask waits for, add and remove), and "Approve and run" or
// "Discard". Edits are saved as a whole; the server validates them (a cycle is refused by name),
// re-estimates, and refuses a save made on an older version of the plan. People who may not
// review see the estimate and who can.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRef, useState } from "react";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";
import { formatUsd } from "@/server/client/format-usd";
import { routeProfile } from "@/server/services/profiles/route-profile";
import { capabilityChoices, describePlanError, draftFromSaved, isChanged, newDraftSubtask, removeSubtask, toEditRequest, toggleCapability, toggleDependency, updateSubtask, type DraftSubtask } from "./plan-draft";
import { PlanEstimateSummary } from "./plan-estimate-summary";
import { PlanReviewActions } from "./plan-review-actions";
import { PlanSubtaskEditor } from "./plan-subtask-editor";

type TaskView = RouterOutputs["task"]["byId"];

const isConflict = (error: unknown) => error instanceof TRPCClientError && error.data?.code === "CONFLICT";

export function PlanReviewPanel({ task }: { task: TaskView }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const mayReview =
    !!me.data && can(me.data.role, PROCEDURE_RULES["task.editPlan"].role) && (me.data.id === task.createdById || can(me.data.role, "reviewAnyPlan"));
  return (
    <Card data-testid="plan-review">
      <CardHeader
        title="Review the plan"
        description={task.statusReason ?? "Nothing runs until the plan is approved."}
      />
      <div className="space-y-4 p-4">
        <PlanEstimateSummary
          estimatedTokens={task.estimatedTokens}
          estimatedCostMicros={task.estimatedCostMicros}
          estimatedSeconds={task.estimatedSeconds}
          budgetMicros={task.budgetMicros}
          subtaskCount={task.subtasks.length}
        />
        {mayReview ? (
          <PlanEditor task={task} />
        ) : me.data ? (
          <p className="text-sm text-muted">The task&apos;s creator or an admin can edit this plan, then approve or discard it.</p>
        ) : null}
      </div>
    </Card>
  );
}

function PlanEditor({ task }: { task: TaskView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(task.planVersion);
  const [draft, setDraft] = useState<DraftSubtask[]>(() => draftFromSaved(task.subtasks));
  const profiles = useQuery(trpc.agent.profiles.queryOptions());
  const capabilities = capabilityChoices(profiles.data ?? [], draft);
  const added = useRef(0);
  const refresh = () => queryClient.invalidateQueries(trpc.task.byId.queryFilter({ id: task.id }));
  const save = useMutation(trpc.task.editPlan.mutationOptions({ onSuccess: refresh }));
  const approve = useMutation(trpc.task.approvePlan.mutationOptions({ onSettled: refresh }));
  const discard = useMutation(trpc.task.discardPlan.mutationOptions({ onSettled: refresh }));

  const changed = isChanged(draft, task.subtasks);
  // A newer version arrived (this page's save, or someone else's): take it unless it would
  // throw away edits not saved yet; those stay, and saving them is refused as a conflict.
  if (task.planVersion !== base && !changed) {
    setBase(task.planVersion);
    setDraft(draftFromSaved(task.subtasks));
  }
  const stale = task.planVersion !== base;
  const reload = () => {
    void refresh();
    save.reset();
    approve.reset();
    setBase(task.planVersion);
    setDraft(draftFromSaved(task.subtasks));
  };

  const busy = save.isPending || approve.isPending || discard.isPending;
  const error = save.error ?? approve.error ?? discard.error;
  const positionOf = new Map(draft.map((s, index) => [s.key, index]));
  const summary = `${task.subtasks.length} subtask${task.subtasks.length === 1 ? "" : "s"}${task.estimatedCostMicros === null ? "" : `, estimated at ${formatUsd(task.estimatedCostMicros)}`}`;

  return (
    <div className="space-y-4">
      <ol className="space-y-3" aria-label="Subtasks of the plan">
        {draft.map((subtask, position) => (
          <PlanSubtaskEditor
            key={subtask.key}
            subtask={subtask}
            position={position}
            others={draft.filter((other) => other.key !== subtask.key).map((other) => ({ key: other.key, position: positionOf.get(other.key)!, title: other.title }))}
            disabled={busy}
            onChange={(change) => setDraft((current) => updateSubtask(current, subtask.key, change))}
            onToggleDependency={(key) => setDraft((current) => toggleDependency(current, subtask.key, key))}
            capabilities={capabilities}
            profileName={profiles.data ? (routeProfile(subtask.capabilities, profiles.data)?.name ?? null) : null}
            onToggleCapability={(capability) => setDraft((current) => toggleCapability(current, subtask.key, capability))}
            onRemove={() => setDraft((current) => removeSubtask(current, subtask.key))}
          />
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => setDraft((current) => [...current, newDraftSubtask(`new-${++added.current}`, current)])} disabled={busy}>
          Add a subtask
        </Button>
        <Button
          variant={changed ? "primary" : "secondary"}
          onClick={() => save.mutate({ id: task.id, planVersion: base, subtasks: toEditRequest(draft) })}
          disabled={busy || !changed}
        >
          {save.isPending ? "Saving and estimating…" : "Save changes"}
        </Button>
        {changed ? (
          <Button variant="ghost" onClick={reload} disabled={busy}>
            Undo changes
          </Button>
        ) : null}
      </div>
      {stale ? (
        <Alert tone="warning" title="Someone else saved a newer version of this plan">
          Saving your changes will be refused. Load the current plan to see theirs (your unsaved changes are dropped).
        </Alert>
      ) : null}
      {error ? (
        <Alert title={save.error ? "The plan was not saved" : approve.error ? "The plan was not approved" : "The plan was not discarded"}>
          {describePlanError(errorMessage(error))}
          {isConflict(error) ? (
            <Button size="sm" className="mt-2 block" onClick={reload}>
              Load the current plan
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="border-t border-border pt-4">
        <PlanReviewActions
          summary={summary}
          approveBlocked={changed ? "Save or undo your changes first." : null}
          busy={busy}
          approving={approve.isPending}
          discarding={discard.isPending}
          onApprove={() => approve.mutate({ id: task.id, planVersion: base })}
          onDiscard={(reason) => discard.mutate({ id: task.id, ...(reason ? { reason } : {}) })}
        />
      </div>
    </div>
  );
}
