// Creating an agent profile, for admins and owners.
import type { Metadata } from "next";
import { NewProfilePage } from "@/components/profiles/profile-editor-page";
import { requirePageActor } from "@/server/auth/page-access";

export const metadata: Metadata = { title: "New profile · Baton" };

export default async function Page() {
  await requirePageActor("ADMIN");
  return <NewProfilePage />;
}
