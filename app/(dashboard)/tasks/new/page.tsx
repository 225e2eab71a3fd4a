// New task, optionally prefilled from an earlier one (`?from=<taskId>`), read on the server.
import { NewTaskPage } from "@/components/tasks/new-task-page";
import { requirePageActor } from "@/server/auth/page-access";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";
import { db } from "@/server/db";
import { getBudgetSettings } from "@/server/services/budgets/budget-settings";
import { formatUsd } from "@/server/client/format-usd";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const actor = await requirePageActor();
  const from = (await searchParams).from;
  const fromId = typeof from === "string" && from.length > 0 && from.length <= 64 ? from : null;
  const [source, budgets] = await Promise.all([
    fromId ? db.task.findUnique({ where: { id: fromId }, select: { id: true, title: true, prompt: true, priority: true } }) : null,
    getBudgetSettings(db),
  ]);
  return (
    <NewTaskPage
      canCreate={can(actor.role, PROCEDURE_RULES["task.create"].role)}
      source={source}
      missingSourceId={fromId && !source ? fromId : null}
      // Whole dollars without cents, so a large default fits the field.
      defaultBudget={budgets.defaultTaskBudgetMicros === null ? null : formatUsd(budgets.defaultTaskBudgetMicros).replace(/\.00$/, "")}
    />
  );
}
