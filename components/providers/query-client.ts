// React Query client settings. One client per browser tab; a fresh one per server render so
// cached data never leaks between requests.
import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live events invalidate what changed, so background refetches can be rare.
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        // A missing task or bad input will not fix itself by asking again.
        retry: (failures, error) => !(error instanceof TRPCClientError && error.data?.httpStatus && error.data.httpStatus < 500) && failures < 2,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
