"use client";
// Members: the team with its roles, and the invitations that let new people join.
import { PageHeader } from "@/components/layout/page-header";
import { InvitationsCard } from "./invitations-card";
import type { PageActor } from "./member-permissions";
import { MembersCard } from "./members-card";

export function MembersPage({ actor, baseUrl }: { actor: PageActor; baseUrl: string }) {
  const description =
    actor.role === "OWNER"
      ? "Who can sign in and what they may do. Only owners grant, change or remove the admin and owner roles."
      : "Who can sign in and what they may do. As an admin you manage members and viewers; an owner manages admins and owners.";
  return (
    <>
      <PageHeader title="Members" description={description} />
      <div className="space-y-6">
        <MembersCard actor={actor} />
        <InvitationsCard actor={actor} baseUrl={baseUrl} />
      </div>
    </>
  );
}
