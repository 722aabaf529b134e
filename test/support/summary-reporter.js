'use strict';
// Mocha reporter: the usual spec output, then one machine-readable last line
// "N passed, N failed" (CI counts the run from it). When TEST_RESULTS_FILE is set the same
// counts are written there as JSON, so .ci/run can repeat the line after npm's own output.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats || {};
      const file = process.env.TEST_RESULTS_FILE;
      if (file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, pending }) + '\n');
      }
      // Spec registered its epilogue on the same event first, so this is the last line.
      process.stdout.write(`${passes} passed, ${failures} failed\n`);
    });
  }
}

module.exports = SummaryReporter;
