// Placeholder rows while the task list loads.
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export function TaskListSkeleton({ bare = false }: { bare?: boolean }) {
  const rows = (
    <div className="space-y-3 p-4" aria-busy="true" aria-label="Loading tasks">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
  return bare ? rows : <Card>{rows}</Card>;
}
