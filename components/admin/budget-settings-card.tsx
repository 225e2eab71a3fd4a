"use client";
// The budget a new task gets when its creator sets none, the ceiling members' budgets may not
// pass (admins may), and the estimated cost above which a plan waits for review before it runs.
// Each may be left empty: no default budget, no ceiling, no mandatory review.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { clearAnswerOnEdit, errorMessage, formErrorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

import { Label } from "@/components/ui/label";
import { MoneyInput } from "@/components/ui/money-input";
import { Skeleton } from "@/components/ui/skeleton";
import type { BudgetSettings } from "@/server/services/budgets/budget-settings";
import { usdOrNull, usdText } from "./usd-field";

/** The form's words for the API's field names, in refusals. */
const BUDGET_LABELS = { defaultTaskBudgetUsd: "Default task budget", maxTaskBudgetUsd: "Members' ceiling", reviewAboveUsd: "Review plans above" };

export function BudgetSettingsCard() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  return (
    <Card>
      <CardHeader
        title="Task budgets and plan review"
        description="A task stops before the model call that could take it past its budget and waits for its creator to raise it or stop there."
      />
      {settings.data ? (
        <BudgetSettingsForm settings={settings.data} />
      ) : settings.isError ? (
        <div className="p-4">
          <Alert title="Could not load the budget settings">{errorMessage(settings.error)}</Alert>
        </div>
      ) : (
        <div className="p-4">
          <Skeleton className="h-9 w-80" />
        </div>
      )}
    </Card>
  );
}

function BudgetSettingsForm({ settings }: { settings: BudgetSettings }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [defaultBudget, setDefaultBudget] = useState(usdText(settings.defaultTaskBudgetMicros));
  const [ceiling, setCeiling] = useState(usdText(settings.maxTaskBudgetMicros));
  const [reviewAbove, setReviewAbove] = useState(usdText(settings.reviewAboveMicros));
  const save = useMutation(trpc.settings.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.settings.get.queryFilter()) }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate({ defaultTaskBudgetUsd: usdOrNull(defaultBudget), maxTaskBudgetUsd: usdOrNull(ceiling), reviewAboveUsd: usdOrNull(reviewAbove) });
  };

  return (
    <form
      onSubmit={submit}
      onChange={clearAnswerOnEdit(save, { andSaved: true })}
      className="space-y-3 p-4"
    >
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-56">
          <Label htmlFor={`${id}-default`}>Default task budget (USD)</Label>
          <MoneyInput id={`${id}-default`} value={defaultBudget} onChange={(e) => setDefaultBudget(e.target.value)} disabled={save.isPending} />
        </div>
        <div className="w-56">
          <Label htmlFor={`${id}-ceiling`}>Members&apos; ceiling (USD)</Label>
          <MoneyInput id={`${id}-ceiling`} value={ceiling} onChange={(e) => setCeiling(e.target.value)} disabled={save.isPending} />
        </div>
        <div className="w-56">
          <Label htmlFor={`${id}-review`}>Review plans above (USD)</Label>
          <MoneyInput id={`${id}-review`} value={reviewAbove} onChange={(e) => setReviewAbove(e.target.value)} disabled={save.isPending} />
        </div>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </Button>
        {save.isSuccess && !save.isPending ? <span className="text-sm text-muted" role="status">Saved.</span> : null}
      </div>
      <p className="text-xs text-muted">
        Leave a field empty for no default budget, no ceiling, or no mandatory review. Admins may give a task more than the ceiling. A plan
        estimated above the review amount waits on its task page until its creator or an admin approves it.
      </p>
      {save.error ? <Alert title="The budgets were not saved">{formErrorMessage(save.error, BUDGET_LABELS)}</Alert> : null}
    </form>
  );
}
