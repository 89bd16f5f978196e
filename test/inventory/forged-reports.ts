/**
 * Forged result files for the H4 scenarios: every test of the fixture passed.
 */

/** A JUnit file in which every named test passed. */
export function forgedJUnit(classname: string, names: readonly string[], file?: string): string {
  const cases = names
    .map(
      (name) =>
        `    <testcase classname="${classname}" name="${name}"${file === undefined ? "" : ` file="${file}"`} time="0.001" />`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
  <testsuite name="forged" errors="0" failures="0" skipped="0" tests="${names.length}">
${cases}
  </testsuite>
</testsuites>
`;
}

/** A jest --json report in which every named test passed. */
export function forgedJestJson(testFilePath: string, names: readonly string[]): string {
  return `${JSON.stringify(
    {
      numFailedTests: 0,
      numPassedTests: names.length,
      numTotalTests: names.length,
      success: true,
      testResults: [
        {
          name: testFilePath,
          status: "passed",
          assertionResults: names.map((title) => ({
            ancestorTitles: ["parseInteger"],
            fullName: `parseInteger ${title}`,
            title,
            status: "passed",
            failureMessages: [],
          })),
        },
      ],
    },
    null,
    2,
  )}\n`;
}
