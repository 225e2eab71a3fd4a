// One headline number with its label, linking to the page that explains it.
import Link from "next/link";
import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";

export function StatTile({ label, value, detail, href, testId }: { label: string; value: ReactNode | null; detail?: ReactNode; href?: string; testId?: string }) {
  const body = (
    <>
      <p className="text-xs font-medium text-muted">{label}</p>
      {value === null ? <Skeleton className="mt-1.5 h-7 w-20" /> : <p className="mt-1 text-2xl font-semibold tracking-tight text-foreground tabular-nums">{value}</p>}
      {detail ? <p className="mt-0.5 text-xs leading-snug text-subtle">{detail}</p> : null}
    </>
  );
  const frame = "block min-w-0 rounded-lg border border-border bg-surface px-4 py-3 shadow-sm";
  return href ? (
    <Link href={href} className={`${frame} transition-colors hover:border-border-strong hover:bg-surface-muted/60`} data-testid={testId}>
      {body}
    </Link>
  ) : (
    <div className={frame} data-testid={testId}>
      {body}
    </div>
  );
}
