"use client";
// Everything client components need from context: React Query, tRPC and the live socket.
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { getQueryClient } from "./query-client";
import { SocketProvider } from "./socket-provider";
import { TRPCProvider } from "./trpc";
import { TRPC_MAX_BATCH } from "@/server/client/trpc-batch";

export function AppProviders({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  // Queries only run in the browser, where the relative endpoint resolves against the page.
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_MAX_BATCH })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <SocketProvider>{children}</SocketProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
