"use client";
// Analytics: what the fleet did over a range, how fast and what it cost. Every number is an
// aggregate computed by PostgreSQL; the range lives in the URL and all times are UTC.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { formatCount } from "@/components/format/numbers";
import { useRoom } from "@/components/hooks/use-room";
import { useThrottledRefresh } from "@/components/hooks/use-throttled-refresh";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { TASKS_ROOM } from "@/components/live/rooms";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { formatUsd } from "@/server/client/format-usd";
import type { AnalyticsInput } from "./analytics-data";
import { analyticsSearch, readAnalyticsView } from "./analytics-view";
import { EstimateCard, SpendCard, UsageBreakdownCard } from "./cost-cards";
import { FailuresCard } from "./failures-card";
import { UtilisationCards } from "./fleet-cards";
import { formatBucket, formatRate } from "./format-bucket";
import { OutcomeCards } from "./outcome-cards";
import { RangePicker } from "./range-picker";
import { StatTile } from "./stat-tile";
import { DurationCard, QueueWaitCard } from "./timing-cards";

/** Finished work changes the numbers; refetching at most this often keeps the database calm. */
const LIVE_REFRESH_MS = 10_000;
const MINUTE_MS = 60_000;

/** The clock, to the minute: preset ranges move when their last bucket ends. */
function useMinute() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function AnalyticsPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useMinute();
  const view = readAnalyticsView(params, now);
  const input: AnalyticsInput = { from: view.from, to: view.to, bucket: view.bucket };

  const refresh = () => void queryClient.invalidateQueries(trpc.analytics.pathFilter());
  useRoom(TASKS_ROOM, refresh);
  useThrottledRefresh("task:update", (update) => update.status !== undefined, refresh, LIVE_REFRESH_MS);

  const lastDay = new Date(view.to.getTime() - 1);
  return (
    <>
      <PageHeader
        title="Analytics"
        description={
          <>
            {formatBucket(view.from, view.bucket)} – {formatBucket(view.bucket === "hour" ? view.to : lastDay, view.bucket)}, by {view.bucket}. All times are UTC.
          </>
        }
        actions={<RangePicker key={`${view.preset}-${view.fromDay}-${view.toDay}`} view={view} onChange={(next) => router.replace(`${pathname}${analyticsSearch(next)}`, { scroll: false })} />}
      />
      {view.problem ? (
        <Alert title="This range cannot be shown">{view.problem}</Alert>
      ) : (
        <div className="space-y-6">
          <Summary input={input} />
          <div className="grid gap-6 lg:grid-cols-2">
            <OutcomeCards input={input} />
            <DurationCard input={input} />
            <QueueWaitCard input={input} />
            <SpendCard input={input} />
            <EstimateCard input={input} />
            <UsageBreakdownCard input={input} />
            <UtilisationCards input={input} />
            <FailuresCard input={input} />
          </div>
        </div>
      )}
    </>
  );
}

function Summary({ input }: { input: AnalyticsInput }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.analytics.summary.queryOptions(input));
  if (summary.isError) return <Alert title="Could not load the analytics">{errorMessage(summary.error)}</Alert>;
  const data = summary.data;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="analytics-summary">
      <StatTile label="Tasks finished" value={data ? formatCount(data.finished) : null} detail={data ? `${formatCount(data.failed)} failed, ${formatCount(data.cancelled)} cancelled` : undefined} />
      <StatTile label="Success rate" value={data ? formatRate(data.successRate) : null} detail="succeeded ÷ (succeeded + failed)" />
      <StatTile label="Spend" value={data ? formatUsd(data.costMicros) : null} detail={data ? `${formatCount(data.calls)} model calls` : undefined} />
      <StatTile label="Tokens" value={data ? formatCount(data.tokens) : null} detail="input, output and cache" />
    </div>
  );
}
