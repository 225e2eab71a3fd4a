// Team administration, for admins and owners.
import type { Metadata } from "next";
import { MembersPage } from "@/components/admin/members-page";
import { requirePageActor } from "@/server/auth/page-access";
import { baseUrl } from "@/server/env";

export const metadata: Metadata = { title: "Members · Baton" };

export default async function Page() {
  const actor = await requirePageActor("ADMIN");
  return <MembersPage actor={{ userId: actor.userId, role: actor.role }} baseUrl={baseUrl} />;
}
