// Rewrites the permission table in README.md from server/auth/permissions.ts.
// `npm run docs:permissions`; a unit test fails while the two disagree.
import fs from "node:fs";
import { renderPermissionTable } from "../server/auth/permissions";
import { PERMISSION_TABLE_END, PERMISSION_TABLE_START, replacePermissionTable } from "../server/auth/permission-docs";

const readme = fs.readFileSync("README.md", "utf8");
const updated = replacePermissionTable(readme, renderPermissionTable());
if (updated === null) {
  console.error(`README.md has no ${PERMISSION_TABLE_START} … ${PERMISSION_TABLE_END} block`);
  process.exit(1);
}
fs.writeFileSync("README.md", updated);
console.log("README.md permission table updated");
