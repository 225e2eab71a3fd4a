// The application router: one router per domain. Who may call each procedure is written in
// server/auth/permissions.ts.
import { accountRouter } from "./routers/account";
import { agentRouter } from "./routers/agent";
import { analyticsRouter } from "./routers/analytics";
import { approvalRouter } from "./routers/approval";
import { auditRouter } from "./routers/audit";
import { costRouter } from "./routers/cost";
import { fleetRouter } from "./routers/fleet";
import { invitationRouter, memberRouter } from "./routers/member";
import { overviewRouter } from "./routers/overview";
import { pricingRouter } from "./routers/pricing";
import { profileRouter } from "./routers/profile";
import { settingsRouter } from "./routers/settings";
import { shareRouter } from "./routers/share";
import { taskRouter } from "./routers/task";
import { tokenRouter } from "./routers/token";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  task: taskRouter,
  agent: agentRouter,
  approval: approvalRouter,
  profile: profileRouter,
  share: shareRouter,
  token: tokenRouter,
  member: memberRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  pricing: pricingRouter,
  cost: costRouter,
  settings: settingsRouter,
  fleet: fleetRouter,
  analytics: analyticsRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
