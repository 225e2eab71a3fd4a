// Label-over-value pairs in a grid: the summary numbers of a task, a share page, a profile.
import type { ReactNode } from "react";
import { cx } from "./class-names";

export interface Fact {
  label: string;
  value: ReactNode;
}

export function FactList({ facts, className, "data-testid": testId }: { facts: Fact[]; className?: string; "data-testid"?: string }) {
  return (
    <dl className={cx("grid grid-cols-2 gap-x-6 gap-y-3", className)} data-testid={testId}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt className="text-xs text-subtle">{fact.label}</dt>
          <dd className="mt-0.5 text-sm text-foreground tabular-nums">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
