import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../common/paths';
import { anchorsOf, brokenLinks, markdownFiles, slugOf } from '../support/markdownLinks';

/** A reader who follows a link in the README, docs/ or a folder's README lands where it says. */
describe('documentation links', () => {
  const root = projectRoot();

  it('every relative link in the Markdown files points to an existing file and heading', () => {
    const files = markdownFiles(root);
    assert.ok(files.includes('README.md') && files.includes('docs/README.md'), `found ${files.join(', ')}`);
    const broken = files.flatMap((file) => brokenLinks(root, file)).map((b) => `${b.file}: ${b.link} (${b.problem})`);
    assert.deepEqual(broken, []);
  });

  it('every page in docs/ is listed in the docs index', () => {
    const pages = markdownFiles(root).filter((f) => /^docs\/[^/]+\.md$/.test(f) && f !== 'docs/README.md');
    const index = readFileSync(path.join(root, 'docs', 'README.md'), 'utf8');
    const listed = new Set([...index.matchAll(/\]\(([^)#]+\.md)\)/g)].map((m) => path.posix.join('docs', m[1]!)));
    assert.deepEqual(pages.filter((p) => !listed.has(p)), []);
  });

  describe('the link checker', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'links-'));
      mkdirSync(path.join(dir, 'docs'));
      writeFileSync(path.join(dir, 'docs', 'page.md'), '# A page\n\n## Member data (`MEMBER_DATA`)\n\n## Try it — now\n\n## Try it — now\n');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('names GitHub anchors as GitHub does', () => {
      assert.equal(slugOf('How well it works, on words nobody on the team wrote'), 'how-well-it-works-on-words-nobody-on-the-team-wrote');
      assert.deepEqual([...anchorsOf('# A page\n\n## Member data (`MEMBER_DATA`)\n\n## Again\n\n## Again\n')], ['a-page', 'member-data-member_data', 'again', 'again-1']);
    });

    it('reports a missing file, a missing heading and a link out of the repository, and ignores code and web links', () => {
      writeFileSync(
        path.join(dir, 'README.md'),
        [
          '[ok](docs/page.md) [ok](docs/page.md#member-data-member_data) [ok](docs/page.md#try-it--now-1) [web](https://example.org/x.md)',
          '[gone](docs/gone.md) [no heading](docs/page.md#nothing) [out](../elsewhere.md) [self](#a-page)',
          '`[code](docs/code.md)`',
          '```',
          '[fenced](docs/fenced.md)',
          '```',
        ].join('\n'),
      );
      assert.deepEqual(
        brokenLinks(dir, 'README.md').map((b) => `${b.link}: ${b.problem}`),
        ['docs/gone.md: no such file', 'docs/page.md#nothing: no heading #nothing', '../elsewhere.md: points outside the repository', '#a-page: no heading #a-page'],
      );
    });
  });
});
