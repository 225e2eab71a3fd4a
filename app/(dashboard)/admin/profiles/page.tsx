// Agent profiles, for admins and owners.
import type { Metadata } from "next";
import { ProfilesPage } from "@/components/profiles/profiles-page";
import { savedNoticeText } from "@/components/profiles/saved-notice";
import { requirePageActor } from "@/server/auth/page-access";

export const metadata: Metadata = { title: "Profiles · Baton" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor("ADMIN");
  return <ProfilesPage notice={savedNoticeText(await searchParams)} />;
}
