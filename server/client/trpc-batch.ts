// How many calls one tRPC batch request may carry. The browser's and the typed client's batch
// links split their batches at it; the server refuses a larger one (a single POST of thousands of
// calls would otherwise run them all).
export const TRPC_MAX_BATCH = 50;
