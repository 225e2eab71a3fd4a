// The simulated Claude in a process of its own (agent/sim/main.ts, zero latency, a free port), for
// a baseline that calls the model without the daemon that hosts it for the agents; its CPU can
// then be counted on its own.
import { fork } from "node:child_process";
import path from "node:path";

export interface SimProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startSimProcess(): Promise<SimProcess> {
  const child = fork(path.join(import.meta.dirname, "../../agent/sim/main.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, SIM_PORT: "0", SIM_FIRST_TOKEN_DELAY_MS: "0", SIM_TOKEN_DELAY_MS: "0" },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the simulated Claude exited (code ${code}) before it listened:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
