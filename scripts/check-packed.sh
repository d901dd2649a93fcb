#!/usr/bin/env bash
# Installs the packages as a user would — from the tarballs `pnpm pack` makes, with npm, in an
# empty project — then requires them from CommonJS, imports them from ESM and runs the binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for p in core rules report store-sqlite store-postgres tabular http cli; do
  (cd "$root/packages/$p" && npx -y pnpm@10.34.8 pack --pack-destination "$work" >/dev/null)
done
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent ./egov-plan-*.tgz
node -e "
const { bundledPlan } = require('@egov-plan/rules');
const { validatePlan } = require('@egov-plan/core');
const plan = bundledPlan('kontum-1102-2019');
if (!validatePlan(plan).ok || plan.tasks.length !== 36) throw new Error('CommonJS: bundled plan not usable');
require('@egov-plan/rules/schema/plan.schema.json');
for (const f of ['evaluation', 'progress', 'calendar-snapshot', 'task-statuses']) require('@egov-plan/rules/schema/' + f + '.schema.json');
if (typeof require('@egov-plan/tabular').templateWorkbook !== 'function') throw new Error('CommonJS: tabular not usable');
const { createHandler } = require('@egov-plan/http');
const { createMemoryStore } = require('@egov-plan/core');
createHandler({ store: createMemoryStore() })(new Request('http://localhost/api/v1/plans')).then(async (r) => {
  if (r.status !== 200 || !(await r.json()).plans.length) throw new Error('CommonJS: @egov-plan/http not usable');
  console.log('CommonJS require: ok');
});
"
node --input-type=module -e "
import { bundledPlan } from '@egov-plan/rules';
import { validatePlan } from '@egov-plan/core';
import { run } from '@egov-plan/cli';
if (!validatePlan(bundledPlan('vn-nq17-2019')).ok) throw new Error('ESM: bundled plan not usable');
if (typeof run !== 'function') throw new Error('ESM: run missing');
const { createHandler } = await import('@egov-plan/http');
const { createMemoryStore } = await import('@egov-plan/core');
const doc = await (await createHandler({ store: createMemoryStore() })(new Request('http://localhost/openapi.json'))).json();
if (doc.openapi !== '3.1.0') throw new Error('ESM: @egov-plan/http has no OpenAPI document');
console.log('ESM import: ok');
"
npx --no-install egov-plan plans --lang en >/dev/null
set +e
npx --no-install egov-plan show no-such-plan 2>/dev/null
code=$?
set -e
[ "$code" = 1 ] || { echo "binary: expected exit 1 for an unknown plan, got $code"; exit 1; }
echo "installed binary: ok"
