import { Suspense } from "react";
import { AnalyticsPage } from "@/components/analytics/analytics-page";
import { requirePageActor } from "@/server/auth/page-access";

export default async function Page() {
  await requirePageActor();
  // The page reads its range from the URL, which needs a Suspense boundary.
  return (
    <Suspense>
      <AnalyticsPage />
    </Suspense>
  );
}
