"use client";
// The opened part of a tool call or result: its input or output, pretty-printed. History pages
// leave this data out, so it is fetched for the one line when someone opens it.
import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/live/error-message";
import type { LogLine } from "@/components/live/merge-log-events";
import { useTRPC } from "@/components/providers/trpc";
import { formatLogData } from "./format-log-data";

const boxClass = "mt-1 mb-1 max-h-80 overflow-auto rounded border border-border bg-surface-muted p-2 text-foreground";

export function LogLineData({ line }: { line: LogLine }) {
  const trpc = useTRPC();
  const fetched = useQuery(trpc.task.logs.queryOptions({ id: line.taskId, afterSeq: line.seq - 1, limit: 1 }, { enabled: line.dataOmitted === true, staleTime: Infinity }));
  if (line.dataOmitted) {
    if (fetched.isPending) return <p className="py-1 text-subtle" aria-busy="true">Loading…</p>;
    if (fetched.isError) {
      return (
        <p className="py-1 text-danger-fg" role="alert">
          Could not load this line’s data: {errorMessage(fetched.error)}{" "}
          <button type="button" className="font-medium underline" onClick={() => void fetched.refetch()}>
            Try again
          </button>
        </p>
      );
    }
  }
  const data = line.dataOmitted ? (fetched.data?.items[0]?.data ?? null) : line.data;
  const { label, text } = formatLogData(line.kind, data);
  return (
    <figure className="mt-1">
      <figcaption className="text-[11px] font-medium tracking-wide text-subtle uppercase">{label}</figcaption>
      <pre data-testid="log-line-data" className={boxClass}>
        {text}
      </pre>
    </figure>
  );
}
