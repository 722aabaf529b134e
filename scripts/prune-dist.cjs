'use strict';
// Removes compiled files whose TypeScript source is gone (renamed or deleted), so that mocha,
// which runs dist/test/**/*.test.js, never runs a test that no longer exists. Runs after tsc.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
      continue;
    }
    const match = /^(.*)\.(js|js\.map|d\.ts)$/.exec(entry.name);
    if (!match) continue;
    const source = path.join(root, path.relative(dist, dir), `${match[1]}.ts`);
    if (!fs.existsSync(source)) fs.rmSync(full);
  }
}

if (fs.existsSync(dist)) walk(dist);
