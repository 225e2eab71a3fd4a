export { createSimServer, type SimServer } from "./create-sim-server";
export type { InjectableStatus, SimFailureRule, SimServerOptions } from "./sim-options";
