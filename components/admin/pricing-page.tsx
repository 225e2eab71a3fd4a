"use client";
// Pricing: the prices costs are computed from, the budgets tasks get, and what was spent.
import { PageHeader } from "@/components/layout/page-header";
import { BudgetSettingsCard } from "./budget-settings-card";
import { CostSummaryCard } from "./cost-summary-card";
import { PricesCard } from "./prices-card";

export function PricingPage() {
  return (
    <>
      <PageHeader
        title="Pricing"
        description="Every model call is priced when it is made, from the table below. Check the prices against Anthropic's price list: a change applies to calls from then on, not to past ones."
      />
      <div className="space-y-6">
        <CostSummaryCard />
        <BudgetSettingsCard />
        <PricesCard />
      </div>
    </>
  );
}
