"use client";
// The task list's controls: full-text search, status chips (any of several), creator, profile,
// a created-date range and the sort. Each change is handed up as new URL params.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { statusLabel } from "@/components/status-badge";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { TASK_STATUSES, type TaskSort } from "@/server/services/tasks/list-tasks-request";
import { hasFilters, type TaskListParams, type TaskStatusValue } from "./task-list-params";

const SORT_LABELS: Record<TaskSort, string> = {
  relevance: "Best match",
  newest: "Newest first",
  oldest: "Oldest first",
  longest: "Longest duration",
  costliest: "Highest cost",
};

const SEARCH_DELAY_MS = 400;

export function TaskFilters({ params, onChange }: { params: TaskListParams; onChange: (next: TaskListParams) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const creators = useQuery(trpc.task.creators.queryOptions());
  const profiles = useQuery(trpc.agent.profiles.queryOptions());
  const set = (patch: Partial<TaskListParams>) => onChange({ ...params, ...patch });
  const toggleStatus = (status: TaskStatusValue) =>
    set({ statuses: params.statuses.includes(status) ? params.statuses.filter((s) => s !== status) : [...params.statuses, status] });

  return (
    <div className="space-y-3 border-b border-border p-3" role="search" aria-label="Filter tasks">
      <div className="flex flex-wrap items-end gap-3">
        {/* Remounted when the URL's search changes (back button), so the box always shows it. */}
        <SearchBox key={params.search} id={`${id}-search`} initial={params.search} onSearch={(search) => set({ search, sort: search ? params.sort : params.sort === "relevance" ? null : params.sort })} />
        <div className="w-full sm:w-44">
          <Label htmlFor={`${id}-sort`}>Sort</Label>
          <Select id={`${id}-sort`} value={params.sort ?? (params.search ? "relevance" : "newest")} onChange={(e) => set({ sort: e.target.value as TaskSort })}>
            {(Object.keys(SORT_LABELS) as TaskSort[])
              .filter((sort) => sort !== "relevance" || params.search)
              .map((sort) => (
                <option key={sort} value={sort}>
                  {SORT_LABELS[sort]}
                </option>
              ))}
          </Select>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-48">
          <Label htmlFor={`${id}-creator`}>Created by</Label>
          <Select id={`${id}-creator`} value={params.creator ?? ""} onChange={(e) => set({ creator: e.target.value || null })}>
            <option value="">Anyone</option>
            {params.creator && creators.data && !creators.data.some((c) => c.id === params.creator) ? <option value={params.creator}>Unknown person</option> : null}
            {creators.data?.map((creator) => (
              <option key={creator.id} value={creator.id}>
                {creator.name ? `${creator.name} (${creator.email})` : creator.email}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-full sm:w-44">
          <Label htmlFor={`${id}-profile`}>Agent profile</Label>
          <Select id={`${id}-profile`} value={params.profile ?? ""} onChange={(e) => set({ profile: e.target.value || null })}>
            <option value="">Any</option>
            {profiles.data?.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-full gap-3 sm:w-auto">
          <div className="flex-1 sm:w-40">
            <Label htmlFor={`${id}-from`}>Created from</Label>
            <Input id={`${id}-from`} type="date" value={params.from ?? ""} max={params.to ?? undefined} onChange={(e) => set({ from: e.target.value || null })} />
          </div>
          <div className="flex-1 sm:w-40">
            <Label htmlFor={`${id}-to`}>to</Label>
            <Input id={`${id}-to`} type="date" value={params.to ?? ""} min={params.from ?? undefined} onChange={(e) => set({ to: e.target.value || null })} />
          </div>
        </div>
        {hasFilters(params) ? (
          <Button variant="ghost" size="sm" className="h-9" onClick={() => onChange({ search: "", statuses: [], creator: null, profile: null, from: null, to: null, sort: null })}>
            Clear filters
          </Button>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Status">
        {TASK_STATUSES.map((status) => {
          const on = params.statuses.includes(status);
          return (
            <button
              key={status}
              type="button"
              aria-pressed={on}
              onClick={() => toggleStatus(status)}
              className={cx(
                "rounded-full border px-3 py-1 text-xs font-medium transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-accent/40",
                on ? "border-accent bg-accent-soft text-accent" : "border-border-strong bg-surface text-muted hover:bg-surface-muted hover:text-foreground",
              )}
            >
              {statusLabel(status)}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** Applies what is typed after a short pause, or at once on Enter. */
function SearchBox({ id, initial, onSearch }: { id: string; initial: string; onSearch: (search: string) => void }) {
  const [value, setValue] = useState(initial);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });
  useEffect(() => {
    if (value.trim() === initial) return;
    const timer = setTimeout(() => latest.current(value.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, initial]);

  return (
    <form
      className="min-w-0 flex-1 basis-64"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() !== initial) onSearch(value.trim());
      }}
    >
      <Label htmlFor={id} hint='words, "a phrase", -exclude, or'>
        Search title and prompt
      </Label>
      <Input id={id} type="search" value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} placeholder="e.g. billing audit" autoComplete="off" />
    </form>
  );
}
