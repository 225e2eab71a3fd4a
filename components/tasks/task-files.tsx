"use client";
// The files the agents left in the task's workspace, each downloadable. The list follows the
// task: it reloads whenever a subtask or the task changes state, so new files show up as agents
// write them.
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { formatBytes, formatCount } from "@/components/format/numbers";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { errorMessage } from "@/components/live/error-message";
import { usePagedRefresh } from "@/components/hooks/use-paged-refresh";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { mutedTableCell, numericTableCell, Table, tableCell } from "@/components/ui/table";

const PAGE_SIZE = 50;

/** The download address: each path part encoded on its own, so "/" stays a separator. */
export const taskFileHref = (taskId: string, path: string) =>
  `/api/tasks/${encodeURIComponent(taskId)}/files/${path.split("/").map(encodeURIComponent).join("/")}`;

export function TaskFiles({ taskId, changeKey }: { taskId: string; changeKey: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.task.files.infiniteQueryOptions({ id: taskId, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined });
  const files = useInfiniteQuery(options);
  const { refresh, fetchNextPage } = usePagedRefresh(files, () => void queryClient.invalidateQueries({ queryKey: options.queryKey }));

  const seenKey = useRef(changeKey);
  useEffect(() => {
    if (seenKey.current === changeKey) return;
    seenKey.current = changeKey;
    refresh();
  });

  const pages = files.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const first = pages[0];
  const notes = [
    first && first.hiddenSeedFiles > 0
      ? `${formatCount(first.hiddenSeedFiles)} starting ${first.hiddenSeedFiles === 1 ? "file the agents did not change is" : "files the agents did not change are"} not shown.`
      : null,
  ].filter(Boolean);

  return (
    <Card data-testid="task-files">
      <CardHeader title="Files" description="What the agents wrote in the task's workspace. Downloads are for signed-in people only; share links do not include files." />
      {files.isPending ? (
        <div className="space-y-2 p-4">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : files.isError && items.length === 0 ? (
        <div className="p-4">
          <Alert title="Could not list the files">{errorMessage(files.error)}</Alert>
        </div>
      ) : items.length === 0 ? (
        <EmptyState title="No files yet">
          {first?.workspaceFound === false
            ? "This server has no workspace for the task: none was made yet (the first subtask makes it), or agents run on another host whose workspaces are not on storage shared with this server."
            : "Files the agents write show up here."}
          {notes.length ? <p className="mt-1">{notes.join(" ")}</p> : null}
        </EmptyState>
      ) : (
        <>
          {first?.truncated ? (
            <div className="border-b border-border p-3">
              <Alert tone="warning" title="Only part of the workspace was read">
                The workspace has more entries than the list reads at once, so some files may be missing here.
              </Alert>
            </div>
          ) : null}
          <Table columns={[{ label: "File" }, { label: "Size", numeric: true }, { label: "Modified", className: "w-40" }]}>
            {items.map((file) => (
              <tr key={file.path} data-testid="task-file-row">
                <td className={`${tableCell} max-w-0 w-full`}>
                  <a href={taskFileHref(taskId, file.path)} download className="block truncate font-mono text-accent hover:underline" title={`Download ${file.path}`}>
                    {file.path}
                  </a>
                </td>
                <td className={numericTableCell}>{formatBytes(file.size)}</td>
                <td className={mutedTableCell}>
                  <time dateTime={file.modifiedAt.toISOString()} title={formatFullDate(file.modifiedAt)}>
                    {formatShortDate(file.modifiedAt)}
                  </time>
                </td>
              </tr>
            ))}
          </Table>
          {files.hasNextPage || notes.length ? (
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3 text-xs text-muted">
              <span>{notes.join(" ")}</span>
              {files.hasNextPage ? (
                <Button size="sm" onClick={() => void fetchNextPage()} disabled={files.isFetchingNextPage}>
                  {files.isFetchingNextPage ? "Loading…" : "Load more"}
                </Button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
