// Reachability checks for the entry scripts: `probe.mjs pg <url>` / `probe.mjs redis <url>` exit 0
// when the service answers, `probe.mjs ensure-db <url>` creates the URL's database if missing, `reset-db` empties a test one.
import pg from "pg";
import Redis from "ioredis";

const [kind, url] = process.argv.slice(2);

async function probePg(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  await client.connect();
  await client.query("select 1");
  await client.end();
}

async function ensureDb(connectionString) {
  const target = new URL(connectionString);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(connectionString);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2000 });
  await client.connect();
  const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
  if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  await client.end();
}

async function probeRedis(redisUrl) {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
}

// Drops and recreates the URL's database: the test suite starts from an empty, migrated schema.
async function resetDb(connectionString) {
  const name = decodeURIComponent(new URL(connectionString).pathname.slice(1));
  if (!name.includes("test")) throw new Error(`refusing to reset ${name}: not a test database`);
  const admin = new URL(connectionString);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2000 });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.query(`create database "${name}"`);
  await client.end();
}

const actions = { pg: probePg, redis: probeRedis, "ensure-db": ensureDb, "reset-db": resetDb };
try {
  await actions[kind](url);
  process.exit(0);
} catch (error) {
  if (process.env.PROBE_VERBOSE) console.error(`${kind} ${url}: ${error.message}`);
  process.exit(1);
}
