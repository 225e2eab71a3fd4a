"use client";
// Audit log: who did what to access and agents, newest first, optionally one kind of action.
// The filter lives in the URL (?action=…) so a filtered view can be shared.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { AuditAction } from "@/server/services/audit/record-audit";
import { AuditActionFilter } from "./audit-action-filter";
import { isAuditAction } from "./audit-labels";
import { AuditTable } from "./audit-table";
import { LoadMore } from "@/components/ui/load-more";
import { TableSkeleton } from "@/components/ui/table-skeleton";

const PAGE_SIZE = 50;

export function AuditPage() {
  return (
    <>
      <PageHeader title="Audit log" description="Sign-ins, membership changes, invitations, tokens and share links, newest first." />
      <Suspense
        fallback={
          <Card>
            <TableSkeleton label="Loading the audit log" rows={6} />
          </Card>
        }
      >
        <AuditEvents />
      </Suspense>
    </>
  );
}

function AuditEvents() {
  const trpc = useTRPC();
  const router = useRouter();
  const raw = useSearchParams().get("action");
  const action = isAuditAction(raw) ? raw : null;
  const list = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ limit: PAGE_SIZE, ...(action ? { action } : {}) }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const events = list.data?.pages.flatMap((page) => page.items) ?? [];
  const setAction = (next: AuditAction | null) => router.replace(next ? `/admin/audit?action=${next}` : "/admin/audit", { scroll: false });

  return (
    <Card>
      <CardHeader title="Events" actions={<AuditActionFilter value={action} onChange={setAction} />} />
      {list.isPending ? (
        <TableSkeleton label="Loading the audit log" rows={6} />
      ) : list.isError && events.length === 0 ? (
        <div className="p-4">
          <Alert title="Could not load the audit log">{errorMessage(list.error)}</Alert>
        </div>
      ) : events.length === 0 ? (
        <EmptyState
          title={action ? "No events of this kind" : "No events yet"}
          action={action ? <Button size="sm" onClick={() => setAction(null)}>Show all actions</Button> : undefined}
        >
          {action ? "Nothing of this kind has been recorded." : "Sign-ins and changes to members, invitations, tokens and share links are recorded here."}
        </EmptyState>
      ) : (
        <>
          <AuditTable events={events} />
          <LoadMore query={list} />
        </>
      )}
    </Card>
  );
}
