/**
 * Kế hoạch 1102/KH-UBND (UBND tỉnh Kon Tum, 2019): the bundled plan as its own entry
 * (`@egov-plan/rules/plans/kontum-1102-2019`), so a bundle that needs only this plan carries only it.
 *
 * @module
 */
import type { Plan } from '@egov-plan/core';
import data from '../../data/kontum-1102-2019.json';
import { bundledPlanLoader } from './shared.js';

/** Id of this bundled plan. */
export const id = 'kontum-1102-2019';

/** The plan (valid: the package's tests check its data), a fresh copy on every call. */
export const plan: () => Plan = bundledPlanLoader(data);
