"use client";
// New task: the submission form on a page of its own; `?from=<id>` arrives prefilled with an
// earlier task's prompt, title and priority, to run it again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { fieldErrorsOf, formErrorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { deriveTitle } from "@/server/contracts/task-input";
import { NEW_TASK_FIELD_LABELS, NewTaskForm } from "./new-task-form";

export interface RerunSource {
  id: string;
  title: string;
  prompt: string;
  priority: number;
}

interface NewTaskPageProps {
  canCreate: boolean;
  source: RerunSource | null;
  missingSourceId: string | null;
  /** The budget a task gets when none is set, formatted; null: no limit. */
  defaultBudget: string | null;
}

export function NewTaskPage({ canCreate, source, missingSourceId, defaultBudget }: NewTaskPageProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.task.create.mutationOptions({
      onSuccess: (task) => {
        void queryClient.invalidateQueries(trpc.task.list.pathFilter());
        router.push(`/tasks/${task.id}`);
      },
    }),
  );

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={source ? "Run a task again" : "New task"}
        description="Describe a task; Claude splits it into subtasks and the agent fleet runs them in parallel."
        actions={
          <LinkButton href="/tasks" variant="ghost" size="sm">
            ← All tasks
          </LinkButton>
        }
      />
      {missingSourceId ? (
        <Alert tone="warning" title="Nothing to copy" className="mb-4">
          No task with id &quot;{missingSourceId}&quot;; the form starts empty.
        </Alert>
      ) : null}
      {source ? (
        <Alert tone="info" className="mb-4">
          Prefilled from <Link href={`/tasks/${source.id}`} className="font-medium underline">{source.title}</Link>. Change anything before submitting.
        </Alert>
      ) : null}
      {canCreate ? (
        <Card>
          {/* Stays disabled after success until the task page replaces this one. */}
          <NewTaskForm
            // A title derived from the prompt is left to be derived again from the edited one.
            initial={source ? { prompt: source.prompt, title: source.title === deriveTitle(source.prompt) ? "" : source.title, priority: source.priority } : undefined}
            onSubmit={(input) => create.mutate(input)}
            pending={create.isPending || create.isSuccess}
            error={create.error ? formErrorMessage(create.error, NEW_TASK_FIELD_LABELS) : null}
            fieldErrors={fieldErrorsOf(create.error)}
            defaultBudget={defaultBudget}
          />
        </Card>
      ) : (
        <Alert tone="info" title="You have read-only access">
          Viewers can follow every task but not create them. Ask an admin for the member role.
        </Alert>
      )}
    </div>
  );
}
