import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempResources } from '@egov-plan/test-utils';

const root = resolve(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'check-publish-metadata.mjs');
const temp = tempResources();
afterEach(() => temp.cleanup());

function check(...dirs: string[]) {
  const run = spawnSync(process.execPath, [script, ...dirs], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

function packageDir(manifest: Record<string, unknown>, readme: string | null = '# pkg\n') {
  const files: Record<string, unknown> = { 'package.json': { name: '@x/pkg', description: 'd', license: 'MIT', ...manifest } };
  if (readme !== null) files['README.md'] = readme;
  return temp.dir('publish-check-', files);
}

describe('check-publish-metadata (the prepublishOnly guard)', () => {
  it('passes a package with a real repository address and absolute README links', () => {
    const dir = packageDir(
      { repository: { type: 'git', url: 'git+https://github.com/some-province/egov-plan.git', directory: 'packages/pkg' } },
      '# pkg\n\nSee [the guide](https://github.com/some-province/egov-plan/blob/main/docs/x.md) and [below](#usage).\n',
    );
    expect(check(dir)).toEqual({ status: 0, stderr: '' });
  });

  it.each(['git+https://example.invalid/egov-plan.git', 'https://example.com/repo.git', 'git+https://localhost/repo.git'])(
    'refuses the placeholder repository %s, in English and Vietnamese',
    (url) => {
      const { status, stderr } = check(packageDir({ repository: { type: 'git', url } }));
      expect(status).toBe(1);
      expect(stderr).toContain(`@x/pkg: repository: "${url}" is a placeholder`);
      expect(stderr).toContain('là địa chỉ giữ chỗ');
    },
  );

  it('refuses a missing repository, description, license and README', () => {
    const { status, stderr } = check(packageDir({ description: undefined, license: undefined }, null));
    expect(status).toBe(1);
    for (const field of ['description', 'license', 'repository', 'README.md']) expect(stderr).toContain(`@x/pkg: ${field}:`);
  });

  it('names every relative README link, which breaks on the registry page', () => {
    const dir = packageDir(
      { repository: 'https://github.com/some-province/egov-plan' },
      'See [docs](../../docs/http.md), [img](./a.png "title") and [ok](https://x.org).\n',
    );
    const { status, stderr } = check(dir);
    expect(status).toBe(1);
    expect(stderr).toContain('the link "../../docs/http.md" is relative');
    expect(stderr).toContain('the link "./a.png" is relative');
    expect(stderr).not.toContain('https://x.org');
  });

  it('ignores a private package', () => {
    expect(check(packageDir({ private: true, repository: 'https://example.invalid/x' })).status).toBe(0);
  });
});

describe('the workspace packages', () => {
  const publics = readdirSync(join(root, 'packages'))
    .map((d) => join(root, 'packages', d))
    .filter((d) => existsSync(join(d, 'package.json')))
    .map((d) => ({ dir: d, manifest: JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) }))
    .filter((p) => p.manifest.private !== true);

  it('each runs the guard before publishing', () => {
    expect(publics.length).toBeGreaterThan(5);
    for (const p of publics) expect(p.manifest.scripts?.prepublishOnly, p.manifest.name).toBe('node ../../scripts/check-publish-metadata.mjs .');
  });

  it('hold no problem but the repository address the owner has yet to give', () => {
    const { stderr } = check(...publics.map((p) => p.dir));
    const lines = stderr.split('\n').filter(Boolean);
    expect(lines.length).toBe(publics.length * 2);
    for (const line of lines) expect(line).toMatch(/^@egov-plan\/[a-z-]+: repository: "git\+https:\/\/example\.invalid\/egov-plan\.git" /);
  });
});
