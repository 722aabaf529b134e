#!/usr/bin/env node
'use strict';
/*
 * The folder layout of issue 16, as a repeatable codemod: run on a clean checkout, it moves files
 * and folders with `git mv` as scripts/relayout/mapping.json says, and rewrites what points at them:
 *
 *   - relative imports, `export … from`, `require()` and `import()` in .ts/.js/.cjs/.mjs files;
 *   - file paths built with `fromRoot('a', 'b', …)` / `fromDist('a', 'b', …)` (common/paths.ts);
 *   - path mentions (`bot/storage/types.ts`, `dist/bot/index.js`, `bot/identity/`) in code
 *     comments, package.json, .mocharc.json, .ci/run, tsconfig.json and Markdown files;
 *   - whole-word identifier renames (mapping.json `identifiers`);
 *   - tsconfig.json's `include` (the compiled top-level folders).
 *
 * Folder rules move every file under the folder, including files added by branches merged after
 * the mapping was written. Safe to run twice: when nothing is left to move it says so and changes
 * nothing; it refuses a dirty working tree and a move onto an existing file.
 *
 *   node scripts/relayout/relayout.cjs            apply (then review `git status` and commit)
 *   node scripts/relayout/relayout.cjs --dry-run  print the moves and the files it would rewrite
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const posix = path.posix;
const dryRun = process.argv.includes('--dry-run');

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function loadMapping() {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, 'mapping.json'), 'utf8'));
  const folders = raw.folders.map(({ from, to }) => {
    if (!from.endsWith('/') || !to.endsWith('/')) throw new Error(`mapping.json: folder rule ${from} -> ${to} must end in '/'`);
    return { from, to };
  });
  folders.sort((a, b) => b.from.length - a.from.length);
  const files = new Map(raw.files.map(({ from, to }) => [from, to]));
  return { folders, files, identifiers: raw.identifiers ?? [], tsconfigInclude: raw.tsconfigInclude ?? [] };
}

const mapping = loadMapping();

/** Where a file (or, with a trailing '/', a folder) of the old layout lives in the new one. */
function mapPath(p) {
  if (mapping.files.has(p)) return mapping.files.get(p);
  for (const { from, to } of mapping.folders) if (p.startsWith(from)) return to + p.slice(from.length);
  return p;
}

function mapDir(dir) {
  const mapped = mapPath(`${dir.replace(/\/$/, '')}/`);
  return mapped.replace(/\/$/, '');
}

// ---------------------------------------------------------------------------------------------
// The old tree

const tracked = git('ls-files', '-z').split('\0').filter((f) => f !== '' && fs.existsSync(path.join(root, f)));
const trackedSet = new Set(tracked);
const dirs = new Set();
for (const f of tracked) {
  let d = posix.dirname(f);
  while (d !== '.') {
    dirs.add(d);
    d = posix.dirname(d);
  }
}

