"use client";
// Overview: what is running and waiting now, what finished last, the fleet, and the last 24
// hours in three numbers. Every number links to the page behind it; everything updates live.
import { formatCount } from "@/components/format/numbers";
import { formatRate } from "@/components/analytics/format-bucket";
import { StatTile } from "@/components/analytics/stat-tile";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/link-button";
import { formatUsd } from "@/server/client/format-usd";
import { FleetGlance } from "./fleet-glance";
import { queuedDetail, recentDetail, runningDetail, TaskGlance } from "./task-glance";
import { useOverview } from "./use-overview";

const LAST_DAY = "/analytics?range=24h";
const RUNNING_TASKS = "/tasks?status=RUNNING,FINALIZING";

export function OverviewPage({ canCreate }: { canCreate: boolean }) {
  const { tasks, queues, today } = useOverview();
  const counts = tasks.data?.counts;
  const day = today.data;

  return (
    <>
      <PageHeader
        title="Overview"
        description="What the fleet is doing now. Updates live."
        actions={
          canCreate ? (
            <LinkButton href="/tasks/new" variant="primary">
              New task
            </LinkButton>
          ) : null
        }
      />
      {today.isError ? (
        <Alert title="Could not load the last 24 hours" className="mb-4">
          {errorMessage(today.error)}
        </Alert>
      ) : null}
      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" data-testid="overview-numbers">
        <StatTile label="Running" value={counts ? formatCount(counts.running) : null} detail="tasks in progress" href={RUNNING_TASKS} testId="stat-running" />
        <StatTile label="Queued" value={counts ? formatCount(counts.queued) : null} detail="waiting for a plan" href="/tasks?status=PLANNING" testId="stat-queued" />
        <StatTile
          label="Waiting on people"
          value={counts ? formatCount(counts.awaitingReview + counts.paused) : null}
          detail={counts ? `${formatCount(counts.awaitingReview)} plan reviews, ${formatCount(counts.paused)} at budget` : undefined}
          href="/tasks?status=AWAITING_REVIEW,BUDGET_REACHED"
          testId="stat-waiting"
        />
        <StatTile label="Finished, 24 h" value={day ? formatCount(day.finished) : null} detail={day ? `${formatCount(day.failed)} failed` : undefined} href={LAST_DAY} testId="stat-finished" />
        <StatTile label="Success rate, 24 h" value={day ? formatRate(day.successRate) : null} detail="succeeded ÷ (succeeded + failed)" href={LAST_DAY} testId="stat-success" />
        <StatTile label="Spend, 24 h" value={day ? formatUsd(day.costMicros) : null} detail={day ? `${formatCount(day.calls)} model calls` : undefined} href={LAST_DAY} testId="stat-spend" />
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="grid min-w-0 gap-6 lg:grid-cols-2 xl:col-span-2">
          <TaskGlance
            id="running"
            title="Running"
            tasks={tasks.data?.running}
            state={tasks}
            empty="Nothing is running."
            allHref={RUNNING_TASKS}
            allLabel={counts && counts.running > tasks.data!.running.length ? `All ${formatCount(counts.running)} running` : "Running tasks"}
            detail={runningDetail}
          />
          <TaskGlance
            id="queued"
            title="Queued"
            description="Waiting for a planner, oldest first."
            tasks={tasks.data?.queued}
            state={tasks}
            empty="No task is waiting for a plan."
            allHref="/tasks?status=PLANNING"
            allLabel={counts && counts.queued > tasks.data!.queued.length ? `All ${formatCount(counts.queued)} queued` : "Queued tasks"}
            detail={queuedDetail}
          />
          <div className="min-w-0 lg:col-span-2">
            <TaskGlance id="recent" title="Recently finished" tasks={tasks.data?.recent} state={tasks} empty="No task has finished yet." allHref="/tasks" allLabel="All tasks" detail={recentDetail} />
          </div>
        </div>
        <FleetGlance queues={queues} />
      </div>
    </>
  );
}
