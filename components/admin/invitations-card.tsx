"use client";
// Invitations: the invite form above the list of invitations sent so far.
import { useInfiniteQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InvitationForm } from "./invitation-form";
import { InvitationTable } from "./invitation-table";
import { LoadMore } from "@/components/ui/load-more";
import type { PageActor } from "./member-permissions";
import { TableSkeleton } from "@/components/ui/table-skeleton";

const PAGE_SIZE = 50;

export function InvitationsCard({ actor, baseUrl }: { actor: PageActor; baseUrl: string }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.invitation.list.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const invitations = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card>
      <CardHeader title="Invitations" description="An invited address can sign in once before the invitation expires and joins with the role given here." />
      <InvitationForm actor={actor} baseUrl={baseUrl} />
      {list.isPending ? (
        <TableSkeleton label="Loading invitations" rows={2} />
      ) : list.isError && invitations.length === 0 ? (
        <div className="p-4">
          <Alert title="Could not load invitations">{errorMessage(list.error)}</Alert>
        </div>
      ) : invitations.length === 0 ? (
        <EmptyState title="No invitations yet" className="py-8">
          Invite someone above. Inviting the same address again replaces its invitation.
        </EmptyState>
      ) : (
        <>
          <InvitationTable invitations={invitations} actor={actor} />
          <LoadMore query={list} />
        </>
      )}
    </Card>
  );
}
