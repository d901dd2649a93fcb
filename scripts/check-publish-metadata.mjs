#!/usr/bin/env node
// Refuses to publish a package whose metadata would not work on the registry: a placeholder
// `repository` address (this workspace has no public repository yet, and we do not invent one),
// a missing description or license, or a README whose relative links break once the README is
// shown outside the repository (npm resolves them against the repository address).
//
//   node scripts/check-publish-metadata.mjs              every public package under packages/
//   node scripts/check-publish-metadata.mjs <dir>…       the packages in these directories
//
// Each package runs it as `prepublishOnly`, so `changeset publish` stops before the first
// upload. Exit 0: publishable; 1: a problem, listed on standard error (English, then Vietnamese).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER_HOSTS = /(^|\.)(example\.(invalid|com|org|net)|invalid|localhost|test)$/i;

/**
 * The problems that keep one package from being published, each `{ package, field, en, vi }`.
 * @param {string} dir the package's directory (holding package.json)
 */
export function publishProblems(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const name = manifest.name ?? dir;
  const problems = [];
  const problem = (field, en, vi) => problems.push({ package: name, field, en, vi });
  if (manifest.private === true) return problems;
  if (!manifest.description) problem('description', 'no description', 'thiếu mô tả (description)');
  if (!manifest.license) problem('license', 'no license', 'thiếu giấy phép (license)');
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!url) {
    problem('repository', 'no repository address', 'thiếu địa chỉ kho mã nguồn (repository)');
  } else {
    let host = '';
    try {
      host = new URL(url.replace(/^git\+/, '')).hostname;
    } catch {
      problem('repository', `"${url}" is not a URL`, `"${url}" không phải địa chỉ URL`);
    }
    if (host && PLACEHOLDER_HOSTS.test(host)) {
      problem(
        'repository',
        `"${url}" is a placeholder: set the public repository's address in every package.json before publishing`,
        `"${url}" là địa chỉ giữ chỗ: hãy ghi địa chỉ kho mã nguồn công khai vào mọi package.json trước khi phát hành`,
      );
    }
  }
  const readme = join(dir, 'README.md');
  if (!existsSync(readme)) {
    problem('README.md', 'no README.md', 'thiếu README.md');
  } else {
    const text = readFileSync(readme, 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)[^)]*\)/g)) {
      if (!/^(https?:|mailto:|#)/i.test(target)) {
        problem(
          'README.md',
          `the link "${target}" is relative: it breaks on the registry's page; name the repository's file in text or link an absolute address`,
          `liên kết "${target}" là đường dẫn tương đối: sẽ hỏng trên trang của registry; hãy nêu tên tệp trong kho bằng chữ hoặc dùng địa chỉ tuyệt đối`,
        );
      }
    }
  }
  return problems;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dirs =
    process.argv.length > 2
      ? process.argv.slice(2).map((d) => resolve(d))
      : readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)).filter((d) => existsSync(join(d, 'package.json')));
  const problems = dirs.flatMap(publishProblems);
  for (const p of problems) process.stderr.write(`${p.package}: ${p.field}: ${p.en}\n${p.package}: ${p.field}: ${p.vi}\n`);
  process.exit(problems.length === 0 ? 0 : 1);
}
