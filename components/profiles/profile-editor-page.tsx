"use client";
// The new-profile and edit-profile pages: a back link, the title and the shared form. Editing
// waits for the stored profile, so the form never starts from half-loaded values.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ProfileForm } from "./profile-form";
import { NEW_PROFILE_VALUES, toFormValues } from "./profile-form-values";

function BackLink() {
  return (
    <Link href="/admin/profiles" className="mb-2 inline-block text-sm text-muted hover:text-foreground">
      ← All profiles
    </Link>
  );
}

export function NewProfilePage() {
  return (
    <div className="max-w-3xl">
      <BackLink />
      <PageHeader title="New profile" description="A kind of agent: what it is good at, which tools it gets, its limits and how many of it the fleet runs." />
      <ProfileForm initialValues={NEW_PROFILE_VALUES} />
    </div>
  );
}

export function EditProfilePage({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  // Refetching would not reach the form (it keeps what the admin typed), so do not bother.
  const profile = useQuery(trpc.profile.byId.queryOptions({ id: profileId }, { refetchOnWindowFocus: false }));
  return (
    <div className="max-w-3xl">
      <BackLink />
      <PageHeader
        title={profile.data ? `Edit profile “${profile.data.name}”` : "Edit profile"}
        description="Changes apply to this profile's agents without restarting anything."
      />
      {profile.isPending ? (
        <Card className="space-y-3 p-4" aria-busy="true" aria-label="Loading the profile">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-28 w-full" />
        </Card>
      ) : profile.isError ? (
        <Alert title="Could not load the profile">{errorMessage(profile.error)}</Alert>
      ) : (
        <ProfileForm key={profile.data.id} profileId={profile.data.id} initialValues={toFormValues(profile.data)} />
      )}
    </div>
  );
}
