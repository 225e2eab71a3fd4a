"use client";
// Shown while a task is paused at its budget: what it spent of what it was given, and the two
// ways on: raise the budget (members up to the ceiling, admins any amount) and continue, or stop
// here and keep what the agents did so far.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { formErrorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MoneyInput } from "@/components/ui/money-input";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";
import { microsToUsd } from "@/server/services/costs/compute-cost";
import { formatUsd } from "@/server/client/format-usd";

interface BudgetBannerProps {
  taskId: string;
  createdById: string | null;
  costMicros: bigint;
  budgetMicros: bigint | null;
}

/** Twice what was given, rounded up to whole cents: enough to be worth a click. */
const suggestedUsd = (budgetMicros: bigint | null, costMicros: bigint) => Math.ceil(microsToUsd((budgetMicros ?? costMicros) * 2n) * 100) / 100 || 1;

export function BudgetBanner({ taskId, createdById, costMicros, budgetMicros }: BudgetBannerProps) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const settings = useQuery(trpc.settings.get.queryOptions());
  const [amount, setAmount] = useState(() => String(suggestedUsd(budgetMicros, costMicros)));
  const refresh = () => void queryClient.invalidateQueries(trpc.task.byId.queryFilter({ id: taskId }));
  const raise = useMutation(trpc.task.raiseBudget.mutationOptions({ onSettled: refresh }));
  const stop = useMutation(trpc.task.stopAtBudget.mutationOptions({ onSettled: refresh }));

  const role = me.data?.role;
  const mayAct = !!me.data && can(me.data.role, PROCEDURE_RULES["task.raiseBudget"].role) && (me.data.id === createdById || can(me.data.role, "budgetAnyTask"));
  const ceiling = settings.data?.maxTaskBudgetMicros ?? null;
  const limitHint =
    ceiling === null || !role ? null : can(role, "exceedBudgetCeiling") ? `Members may go up to ${formatUsd(ceiling)}; as an admin you may go above it.` : `At most ${formatUsd(ceiling)}.`;
  const busy = raise.isPending || stop.isPending;
  const error = raise.error ?? stop.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) raise.mutate({ id: taskId, budgetUsd: Number(amount) });
  };

  return (
    <div data-testid="budget-banner" role="status" className="rounded-md border border-warning-border bg-warning-soft px-4 py-3 text-sm text-warning-fg">
      <p className="font-medium">
        Budget reached — spent {formatUsd(costMicros)} of {formatUsd(budgetMicros ?? 0n)}
      </p>
      <p className="mt-0.5">The agents stopped before a model call that could have gone over. Everything done so far is kept.</p>
      {mayAct ? (
        <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={`${id}-amount`} className="mb-1 block text-xs font-medium">
              New budget (USD)
            </label>
            <MoneyInput
              id={`${id}-amount`}
              className="w-32 text-foreground"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              disabled={busy}
              aria-describedby={limitHint ? `${id}-hint` : undefined}
            />
          </div>
          <Button type="submit" variant="primary" disabled={busy || amount.trim() === ""}>
            {raise.isPending ? "Raising…" : "Raise the budget and continue"}
          </Button>
          <Button variant="secondary" onClick={() => stop.mutate({ id: taskId })} disabled={busy}>
            {stop.isPending ? "Stopping…" : "Stop here"}
          </Button>
          {limitHint ? (
            <p id={`${id}-hint`} className="basis-full text-xs">
              {limitHint}
            </p>
          ) : null}
        </form>
      ) : me.data ? (
        <p className="mt-2 text-xs">The task&apos;s creator or an admin can raise the budget or stop the task here.</p>
      ) : null}
      {error ? (
        <Alert className="mt-3" title={raise.error ? "The budget was not raised" : "The task was not stopped"}>
          {formErrorMessage(error, { budgetUsd: "The new budget" })}
        </Alert>
      ) : null}
    </div>
  );
}
