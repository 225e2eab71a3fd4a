"use client";
// Agent profiles for admins: every profile with what it may do, and the way to add or edit one.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { ProfileTable, type ProfileRow } from "./profile-table";

export function ProfilesPage({ notice }: { notice: string | null }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.agent.profiles.queryOptions());
  const profiles = list.data ?? [];
  const rows: ProfileRow[] = profiles;

  // The notice is for this visit only: a reload or a shared link should not repeat it.
  useEffect(() => {
    if (notice) window.history.replaceState(null, "", "/admin/profiles");
  }, [notice]);

  const newProfile = (
    <LinkButton href="/admin/profiles/new" variant="primary">
      New profile
    </LinkButton>
  );

  return (
    <>
      <PageHeader
        title="Profiles"
        description="Each kind of agent the fleet runs: the capabilities subtasks are routed by, the tools and limits its agents get, and how many of them run."
        actions={newProfile}
      />
      {notice ? (
        <Alert tone="info" className="mb-4">
          {notice}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Agent profiles" description={list.data ? `${profiles.length} ${profiles.length === 1 ? "profile" : "profiles"}` : undefined} />
        {list.isPending ? (
          <TableSkeleton label="Loading profiles" />
        ) : list.isError ? (
          <div className="p-4">
            <Alert title="Could not load profiles">{errorMessage(list.error)}</Alert>
          </div>
        ) : profiles.length === 0 ? (
          <EmptyState title="No profiles yet" action={newProfile}>
            Without a profile the daemon starts no agents and no task can run. Create one, or run the seed script for the defaults.
          </EmptyState>
        ) : (
          <ProfileTable profiles={rows} />
        )}
      </Card>
    </>
  );
}
