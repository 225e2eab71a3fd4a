"use client";
// The subtask the task page is focused on, kept in the URL (`?subtask=<id>`) so a view can be
// linked. The history entry is replaced, not pushed: stepping through nodes should not fill
// the back button, and no server round trip is needed for a query-string change.
import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

const PARAM = "subtask";

export function useSelectedSubtask(): [string | null, (id: string | null) => void] {
  const searchParams = useSearchParams();
  const [selected, setSelected] = useState<string | null>(() => searchParams.get(PARAM));
  const select = useCallback((id: string | null) => {
    setSelected(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set(PARAM, id);
    else url.searchParams.delete(PARAM);
    window.history.replaceState(null, "", url);
  }, []);
  return [selected, select];
}
