/**
 * Nghị quyết 17/NQ-CP (Chính phủ, 2019) as a bundled baseline plan, as its own entry
 * (`@egov-plan/rules/plans/vn-nq17-2019`), so a bundle that needs only this plan carries only it.
 *
 * @module
 */
import type { Plan } from '@egov-plan/core';
import data from '../../data/vn-nq17-2019.json';
import { bundledPlanLoader } from './shared.js';

/** Id of this bundled plan. */
export const id = 'vn-nq17-2019';

/** The plan (valid: the package's tests check its data), a fresh copy on every call. */
export const plan: () => Plan = bundledPlanLoader(data);
