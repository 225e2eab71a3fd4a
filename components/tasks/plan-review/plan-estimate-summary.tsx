// The plan's estimate in one line — tokens, cost, time on the current fleet — with a warning when
// it is above the task's budget (the task would pause there).
import { formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { formatUsd } from "@/server/client/format-usd";

interface PlanEstimateSummaryProps {
  estimatedTokens: number | null;
  estimatedCostMicros: bigint | null;
  estimatedSeconds: number | null;
  budgetMicros: bigint | null;
  subtaskCount: number;
}

export function PlanEstimateSummary({ estimatedTokens, estimatedCostMicros, estimatedSeconds, budgetMicros, subtaskCount }: PlanEstimateSummaryProps) {
  if (estimatedTokens === null || estimatedCostMicros === null || estimatedSeconds === null) {
    return <p className="text-sm text-muted">This plan has no estimate.</p>;
  }
  const figures = [
    { label: "Subtasks", value: String(subtaskCount) },
    { label: "Tokens", value: formatCount(estimatedTokens) },
    { label: "Cost", value: formatUsd(estimatedCostMicros) },
    { label: "Time", value: formatDuration(estimatedSeconds * 1000) },
  ];
  return (
    <div className="space-y-2">
      <dl data-testid="plan-estimate" className="flex flex-wrap gap-x-8 gap-y-2">
        {figures.map((figure) => (
          <div key={figure.label}>
            <dt className="text-xs text-subtle">{figure.label === "Subtasks" ? figure.label : `Estimated ${figure.label.toLowerCase()}`}</dt>
            <dd className="text-lg font-semibold text-foreground tabular-nums">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">
        From the price table and the history of similar subtasks; the time assumes the fleet&apos;s agents as they are, and excludes planning and the final summary.
      </p>
      {budgetMicros !== null && estimatedCostMicros > budgetMicros ? (
        <p className="text-xs font-medium text-warning-fg">
          Above this task&apos;s {formatUsd(budgetMicros)} budget: it would pause when the budget is reached.
        </p>
      ) : null}
    </div>
  );
}
