"use client";
// The "Load more" footer of a cursor-paginated list, with the error of a failed next page.
import { errorMessage } from "@/components/live/error-message";
import { Alert } from "./alert";
import { Button } from "./button";

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

export function LoadMore({ query }: { query: PagedQuery }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="flex flex-col items-center gap-3 border-t border-border p-3">
      {query.isFetchNextPageError ? <Alert className="w-full" title="Could not load more">{errorMessage(query.error)}</Alert> : null}
      <Button size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        {query.isFetchingNextPage ? "Loading…" : "Load more"}
      </Button>
    </div>
  );
}
