"use client";
// Live refreshes for a list paged with "Load more". A refresh and a page load would cancel each
// other (React Query lets the later fetch win: a refresh refetches only the pages already in, and
// a page load cuts a refresh short), so whichever comes second waits: a refresh during a page
// load runs once the page is in, and a page load that cuts a refresh short is followed by the
// refresh.
import { useEffect, useRef } from "react";

interface PagedQuery {
  isFetchingNextPage: boolean;
  isRefetching: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** `invalidate` refetches the list; use the returned `refresh` and `fetchNextPage` instead of the query's. */
export function usePagedRefresh(query: PagedQuery, invalidate: () => void) {
  const refreshAfterPage = useRef(false);
  useEffect(() => {
    if (query.isFetchingNextPage || !refreshAfterPage.current) return;
    refreshAfterPage.current = false;
    invalidate();
  });
  // Called with this render's state: callers pass the latest `refresh` to their event hooks.
  const refresh = () => {
    if (query.isFetchingNextPage) refreshAfterPage.current = true;
    else invalidate();
  };
  const fetchNextPage = () => {
    if (query.isRefetching) refreshAfterPage.current = true;
    return query.fetchNextPage();
  };
  return { refresh, fetchNextPage };
}
