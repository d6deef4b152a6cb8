// Prints how many tests ran in each suite, from the JSON reports `npm test` leaves in reports/.
// Used by .ci/run; its last line is the plain "N passed, N failed" that CI reads.
import { existsSync, readFileSync } from 'node:fs';

type Report = {
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; status: string }[] }[];
};

const counts = new Map<string, { passed: number; failed: number; skipped: number }>();
for (const file of ['reports/unit.json', 'reports/e2e.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  for (const result of report.testResults) {
    for (const test of result.assertionResults) {
      const suite = suiteOf(result.name, test.ancestorTitles[0] ?? '');
      const count = counts.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
      if (test.status === 'passed') count.passed++;
      else if (test.status === 'failed') count.failed++;
      else count.skipped++;
      counts.set(suite, count);
    }
  }
}

function suiteOf(path: string, describe: string): string {
  if (path.includes('/test/e2e/')) return `e2e (${describe.split(':')[0]})`;
  if (path.includes('/test/component/')) return 'component';
  return 'unit';
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nTest summary');
for (const [suite, count] of counts) {
  console.log(`  ${suite.padEnd(18)} ${count.passed} passed, ${count.failed} failed${count.skipped ? `, ${count.skipped} skipped` : ''}`);
  total.passed += count.passed;
  total.failed += count.failed;
  total.skipped += count.skipped;
}
if (!existsSync('reports/e2e.json')) console.log('  (the end-to-end suite did not run: an earlier step failed)');
console.log(`Total: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
