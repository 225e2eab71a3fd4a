// The public, read-only page behind a share link. No sign-in: the token in the address is the
// permission. Every token that does not open a page gets the same 404, whatever the reason.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedLogList } from "@/components/share/shared-log-list";
import { SharedSubtaskOutline } from "@/components/share/shared-subtask-outline";
import { SharedTaskTotals } from "@/components/share/shared-task-totals";
import { formatUtcDateTime } from "@/components/share/format-utc";
import { StatusBadge } from "@/components/status-badge";
import { OPEN_TASK_STATUSES } from "@/components/tasks/task-header";
import { TaskOutcome } from "@/components/tasks/task-outcome";
import { TaskPrompt } from "@/components/tasks/task-prompt";
import { db } from "@/server/db";
import { readSharedTask } from "@/server/services/access/share-links";

export const dynamic = "force-dynamic";

// Shared pages stay out of search engines, and the token in the address must not travel to
// other sites in a Referer header.
export const metadata: Metadata = {
  title: "Shared task · Baton",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** The page is rendered once per request: one "now" decides expiry and the running times shown. */
async function loadSharedTask(token: string) {
  const now = new Date();
  return { shared: await readSharedTask(db, token, now), now: now.getTime() };
}

export default async function SharedTaskPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { shared, now } = await loadSharedTask(token);
  if (!shared) notFound();
  const { task, expiresAt, logs } = shared;

  return (
    <article className="space-y-6" data-testid="shared-task">
      <header>
        <p className="text-xs text-subtle" data-testid="share-expiry">
          Shared link · {expiresAt ? <>expires <time dateTime={expiresAt.toISOString()}>{formatUtcDateTime(expiresAt)}</time></> : "never expires"}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 max-w-full text-xl font-semibold tracking-tight [overflow-wrap:anywhere] text-foreground">{task.title}</h1>
          <StatusBadge status={task.status} />
        </div>
        <div className="mt-4">
          <SharedTaskTotals task={task} now={now} />
        </div>
      </header>
      <TaskOutcome status={task.status} resultMarkdown={task.resultMarkdown} statusReason={task.statusReason} />
      {OPEN_TASK_STATUSES.includes(task.status) ? (
        <p className="rounded-md border border-border bg-info-soft px-3 py-2 text-sm text-info-fg">This task is still running. Reload the page later to see its result.</p>
      ) : null}
      <TaskPrompt prompt={task.prompt} />
      <SharedSubtaskOutline subtasks={task.subtasks} now={now} />
      {logs ? <SharedLogList logs={logs} /> : null}
      <footer className="border-t border-border pt-4 text-center text-xs text-subtle">Shared from Baton</footer>
    </article>
  );
}
