"use client";
// The log viewer's controls: which subtask, the minimum level, the kinds shown, and search with
// previous/next (Enter and Shift+Enter in the search box).
import type { KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ALL_LOG_KINDS, type LogKind, type LogLevel } from "./log-filter";
import { LOG_KINDS } from "./log-kinds";

export interface LogSubtask {
  id: string;
  index: number;
  title: string;
}

const LEVELS: { value: LogLevel; label: string }[] = [
  { value: "DEBUG", label: "All levels" },
  { value: "INFO", label: "Info and above" },
  { value: "WARN", label: "Warnings and errors" },
  { value: "ERROR", label: "Errors only" },
];

export interface LogToolbarProps {
  subtasks: readonly LogSubtask[];
  subtaskId: string | null;
  onSubtaskChange(id: string | null): void;
  minLevel: LogLevel;
  onMinLevelChange(level: LogLevel): void;
  kinds: ReadonlySet<LogKind>;
  onToggleKind(kind: LogKind): void;
  query: string;
  onQueryChange(query: string): void;
  matchCount: number;
  /** Index of the match the reader is on, or null before the first step. */
  matchIndex: number | null;
  onStep(direction: 1 | -1): void;
}

export function LogToolbar(props: LogToolbarProps) {
  const { subtasks, subtaskId, kinds, query, matchCount, matchIndex, onStep } = props;
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape" && query) {
      event.preventDefault();
      props.onQueryChange("");
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-border px-4 py-2">
      {subtasks.length > 0 ? (
        <Select aria-label="Show activity of" value={subtaskId ?? ""} onChange={(e) => props.onSubtaskChange(e.target.value || null)} className="h-8 max-w-56 min-w-0 text-xs">
          <option value="">All subtasks</option>
          {subtasks.map((s) => (
            <option key={s.id} value={s.id}>
              #{s.index + 1} {s.title}
            </option>
          ))}
        </Select>
      ) : null}
      <Select aria-label="Level" value={props.minLevel} onChange={(e) => props.onMinLevelChange(e.target.value as LogLevel)} className="h-8 max-w-44 text-xs">
        {LEVELS.map((level) => (
          <option key={level.value} value={level.value}>
            {level.label}
          </option>
        ))}
      </Select>
      <div role="group" aria-label="Kinds shown" className="flex flex-wrap items-center gap-1">
        {ALL_LOG_KINDS.map((kind) => {
          const on = kinds.has(kind);
          return (
            <button
              key={kind}
              type="button"
              aria-pressed={on}
              onClick={() => props.onToggleKind(kind)}
              className={cx(
                "h-7 rounded-md border px-2 text-xs font-medium transition-colors",
                on ? cx("border-transparent", LOG_KINDS[kind].chip) : "border-border bg-surface text-subtle line-through hover:text-muted",
              )}
            >
              {LOG_KINDS[kind].label}
            </button>
          );
        })}
      </div>
      <div className="ml-auto flex min-w-0 flex-1 basis-56 items-center gap-1 sm:max-w-80">
        <Input
          type="search"
          aria-label="Search the log"
          placeholder="Search the log"
          value={query}
          onChange={(e) => props.onQueryChange(e.target.value)}
          onKeyDown={onSearchKey}
          className="h-8 min-w-0 text-xs"
        />
        <span className="shrink-0 px-1 text-xs text-muted tabular-nums" aria-live="polite" data-testid="log-search-count">
          {query.trim() ? (matchCount === 0 ? "No matches" : `${matchIndex === null ? "–" : matchIndex + 1} / ${matchCount}`) : null}
        </span>
        <Button size="sm" variant="ghost" className="px-2" onClick={() => onStep(-1)} disabled={matchCount === 0} aria-label="Previous match (Shift+Enter)">
          ↑
        </Button>
        <Button size="sm" variant="ghost" className="px-2" onClick={() => onStep(1)} disabled={matchCount === 0} aria-label="Next match (Enter)">
          ↓
        </Button>
      </div>
    </div>
  );
}
