"use client";
// Tasks: every task, searchable and filterable, updating live. The URL holds the search,
// filters and sort (pushed on each change, so the back button walks through them).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useMemo } from "react";
import { useTaskList } from "@/components/hooks/use-task-list";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { LoadMore } from "@/components/ui/load-more";
import { TaskListSkeleton } from "../task-list-skeleton";
import { TaskFilters } from "./task-filters";
import { hasFilters, parseTaskListParams, serializeTaskListParams, toListRequest, type TaskListParams } from "./task-list-params";
import { TaskTable } from "./task-table";

export function TaskListPage({ canCreate }: { canCreate: boolean }) {
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Every task the fleet has run or is running. Updates live."
        actions={
          canCreate ? (
            <LinkButton href="/tasks/new" variant="primary">
              New task
            </LinkButton>
          ) : undefined
        }
      />
      <Suspense fallback={<TaskListSkeleton />}>
        <TaskList canCreate={canCreate} />
      </Suspense>
    </>
  );
}

function TaskList({ canCreate }: { canCreate: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => parseTaskListParams(searchParams), [searchParams]);
  const request = useMemo(() => toListRequest(params), [params]);
  const list = useTaskList(request);
  const filtered = hasFilters(params);

  const navigate = (next: TaskListParams) => router.push(`${pathname}${serializeTaskListParams(next)}`, { scroll: false });
  const clear = () => navigate({ search: "", statuses: [], creator: null, profile: null, from: null, to: null, sort: null });

  return (
    <Card>
      <TaskFilters params={params} onChange={navigate} />
      {list.isError && list.tasks.length > 0 ? (
        <div className="border-b border-border p-3">
          <Alert tone="warning" title="Could not refresh the list">{errorMessage(list.error)}</Alert>
        </div>
      ) : null}
      <div aria-live="polite" aria-busy={list.isFetching && list.isPlaceholderData} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
        {list.isPending ? (
          <TaskListSkeleton bare />
        ) : list.isError && list.tasks.length === 0 ? (
          <div className="p-4">
            <Alert title="Could not load tasks">
              {errorMessage(list.error)}{" "}
              <Button size="sm" variant="ghost" onClick={() => void list.refetch()}>
                Try again
              </Button>
            </Alert>
          </div>
        ) : list.tasks.length === 0 ? (
          <EmptyState
            title={filtered ? "No tasks match" : "No tasks yet"}
            action={
              filtered ? (
                <Button size="sm" onClick={clear}>
                  Clear filters
                </Button>
              ) : canCreate ? (
                <LinkButton href="/tasks/new" variant="primary" size="sm">
                  New task
                </LinkButton>
              ) : undefined
            }
          >
            {filtered ? "Nothing matches this search and these filters." : "Tasks show up here as soon as someone submits one."}
          </EmptyState>
        ) : (
          <>
            <TaskTable tasks={list.tasks} />
            {list.hasNextPage ? (
              <LoadMore query={list} />
            ) : (
              <p className="border-t border-border p-3 text-center text-sm text-subtle" data-testid="task-count">
                {list.tasks.length === 1 ? "The only matching task" : `All ${list.tasks.length} tasks shown`}
              </p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
