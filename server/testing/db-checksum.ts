// A fingerprint of every table's rows (count and an md5 of the rows in a stable order), so a test
// can show that a run of requests changed nothing in the database.
import type { Db } from "../db/create-prisma";

export async function tableChecksums(db: Db, options: { except?: string[] } = {}): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const checksums: Record<string, string> = {};
  for (const { name } of tables) {
    if (options.except?.includes(name)) continue;
    const [row] = await db.$queryRawUnsafe<{ rows: bigint; digest: string }[]>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name.replace(/"/g, '""')}" t`,
    );
    checksums[name] = `${row!.rows} rows, ${row!.digest}`;
  }
  return checksums;
}
