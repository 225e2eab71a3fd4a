"use client";
// The task's activity log, virtualised so tens of thousands of lines stay smooth: follows new
// lines until the reader scrolls up, filters by subtask (controlled by the page when it passes
// `subtaskId`), level and kind, searches, opens tool calls and results, copies a line or a
// shift-clicked range, and links to a line with `#log-<seq>`.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { formatCount } from "@/components/format/numbers";
import type { LogHistoryState, OlderLogsState } from "@/components/hooks/use-task-live";
import { errorMessage } from "@/components/live/error-message";
import { lowerBoundBySeq, type LogLine } from "@/components/live/merge-log-events";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { copyText } from "./copy-text";
import { isFiltering, SHOW_ALL, toggleKind, type LogFilter, type LogKind, type LogLevel } from "./log-filter";
import { LogRowItem, type LogRowActions, type LogSource } from "./log-row";
import { findMatchingRows, firstMatchFrom, searchPattern, stepMatch } from "./log-search";
import { LogPanelNotices } from "./log-panel-notices";
import { LogSelectionBar } from "./log-selection-bar";
import { isRowSelected, lineAnchor, selectLine, seqFromHash, type LineSelection } from "./log-selection";
import { LogToolbar, type LogSubtask } from "./log-toolbar";
import { buildLogView, countLinesAfter, rowIndexOfSeq, type LogView } from "./log-view";
import { useLogScroll } from "./use-log-scroll";

export type { LogSubtask } from "./log-toolbar";

const TASK_SOURCE: LogSource = { label: "task", title: "The task itself (planning, results)" };
const ALL_DONE: OlderLogsState = { status: "complete" };

const subscribeHash = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};

export interface LogPanelProps {
  logs: readonly LogLine[];
  history: LogHistoryState;
  /** Loading of the lines before the first page; absent when all history comes at once. */
  older?: OlderLogsState;
  onRetry: () => void;
  subtasks: LogSubtask[];
  /** The subtask filter, when the page controls it (null: all); otherwise the panel keeps its own. */
  subtaskId?: string | null;
  onSubtaskChange?: (id: string | null) => void;
}

