// The application router: one router per domain.
import { agentRouter } from "./routers/agent";
import { taskRouter } from "./routers/task";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  task: taskRouter,
  agent: agentRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
