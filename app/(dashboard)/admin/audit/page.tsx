// The audit trail, for admins and owners.
import type { Metadata } from "next";
import { AuditPage } from "@/components/admin/audit-page";
import { requirePageActor } from "@/server/auth/page-access";

export const metadata: Metadata = { title: "Audit log · Baton" };

export default async function Page() {
  await requirePageActor("ADMIN");
  return <AuditPage />;
}