export function LogPanel({ logs, history, older = ALL_DONE, onRetry, subtasks, subtaskId, onSubtaskChange }: LogPanelProps) {
  const [ownSubtaskId, setOwnSubtaskId] = useState<string | null>(null);
  const shownSubtaskId = subtaskId === undefined ? ownSubtaskId : subtaskId;
  const [kinds, setKinds] = useState(SHOW_ALL.kinds);
  const [minLevel, setMinLevel] = useState<LogLevel>(SHOW_ALL.minLevel);
  const filter = useMemo<LogFilter>(() => ({ subtaskId: shownSubtaskId, kinds, minLevel }), [shownSubtaskId, kinds, minLevel]);

  // Built from the previous view so live lines only cost their own filtering and grouping.
  const [savedView, setSavedView] = useState<LogView | null>(null);
  const view = buildLogView(savedView, logs, filter);
  if (view !== savedView) setSavedView(view);
  const rows = view.rows;

  const [query, setQuery] = useState("");
  // Typing stays responsive on long logs: the match scan runs at lower priority.
  const deferredQuery = useDeferredValue(query);
  const pattern = useMemo(() => searchPattern(deferredQuery), [deferredQuery]);
  const matches = useMemo(() => findMatchingRows(rows, pattern), [rows, pattern]);
  const [matchIndex, setMatchIndex] = useState<number | null>(null);
  const activeMatch = matchIndex !== null && matchIndex < matches.length ? matchIndex : null;

  // A selection belongs to the address it was made under: following another line's link drops it.
  const [picked, setPicked] = useState<{ hash: string; range: LineSelection } | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [notice, setNotice] = useState<string | null>(null);

  const { scrollRef, virtualizer, following, pausedAfterSeq, onScroll, reveal, jumpToLatest, topIndex } = useLogScroll(rows);
  const panelRef = useRef<HTMLElement>(null);

  // A `#log-<seq>` link: the line is shown selected, and brought into view once it has loaded.
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash, () => "");
  const linkedSeq = seqFromHash(hash);
  const linkedIndex = linkedSeq === null ? -1 : rowIndexOfSeq(rows, linkedSeq);
  const selection = picked && picked.hash === hash ? picked.range : null;
  const shownSelection = useMemo(() => selection ?? (linkedSeq === null ? null : { anchor: linkedSeq, focus: linkedSeq }), [selection, linkedSeq]);
  const revealedHash = useRef<string | null>(null);
  useEffect(() => {
    if (linkedIndex < 0 || revealedHash.current === hash) return;
    revealedHash.current = hash;
    reveal(linkedIndex, linkedSeq ?? undefined);
    panelRef.current?.scrollIntoView({ block: "start" });
  }, [hash, linkedIndex, linkedSeq, reveal]);
  const historyComplete = history.status === "ready" && older.status === "complete";
  const linkState =
    linkedSeq === null || linkedIndex >= 0
      ? null
      : logs[lowerBoundBySeq(logs, linkedSeq)]?.seq === linkedSeq
        ? "filtered"
        : historyComplete
          ? "missing"
          : "loading";

  const changeSubtask = (id: string | null) => {
    if (subtaskId === undefined) setOwnSubtaskId(id);
    onSubtaskChange?.(id);
    setMatchIndex(null);
  };
  const showAll = () => {
    changeSubtask(null);
    setKinds(SHOW_ALL.kinds);
    setMinLevel(SHOW_ALL.minLevel);
  };

  const step = (direction: 1 | -1) => {
    const next = activeMatch === null && direction === 1 ? firstMatchFrom(matches, topIndex()) : stepMatch(matches.length, activeMatch, direction);
    setMatchIndex(next);
    if (next !== null) reveal(matches[next]!);
  };

  const copy = useCallback(async (text: string) => {
    try {
      await copyText(text);
      setNotice(null);
      return true;
    } catch (error) {
      setNotice(errorMessage(error));
      return false;
    }
  }, []);
  const actions = useMemo<LogRowActions>(
    () => ({
      onSelect(seq, extend) {
        const range = selectLine(shownSelection, seq, extend);
        // The address bar links to the first line picked; revealing it again would move the view.
        const address = `#${lineAnchor(range.anchor)}`;
        revealedHash.current = address;
        setPicked({ hash: address, range });
        window.history.replaceState(window.history.state, "", address);
      },
      onToggle(seq) {
        setExpanded((open) => {
          const next = new Set(open);
          if (!next.delete(seq)) next.add(seq);
          return next;
        });
      },
      onCopy: copy,
    }),
    [copy, shownSelection],
  );
  const clearSelection = () => {
    setPicked(null);
    revealedHash.current = null;
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  };

  const sources = useMemo(() => {
    const map = new Map<string, LogSource>();
    for (const s of subtasks) map.set(s.id, { label: `#${s.index + 1} ${s.title}`, title: `Subtask ${s.index + 1}: ${s.title}` });
    return map;
  }, [subtasks]);
  const sourceOf = (line: LogLine) => (line.subtaskId ? (sources.get(line.subtaskId) ?? TASK_SOURCE) : TASK_SOURCE);

  const total = logs.at(-1)?.seq ?? 0;
  const filtering = isFiltering(filter);
  const newLines = following ? 0 : countLinesAfter(rows, pausedAfterSeq);
  const items = virtualizer.getVirtualItems();
  const currentRow = activeMatch === null ? -1 : matches[activeMatch]!;

  return (
    <Card ref={panelRef} className="scroll-mt-4">
      <CardHeader
        title="Activity"
        description={
          <span data-testid="log-summary" data-count={logs.length}>
            {formatCount(logs.length)} {logs.length === 1 ? "line" : "lines"}
            {filtering ? ` · ${formatCount(view.lineCount)} shown` : ""}
            {older.status === "loading" && logs.length > 0 && logs[0]!.seq > 1 ? ` · loading earlier lines (${formatCount(logs.length)} of ${formatCount(total)})` : ""}
          </span>
        }
      />
      <LogToolbar
        subtasks={subtasks}
        subtaskId={shownSubtaskId}
        onSubtaskChange={changeSubtask}
        minLevel={minLevel}
        onMinLevelChange={(level) => {
          setMinLevel(level);
          setMatchIndex(null);
        }}
        kinds={kinds}
        onToggleKind={(kind: LogKind) => {
          setKinds((shown) => toggleKind(shown, kind));
          setMatchIndex(null);
        }}
        query={query}
        onQueryChange={(next) => {
          setQuery(next);
          setMatchIndex(null);
        }}
        matchCount={matches.length}
        matchIndex={activeMatch}
        onStep={step}
      />
      {shownSelection ? <LogSelectionBar selection={shownSelection} rows={rows} sourceOf={sourceOf} onCopy={copy} onClear={clearSelection} /> : null}
      <LogPanelNotices
        history={history}
        older={older}
        onRetry={onRetry}
        notice={notice}
        linkedSeq={linkedSeq}
        linkState={linkState}
        onShowAll={showAll}
      />
      <div className="relative">
        <div ref={scrollRef} onScroll={onScroll} className="max-h-[min(36rem,70vh)] min-h-32 overflow-y-auto font-mono text-xs leading-5" data-testid="log-panel">
          {history.status === "loading" && logs.length === 0 ? (
            <div className="space-y-2 p-4" aria-busy="true" aria-label="Loading activity">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-4 w-full" />
              ))}
            </div>
          ) : rows.length === 0 ? (
            logs.length === 0 ? (
              <EmptyState title="No activity yet">Agent output appears here as it happens.</EmptyState>
            ) : (
              <EmptyState title="No lines match the filters" action={<Button size="sm" onClick={showAll}>Show all lines</Button>} />
            )
          ) : (
            <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              <ol aria-label="Activity log" className="absolute top-0 left-0 w-full" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
                {items.map((item) => {
                  const row = rows[item.index]!;
                  return (
                    <LogRowItem
                      key={item.key}
                      index={item.index}
                      row={row}
                      source={sourceOf(row.events[0]!)}
                      selected={isRowSelected(row, shownSelection)}
                      current={item.index === currentRow}
                      expanded={expanded.has(row.key)}
                      target={linkedSeq !== null && row.key <= linkedSeq && row.events.at(-1)!.seq >= linkedSeq ? linkedSeq : null}
                      pattern={pattern}
                      actions={actions}
                      measure={virtualizer.measureElement}
                    />
                  );
                })}
              </ol>
            </div>
          )}
        </div>
        {!following ? (
          <Button size="sm" variant="primary" onClick={jumpToLatest} className="absolute right-4 bottom-3 shadow-md">
            Jump to latest{newLines > 0 ? ` (${formatCount(newLines)} new)` : ""} ↓
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
