// The run's private Redis and PostgreSQL, which it stops, starts and flushes on purpose. Starting
// and stopping go through bin/lib/services.sh, the same code that starts local services for dev.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { ChaosOptions } from "./options";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");

async function services(command: string): Promise<string> {
  const { stdout } = await run("bash", ["-c", `source bin/lib/services.sh && ${command}`], { cwd: root, timeout: 120_000 });
  return stdout.trim();
}

const quote = (value: string | number) => `'${String(value).replaceAll("'", "'\\''")}'`;

export interface PrivateServices {
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  flushRedis(): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
}

export function privateServices(options: ChaosOptions): PrivateServices {
  const redisCli = (...args: string[]) => run("redis-cli", ["-p", String(options.ports.redis), ...args], { timeout: 10_000 });
  return {
    // SHUTDOWN NOSAVE: a crash, not a clean stop (the append-only file keeps what was fsynced).
    async stopRedis() {
      await redisCli("shutdown", "nosave").catch(() => {});
    },
    async startRedis() {
      await services(`start_local_redis ${quote(options.redisData)} ${options.ports.redis} yes >/dev/null`);
    },
    async flushRedis() {
      await redisCli("flushall");
    },
    async stopPostgres() {
      await services(`local_pg_ctl ${quote(options.postgresData)} stop -m fast`);
    },
    async startPostgres() {
      await services(`start_local_postgres ${quote(options.postgresData)} ${options.ports.postgres} >/dev/null`);
    },
  };
}
