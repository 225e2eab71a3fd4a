"use client";
// Every member, newest first, a page at a time.
import { useInfiniteQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import type { PageActor } from "./member-permissions";
import { MemberTable } from "./member-table";
import { TableSkeleton } from "@/components/ui/table-skeleton";

const PAGE_SIZE = 50;

export function MembersCard({ actor }: { actor: PageActor }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.member.list.infiniteQueryOptions({ limit: PAGE_SIZE, includeRemoved: true }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const members = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card>
      <CardHeader title="Team" description="Removed members keep their history but can no longer sign in or use their tokens, and their share links stop working." />
      {list.isPending ? (
        <TableSkeleton label="Loading members" />
      ) : list.isError && members.length === 0 ? (
        <div className="p-4">
          <Alert title="Could not load members">{errorMessage(list.error)}</Alert>
        </div>
      ) : members.length === 0 ? (
        <EmptyState title="No members yet">People appear here after their first sign-in.</EmptyState>
      ) : (
        <>
          <MemberTable members={members} actor={actor} />
          <LoadMore query={list} />
        </>
      )}
    </Card>
  );
}
