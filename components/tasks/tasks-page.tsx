"use client";
// Tasks: submit a new task (members and up), then follow every task in a live list.
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { useTaskList } from "@/components/hooks/use-task-list";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { NewTaskCard } from "@/components/tasks/new-task-card";
import { TaskListSkeleton } from "@/components/tasks/task-list-skeleton";
import { isTaskStatus, TaskStatusFilter } from "@/components/tasks/task-status-filter";
import { TaskTable } from "@/components/tasks/task-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export function TasksPage({ canCreate }: { canCreate: boolean }) {
  return (
    <>
      <PageHeader title="Tasks" description="Describe a task; Claude splits it into subtasks and the agent fleet runs them in parallel." />
      {canCreate ? (
        <Suspense fallback={null}>
          <NewTaskCard />
        </Suspense>
      ) : (
        <Alert tone="info" title="You have read-only access" className="mb-8">
          Viewers can follow every task but not create them. Ask an admin for the member role.
        </Alert>
      )}
      <Suspense fallback={<TaskListSkeleton />}>
        <TaskList />
      </Suspense>
    </>
  );
}

function TaskList() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const raw = searchParams.get("status");
  const status = isTaskStatus(raw) ? raw : null;
  const list = useTaskList(status);

  const setStatus = (next: string | null) => router.replace(next ? `/?status=${next}` : "/", { scroll: false });

  return (
    <Card>
      <CardHeader title="All tasks" description="Updates live as agents work." actions={<TaskStatusFilter value={status} onChange={setStatus} />} />
      {list.isError && list.tasks.length > 0 ? (
        <div className="border-b border-border p-3">
          <Alert tone="warning" title="Could not refresh the list">{errorMessage(list.error)}</Alert>
        </div>
      ) : null}
      {list.isPending ? (
        <TaskListSkeleton bare />
      ) : list.isError && list.tasks.length === 0 ? (
        <div className="p-4">
          <Alert title="Could not load tasks">{errorMessage(list.error)}</Alert>
        </div>
      ) : list.tasks.length === 0 ? (
        <EmptyState
          title={status ? "No tasks with this status" : "No tasks yet"}
          action={status ? <Button size="sm" onClick={() => setStatus(null)}>Show all tasks</Button> : undefined}
        >
          {status ? "Nothing is in this state right now." : "Submit a task above and it will show up here."}
        </EmptyState>
      ) : (
        <>
          <TaskTable tasks={list.tasks} />
          {list.hasNextPage ? (
            <div className="flex justify-center border-t border-border p-3">
              <Button size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
