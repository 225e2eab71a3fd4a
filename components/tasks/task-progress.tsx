// Subtasks done out of planned, as a number and a thin bar.
export function TaskProgress({ done, total }: { done: number; total: number }) {
  if (total === 0) return <span className="text-sm text-subtle">—</span>;
  const percent = Math.round((done / total) * 100);
  return (
    <div className="flex items-center gap-2" title={`${done} of ${total} subtasks succeeded`}>
      <div className="h-1.5 w-16 overflow-hidden rounded-full bg-surface-muted" aria-hidden>
        <div className="h-full rounded-full bg-success-fg/70" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-sm tabular-nums text-muted">
        {done}/{total}
      </span>
    </div>
  );
}
