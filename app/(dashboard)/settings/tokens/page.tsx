// Personal API tokens, for every signed-in role.
import type { Metadata } from "next";
import { TokensPage } from "@/components/settings/tokens-page";
import { requirePageActor } from "@/server/auth/page-access";
import { baseUrl } from "@/server/env";

export const metadata: Metadata = { title: "API tokens · Baton" };

export default async function Page() {
  await requirePageActor();
  return <TokensPage baseUrl={baseUrl} />;
}
