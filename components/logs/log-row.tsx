"use client";
// One row of the activity log: its line number (a link to it, and the handle for selecting),
// time, source, kind, the message with search matches marked, and a copy button. Text chunks
// that share a row keep an element each (with its seq); tool calls and results open to show
// their input or output. Rows are memoised: only rows whose props change redraw.
import { memo, useEffect, useState, type MouseEvent } from "react";
import { formatClock, formatFullDate } from "@/components/format/time";
import type { LogLine } from "@/components/live/merge-log-events";
import { cx } from "@/components/ui/class-names";
import type { LogRow } from "./group-log-rows";
import { LOG_KINDS, logRowTone } from "./log-kinds";
import { LogLineData } from "./log-line-data";
import { splitMatches } from "./log-search";
import { formatRowText, lineAnchor } from "./log-selection";

export interface LogSource {
  label: string;
  title: string;
}

export interface LogRowActions {
  onSelect(seq: number, extend: boolean): void;
  onToggle(seq: number): void;
  onCopy(text: string): Promise<boolean>;
}

interface LogRowProps {
  row: LogRow;
  index: number;
  source: LogSource;
  selected: boolean;
  /** The search match the reader is on. */
  current: boolean;
  expanded: boolean;
  /** The line the address links to, when it is in this row. */
  target: number | null;
  pattern: RegExp | null;
  actions: LogRowActions;
  measure: (element: HTMLElement | null) => void;
}

const TARGET_CLASS = "rounded-sm bg-accent/15";

const hasData = (line: LogLine) => line.dataOmitted === true || (line.data !== null && line.data !== undefined);

function LogRowView({ row, index, source, selected, current, expanded, target, pattern, actions, measure }: LogRowProps) {
  const first = row.events[0]!;
  const kind = LOG_KINDS[first.kind];
  const warn = first.level === "WARN" && first.kind !== "ERROR";
  const select = (event: MouseEvent) => {
    event.preventDefault();
    actions.onSelect(first.seq, event.shiftKey);
  };
  return (
    <li
      ref={measure}
      data-index={index}
      data-testid="log-row"
      data-seq={first.seq}
      data-selected={selected || undefined}
      className={cx(
        "group grid grid-cols-[3rem_4.5rem_minmax(0,1fr)_auto_3.25rem] items-baseline gap-x-2 px-3 py-0.5",
        // Wide screens put the message beside its time, source and kind; narrow ones below. Every
        // cell aligns on its first line, so the opening control of a tool row is a block.
        "sm:grid-cols-[3.5rem_4.5rem_8rem_4.5rem_minmax(0,1fr)_3.25rem] sm:gap-x-3",
        logRowTone(first.kind, first.level),
        selected && "bg-accent-soft",
        current && "outline-2 -outline-offset-2 outline-accent",
      )}
    >
      <a
        href={`#${lineAnchor(first.seq)}`}
        onClick={select}
        className="text-right text-subtle tabular-nums select-none hover:text-accent hover:underline"
        title="Select this line (shift-click: select up to here)"
        aria-label={`Line ${first.seq}`}
      >
        {first.seq}
      </a>
      <time dateTime={first.createdAt} title={formatFullDate(first.createdAt)} className="text-subtle tabular-nums">
        {formatClock(first.createdAt)}
      </time>
      <span className="truncate text-muted" title={source.title}>
        {source.label}
      </span>
      <span>
        <span className={cx("inline-block rounded px-1.5 text-[11px] leading-5 font-medium whitespace-nowrap", kind.chip)}>{kind.label}</span>
      </span>
      <CopyButton text={() => formatRowText(row, source.label)} seq={first.seq} onCopy={actions.onCopy} />
      <div className={cx("col-span-full min-w-0 whitespace-pre-wrap wrap-anywhere sm:col-span-1 sm:col-start-5 sm:row-start-1", kind.message, warn && "text-warning-fg")}>
        {row.events.map((line) =>
          hasData(line) ? (
            <span key={line.seq} id={lineAnchor(line.seq)} data-testid="log-line" data-seq={line.seq} data-kind={line.kind} data-level={line.level} className={cx("block", line.seq === target && TARGET_CLASS)}>
              <button
                type="button"
                aria-expanded={expanded}
                onClick={() => actions.onToggle(line.seq)}
                className="block w-full cursor-pointer text-left hover:underline"
              >
                <span aria-hidden className={cx("mr-1 inline-block text-subtle transition-transform", expanded && "rotate-90")}>
                  ▸
                </span>
                <Highlighted text={line.message} pattern={pattern} />
              </button>
              {expanded ? <LogLineData line={line} /> : null}
            </span>
          ) : (
            <span key={line.seq} id={lineAnchor(line.seq)} data-testid="log-line" data-seq={line.seq} data-kind={line.kind} data-level={line.level} className={cx(line.seq === target && TARGET_CLASS)}>
              <Highlighted text={line.message} pattern={pattern} />
            </span>
          ),
        )}
      </div>
    </li>
  );
}

function Highlighted({ text, pattern }: { text: string; pattern: RegExp | null }) {
  if (!pattern) return text;
  return splitMatches(text, pattern).map((part, i) =>
    part.match ? (
      <mark key={i} data-testid="log-match" className="rounded-sm bg-warning-soft px-px text-foreground ring-1 ring-warning-fg/40">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

function CopyButton({ text, seq, onCopy }: { text: () => string; seq: number; onCopy: LogRowActions["onCopy"] }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      onClick={async () => setCopied(await onCopy(text()))}
      aria-label={`Copy line ${seq}`}
      className={cx(
        "justify-self-end rounded px-1 text-[11px] leading-5 text-muted hover:bg-surface-muted hover:text-foreground focus-visible:opacity-100 sm:col-start-6 sm:row-start-1",
        // Pointer screens show it on the row under the pointer; touch screens always.
        !copied && "sm:opacity-0 sm:group-hover:opacity-100",
      )}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

export const LogRowItem = memo(LogRowView);