const moves = tracked.map((f) => [f, mapPath(f)]).filter(([from, to]) => from !== to);
if (moves.length === 0) {
  process.stdout.write('relayout: nothing to move — the layout is already applied.\n');
  process.exit(0);
}
const movingAway = new Set(moves.map(([from]) => from));
const conflicts = moves.filter(([, to]) => trackedSet.has(to) && !movingAway.has(to));
const targets = new Map();
for (const [from, to] of moves) {
  if (targets.has(to)) conflicts.push([from, `${to} (also the target of ${targets.get(to)})`]);
  targets.set(to, from);
}
if (conflicts.length > 0) {
  process.stderr.write(`relayout: refused, these moves would overwrite a file:\n${conflicts.map(([a, b]) => `  ${a} -> ${b}`).join('\n')}\n`);
  process.exit(1);
}
if (!dryRun && git('status', '--porcelain', '--untracked-files=no').trim() !== '') {
  process.stderr.write('relayout: refused, the working tree has uncommitted changes (commit or stash them first).\n');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Rewrites

const CODE = /\.(ts|js|cjs|mjs)$/;
const TEXT = /\.(ts|js|cjs|mjs|json|md)$/;
const SKIP = [/^scripts\/relayout\//, /^node_modules\//, /^dist\//, /^intents\/data\//, /^test\/fixtures\//, /^responses\//, /^config\//, /^package-lock\.json$/];
const EXTRA_TEXT = new Set(['.ci/run', '.env.example', '.gitignore']);

function isTextFile(f) {
  if (SKIP.some((re) => re.test(f))) return false;
  return TEXT.test(f) || EXTRA_TEXT.has(f);
}

/** The old tracked file an import specifier names, and how the specifier spells it. */
function resolveSpecifier(fromFile, spec) {
  const base = posix.normalize(posix.join(posix.dirname(fromFile), spec));
  if (trackedSet.has(base)) return { target: base, form: 'exact' };
  const jsAsTs = /\.(c|m)?js$/.test(base) ? base.replace(/\.(c|m)?js$/, '.ts') : undefined;
  if (jsAsTs && trackedSet.has(jsAsTs)) return { target: jsAsTs, form: 'jsForTs', ext: base.slice(base.lastIndexOf('.')) };
  for (const ext of ['.ts', '.d.ts', '.js', '.cjs', '.mjs', '.json']) {
    if (trackedSet.has(base + ext)) return { target: base + ext, form: 'noExt', ext };
  }
  for (const ext of ['.ts', '.js']) {
    if (trackedSet.has(`${base}/index${ext}`)) return { target: `${base}/index${ext}`, form: 'dir', ext };
  }
  return undefined;
}

function relativeSpec(fromFile, toFile) {
  let rel = posix.relative(posix.dirname(fromFile), toFile);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

function rewriteSpecifier(oldFile, spec) {
  const resolved = resolveSpecifier(oldFile, spec);
  if (!resolved) return spec;
  const newFile = mapPath(oldFile);
  const newTarget = mapPath(resolved.target);
  if (newFile === oldFile && newTarget === resolved.target) return spec;
  let rel = relativeSpec(newFile, newTarget);
  if (resolved.form === 'noExt') rel = rel.slice(0, -resolved.ext.length);
  else if (resolved.form === 'jsForTs') rel = rel.replace(/\.ts$/, resolved.ext);
  else if (resolved.form === 'dir') {
    rel = rel.slice(0, -`/index${resolved.ext}`.length);
    if (rel === '' || rel === '.') rel = '.';
  }
  return rel;
}

const IMPORT_RE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]*)\2/g;

function rewriteImports(oldFile, text) {
  return text.replace(IMPORT_RE, (all, lead, quote, spec) => {
    const next = rewriteSpecifier(oldFile, spec);
    return next === spec ? all : `${lead}${quote}${next}${quote}`;
  });
}

/**
 * A path written out from the root (in a fromRoot/fromDist call or a mention), mapped if it names
 * an old file or folder; `compiled`: it is under dist/, where `x.js` is compiled from `x.ts`.
 */
function mapWritten(p, compiled) {
  if (compiled && /\.js$/.test(p) && trackedSet.has(p.replace(/\.js$/, '.ts'))) {
    return mapPath(p.replace(/\.js$/, '.ts')).replace(/\.ts$/, '.js');
  }
  if (trackedSet.has(p)) return mapPath(p);
  if (dirs.has(p)) return mapDir(p);
  return p;
}

/** fromRoot('bot', 'identity', 'commands.json') → fromRoot('identity', 'bot', 'commands.json'). */
const ROOT_CALL_RE = /\b(fromRoot|fromDist)\(((?:\s*'[^'\n]*'\s*(?:,|(?=\))))+)/g;

function rewriteRootCalls(text) {
  return text.replace(ROOT_CALL_RE, (all, fn, args) => {
    const segments = [...args.matchAll(/'([^'\n]*)'/g)].map((m) => m[1]);
    const trailingComma = /,\s*$/.test(args);
    const joined = segments.join('/');
    const mapped = mapWritten(joined, fn === 'fromDist');
    if (mapped === joined) return all;
    const next = mapped.split('/').map((s) => `'${s}'`).join(', ');
    return `${fn}(${next}${trailingComma ? ', ' : ''}`;
  });
}

/** A path written out from the repository root: bot/app.ts, dist/bot/index.js, bot/identity/. */
const MENTION_RE = /(?<![\w.@/-])(\.\/)?((?:dist\/)?[A-Za-z_][\w.-]*(?:\/[\w.-]+)+)(\/?)/g;

function rewriteMentions(text) {
  return text.replace(MENTION_RE, (all, dot = '', token, slash) => {
    let p = token;
    let dist = '';
    if (p.startsWith('dist/')) {
      dist = 'dist/';
      p = p.slice(5);
    }
    const mapped = mapWritten(p, dist !== '');
    if (mapped === p) return all;
    return `${dot}${dist}${mapped}${slash}`;
  });
}

function rewriteIdentifiers(text) {
  let out = text;
  for (const { from, to } of mapping.identifiers) out = out.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
  return out;
}

function rewriteTsconfig(text) {
  const config = JSON.parse(text);
  const include = new Set((config.include ?? []).map((d) => mapDir(d)));
  for (const d of mapping.tsconfigInclude) include.add(d);
  return { config, include };
}

const rewritten = [];
for (const f of tracked) {
  if (!isTextFile(f)) continue;
  const before = fs.readFileSync(path.join(root, f), 'utf8');
  let after = before;
  if (CODE.test(f)) {
    after = rewriteImports(f, after);
    after = rewriteRootCalls(after);
    after = rewriteIdentifiers(after);
  }
  after = rewriteMentions(after);
  if (after !== before) {
    rewritten.push(f);
    if (!dryRun) fs.writeFileSync(path.join(root, f), after);
  }
}

if (dryRun) {
  process.stdout.write(`moves (${moves.length}):\n${moves.map(([a, b]) => `  ${a} -> ${b}`).join('\n')}\n`);
  process.stdout.write(`files rewritten (${rewritten.length}):\n${rewritten.map((f) => `  ${f}`).join('\n')}\n`);
  process.exit(0);
}

for (const [from, to] of moves) {
  fs.mkdirSync(path.join(root, posix.dirname(to)), { recursive: true });
  git('mv', from, to);
}
// Folders the moves emptied (git does not track folders; compiled leftovers are pruned by the build).
for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
  const full = path.join(root, d);
  if (fs.existsSync(full) && fs.readdirSync(full).length === 0) fs.rmdirSync(full);
}

// tsconfig.json: the compiled top-level folders after the move (those that hold code).
const tsconfigFile = path.join(root, 'tsconfig.json');
if (fs.existsSync(tsconfigFile)) {
  const { config, include } = rewriteTsconfig(fs.readFileSync(tsconfigFile, 'utf8'));
  const present = [...include].filter((d) => fs.existsSync(path.join(root, d))).sort();
  config.include = present;
  const text = fs.readFileSync(tsconfigFile, 'utf8');
  const next = text.replace(/"include":\s*\[[^\]]*\]/, `"include": ${JSON.stringify(present).replace(/","/g, '", "')}`);
  if (next !== text) {
    fs.writeFileSync(tsconfigFile, next);
    git('add', 'tsconfig.json');
  }
}
git('add', '--', ...rewritten.map((f) => mapPath(f)));

process.stdout.write(`relayout: moved ${moves.length} files, rewrote ${rewritten.length}. Review with \`git status\`, build and test, then commit.\n`);
