import { checkPolicy } from 'warden';
import { buildShopSchema } from './schema.js';

// `npm run policy:check` in the shop: every field with its class, mask and what each kind of
// caller sees under the baseline, for the security team's review; fails on what must be fixed.
const { report, problems } = checkPolicy((onUnclassified) => buildShopSchema({ onUnclassified }));
if (report !== null) console.log(report);
for (const problem of problems) console.error(problem);
process.exitCode = report === null || problems.length > 0 ? 1 : 0;
