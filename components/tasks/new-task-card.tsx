"use client";
// The new-task form on the tasks page. With `?from=<task id>` it starts from that task's prompt,
// title, priority and budget, to be edited and submitted as a new task ("Edit and re-run").
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { NewTaskForm, type NewTaskInput } from "@/components/tasks/new-task-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { microsToUsd } from "@/server/services/costs/compute-cost";

export function NewTaskCard() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const from = useSearchParams().get("from");
  const source = useQuery(trpc.task.byId.queryOptions({ id: from ?? "" }, { enabled: !!from, retry: false }));
  const create = useMutation(
    trpc.task.create.mutationOptions({
      onSuccess: (task) => {
        void queryClient.invalidateQueries(trpc.task.list.pathFilter());
        router.push(`/tasks/${task.id}`);
      },
    }),
  );

  const initial: Partial<NewTaskInput> | undefined = source.data
    ? {
        prompt: source.data.prompt,
        title: source.data.title,
        priority: source.data.priority,
        reviewPlan: source.data.reviewPlan,
        ...(source.data.budgetMicros === null ? {} : { budgetUsd: microsToUsd(source.data.budgetMicros) }),
      }
    : undefined;

  return (
    <Card className="mb-8 scroll-mt-20" id="new-task">
      <CardHeader
        title={from ? "Edit and re-run" : "New task"}
        description={
          source.data ? (
            <>
              Starting from{" "}
              <Link href={`/tasks/${source.data.id}`} className="text-accent hover:underline">
                {source.data.title}
              </Link>
              ; change what you need and submit it as a new task.
            </>
          ) : undefined
        }
        actions={
          from ? (
            <Link href="/" className="text-sm text-muted hover:text-foreground">
              Start from scratch
            </Link>
          ) : undefined
        }
      />
      {from && source.isPending ? (
        <div className="space-y-3 p-4" aria-label="Loading the earlier task">
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-9 w-2/3" />
        </div>
      ) : (
        <>
          {from && source.isError ? (
            <div className="px-4 pt-4">
              <Alert tone="warning" title="Could not load the task to start from">
                {errorMessage(source.error)} The form starts empty instead.
              </Alert>
            </div>
          ) : null}
          {/* Keyed by the source so its values fill the form once they arrive. Stays disabled after
              success until the task page replaces this one. */}
          <NewTaskForm
            key={source.data?.id ?? "blank"}
            initial={initial}
            onSubmit={(input) => create.mutate(input)}
            pending={create.isPending || create.isSuccess}
            error={create.error ? errorMessage(create.error) : null}
          />
        </>
      )}
    </Card>
  );
}
