// Editing an agent profile, for admins and owners. Existence is checked here so an unknown id
// answers with a real 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditProfilePage } from "@/components/profiles/profile-editor-page";
import { requirePageActor } from "@/server/auth/page-access";
import { db } from "@/server/db";

export const metadata: Metadata = { title: "Edit profile · Baton" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("ADMIN");
  const { id } = await params;
  const exists = await db.agentProfile.findUnique({ where: { id }, select: { id: true } });
  if (!exists) notFound();
  return <EditProfilePage profileId={id} />;
}
