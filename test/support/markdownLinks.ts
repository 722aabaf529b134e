import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Relative links in Markdown files, and whether each points to a file that exists and, with a
 * `#fragment`, to a heading of that file (GitHub's anchor names).
 */

/** The text without fenced code blocks and inline code, where `[a](b)` is not a link. */
function proseOf(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/(`+)[^`\n]*?\1/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function slugOf(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file offers (repeated headings get -1, -2, … as on GitHub). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const slug = slugOf(match[1]!.replace(/`/g, ''));
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Link targets written in a Markdown file: inline links and reference definitions. */
export function linksOf(markdown: string): string[] {
  const prose = proseOf(markdown);
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]!);
  return [...inline, ...references];
}

export interface BrokenLink {
  file: string;
  link: string;
  problem: string;
}

/** The relative links of `file` (a path inside `root`) that lead nowhere. */
export function brokenLinks(root: string, file: string): BrokenLink[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const broken: BrokenLink[] = [];
  for (const link of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // http:, https:, mailto:
    const [target = '', fragment] = link.split('#', 2) as [string, string | undefined];
    const resolved = target === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(target));
    if (!resolved.startsWith(root + path.sep) && resolved !== root) {
      broken.push({ file, link, problem: 'points outside the repository' });
      continue;
    }
    if (!existsSync(resolved)) {
      broken.push({ file, link, problem: 'no such file' });
      continue;
    }
    if (fragment === undefined) continue;
    if (!resolved.endsWith('.md') || statSync(resolved).isDirectory()) {
      broken.push({ file, link, problem: 'an anchor into a file that is not Markdown' });
      continue;
    }
    if (!anchorsOf(readFileSync(resolved, 'utf8')).has(fragment)) {
      broken.push({ file, link, problem: `no heading #${fragment}` });
    }
  }
  return broken;
}

const SKIPPED = new Set(['node_modules', 'dist', '.git', '.data', 'test-results', 'frozen']);

/** The Markdown files of the project (paths relative to `root`), without dependencies or build output. */
export function markdownFiles(root: string, dir = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...markdownFiles(root, relative));
    else if (entry.name.endsWith('.md')) files.push(relative);
  }
  return files.sort();
}
