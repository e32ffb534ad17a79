import { FIELD_INVENTORY_PATH } from '../files.js';
import { reviewPolicy } from '../policy-review.js';
import { buildClinicSchema } from '../schema.js';

/**
 * `npm run policy:check`: prints the field inventory (each field's class, mask and what each
 * kind of caller gets; what each argument reads) and fails on an unclassified field, an
 * undeclared argument or a stale schema/field-inventory.md. `-- --write` refreshes that file.
 */
const review = reviewPolicy((onUnclassified) => buildClinicSchema({ onUnclassified }), FIELD_INVENTORY_PATH, process.argv.includes('--write'));
if (review.report !== null) console.log(review.report);
for (const problem of review.problems) console.error(problem);
process.exit(review.ok ? 0 : 1);
