"use client";
// Shown while lines are selected: which ones, copy them, copy a link to the first, clear.
import { useMemo, useState } from "react";
import { formatCount } from "@/components/format/numbers";
import type { LogLine } from "@/components/live/merge-log-events";
import { Button } from "@/components/ui/button";
import type { LogRow } from "./group-log-rows";
import type { LogSource } from "./log-row";
import { formatRowText, lineAnchor, selectedRows, selectionBounds, type LineSelection } from "./log-selection";

interface LogSelectionBarProps {
  selection: LineSelection;
  rows: readonly LogRow[];
  sourceOf(line: LogLine): LogSource;
  onCopy(text: string): Promise<boolean>;
  onClear(): void;
}

export function LogSelectionBar({ selection, rows, sourceOf, onCopy, onClear }: LogSelectionBarProps) {
  const [copied, setCopied] = useState<"lines" | "link" | null>(null);
  const { from, to } = selectionBounds(selection);
  // The bar redraws with every scroll of the log; a long range is only collected again when it changes.
  const picked = useMemo(() => selectedRows(rows, selection), [rows, selection]);
  const lineCount = picked.reduce((sum, row) => sum + row.events.length, 0);
  const flash = (what: "lines" | "link") => (ok: boolean) => {
    setCopied(ok ? what : null);
    if (ok) setTimeout(() => setCopied((current) => (current === what ? null : current)), 1500);
  };
  const copyLines = () => void onCopy(picked.map((row) => formatRowText(row, sourceOf(row.events[0]!).label)).join("\n")).then(flash("lines"));
  const copyLink = () => void onCopy(`${window.location.origin}${window.location.pathname}${window.location.search}#${lineAnchor(from)}`).then(flash("link"));
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border bg-accent-soft/60 px-4 py-1.5 text-xs" data-testid="log-selection">
      <span className="font-medium text-foreground">{from === to ? `Line ${from} selected` : `Lines ${from}–${to} selected`}</span>
      <span className="text-muted">Shift-click another line number to select a range.</span>
      <span className="ml-auto flex items-center gap-1">
        <Button size="sm" onClick={copyLines} disabled={lineCount === 0}>
          {copied === "lines" ? "Copied" : `Copy ${formatCount(lineCount)} ${lineCount === 1 ? "line" : "lines"}`}
        </Button>
        <Button size="sm" onClick={copyLink}>
          {copied === "link" ? "Copied" : "Copy link"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear
        </Button>
      </span>
    </div>
  );
}
