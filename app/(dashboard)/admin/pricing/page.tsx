// Model prices, task budgets and what Claude usage cost, for admins and owners.
import type { Metadata } from "next";
import { PricingPage } from "@/components/admin/pricing-page";
import { requirePageActor } from "@/server/auth/page-access";

export const metadata: Metadata = { title: "Pricing · Baton" };

export default async function Page() {
  await requirePageActor("ADMIN");
  return <PricingPage />;
}
