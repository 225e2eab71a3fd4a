"use client";
// Submission form for a new task. Validation is the server's, so the form and the API can never
// disagree about what is allowed: a problem with a field is told by the field's label and marks
// that field; any other message is shown as it came.
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MoneyInput } from "@/components/ui/money-input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { PROMPT_MAX_CHARS, TITLE_MAX_CHARS } from "@/server/contracts/task-input";

export interface NewTaskInput {
  prompt: string;
  title?: string;
  priority: number;
  budgetUsd?: number;
  reviewPlan: boolean;
}

/** The form's words for the API's field names. */
export const NEW_TASK_FIELD_LABELS: Record<string, string> = { prompt: "Prompt", title: "Title", priority: "Priority", budgetUsd: "Budget", reviewPlan: "Review the plan" };
/** The prompt's length is shown from here on, so a long paste is not first refused on submit. */
const SHOW_LENGTH_FROM = Math.floor(PROMPT_MAX_CHARS * 0.9);

const PRIORITIES = Array.from({ length: 10 }, (_, i) => 10 - i);
const priorityLabel = (p: number) => (p === 10 ? "10 — highest" : p === 5 ? "5 — normal" : p === 1 ? "1 — lowest" : String(p));

interface NewTaskFormProps {
  onSubmit: (input: NewTaskInput) => void;
  pending: boolean;
  /** The refusal as shown: see formErrorMessage and NEW_TASK_FIELD_LABELS. */
  error: string | null;
  /** The fields the server found a problem with, by the API's names (see fieldErrorsOf). */
  fieldErrors?: Record<string, string[]> | null;
  /** Starting values, e.g. an earlier task's to edit and run again. */
  initial?: Partial<NewTaskInput>;
  /** What an empty budget means: the installation's default, formatted; null: no limit. */
  defaultBudget?: string | null;
}

export function NewTaskForm({ onSubmit, pending, error, fieldErrors, initial, defaultBudget = null }: NewTaskFormProps) {
  const id = useId();
  /** Marks a field the server named, and points it at the message. */
  const invalid = (field: string) => (fieldErrors?.[field] ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});
  const [prompt, setPrompt] = useState(initial?.prompt ?? "");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [priority, setPriority] = useState(initial?.priority ?? 5);
  const [budget, setBudget] = useState(initial?.budgetUsd === undefined ? "" : String(initial.budgetUsd));
  const [reviewPlan, setReviewPlan] = useState(initial?.reviewPlan ?? false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const trimmedTitle = title.trim();
    const budgetUsd = budget.trim() === "" ? undefined : Number(budget);
    onSubmit({ prompt, priority, reviewPlan, ...(trimmedTitle ? { title: trimmedTitle } : {}), ...(budgetUsd === undefined ? {} : { budgetUsd }) });
  };

  const submitOnShortcut = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  return (
    <form onSubmit={submit} onKeyDown={submitOnShortcut} aria-describedby={error ? `${id}-error` : undefined} className="space-y-4 p-4">
      <div>
        <Label
          htmlFor={`${id}-prompt`}
          hint={
            prompt.length >= SHOW_LENGTH_FROM ? (
              <span className={prompt.length > PROMPT_MAX_CHARS ? "font-medium text-danger-fg" : undefined} data-testid="prompt-length">
                {prompt.length.toLocaleString("en-US")} of {PROMPT_MAX_CHARS.toLocaleString("en-US")} characters
              </span>
            ) : null
          }
        >
          What should the agents do?
        </Label>
        <Textarea
          id={`${id}-prompt`}
          name="prompt"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          placeholder="e.g. Review the repository's error handling and write a report with concrete fixes."
          rows={5}
          disabled={pending}
          {...invalid("prompt")}
        />
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-56 flex-1">
          <Label htmlFor={`${id}-title`} hint="optional — derived from the prompt if empty">
            Title
          </Label>
          <Input id={`${id}-title`} name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={TITLE_MAX_CHARS} disabled={pending} {...invalid("title")} />
        </div>
        <div>
          <Label htmlFor={`${id}-priority`}>Priority</Label>
          <Select id={`${id}-priority`} name="priority" value={priority} onChange={(e) => setPriority(Number(e.target.value))} disabled={pending} {...invalid("priority")}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {priorityLabel(p)}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-48">
          <Label htmlFor={`${id}-budget`}>Budget (USD)</Label>
          <MoneyInput id={`${id}-budget`} name="budgetUsd" placeholder={defaultBudget ? `default ${defaultBudget}` : "no limit"} value={budget} onChange={(e) => setBudget(e.target.value)} disabled={pending} {...invalid("budgetUsd")} />
        </div>
        <div className="flex h-9 items-center gap-2">
          <input
            id={`${id}-review`}
            name="reviewPlan"
            type="checkbox"
            checked={reviewPlan}
            onChange={(e) => setReviewPlan(e.target.checked)}
            disabled={pending}
            aria-describedby={`${id}-review-hint`}
            className="size-4 rounded border-border-strong accent-accent"
          />
          <label htmlFor={`${id}-review`} className="text-sm font-medium text-foreground">
            Review the plan before it runs
          </label>
          <span id={`${id}-review-hint`} className="sr-only">
            The task stops after planning so you can edit the plan and see its estimate; nothing runs until you approve it.
          </span>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Submitting…" : "Submit task"}
          </Button>
          <kbd className="hidden text-xs text-subtle sm:inline">Ctrl/⌘ + Enter</kbd>
        </div>
      </div>
      {error ? (
        <div id={`${id}-error`}>
          <Alert title="The task was not submitted">{error}</Alert>
        </div>
      ) : null}
    </form>
  );
}
