"use client";
// API tokens: create one (its secret is shown once), see and revoke your tokens, and how to use them.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { CreateTokenForm, type CreatedToken } from "./create-token-form";
import { NewTokenReveal } from "./new-token-reveal";
import { TokenTable } from "./token-table";
import { TokenUsageCard } from "./token-usage-card";

export function TokensPage({ baseUrl }: { baseUrl: string }) {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.token.list.queryOptions());
  // Only in this component's state: leaving the page forgets the secret for good.
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <>
      <PageHeader title="API tokens" description="Personal tokens let scripts and the baton CLI call Baton as you. Each one is shown once, when you create it." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="New token" />
          {created ? <NewTokenReveal key={created.token} created={created} onDone={() => setCreated(null)} /> : null}
          <CreateTokenForm onCreated={setCreated} />
        </Card>

        <Card>
          <CardHeader title="Your tokens" description="Revoke a token as soon as the tool that uses it no longer needs it." />
          {tokens.isPending ? (
            <div className="space-y-3 p-4" aria-busy="true" aria-label="Loading tokens">
              <Skeleton className="h-9 w-full" />
              <Skeleton className="h-9 w-full" />
            </div>
          ) : tokens.isError ? (
            <div className="p-4">
              <Alert title="Could not load your tokens">{errorMessage(tokens.error)}</Alert>
            </div>
          ) : tokens.data.length === 0 ? (
            <EmptyState title="No API tokens yet">Create one above for each script or machine that needs access, so you can revoke them one at a time.</EmptyState>
          ) : (
            <TokenTable tokens={tokens.data} />
          )}
        </Card>

        <TokenUsageCard baseUrl={baseUrl} />
      </div>
    </>
  );
}
