import * as z from 'zod';

// A module of its own: the options of `progress` (in @egov-plan/rules) need this schema at run
// time, and importing it must not bring the output schemas into an evaluation bundle.

/** A progress method: Open SDG's compound annual growth rate, or linear. */
export const ProgressMethod = z.enum(['cagr', 'linear']);
// #region generated type ProgressMethod (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A progress method: Open SDG's compound annual growth rate, or linear. */
export type ProgressMethod = 'cagr' | 'linear';
// #endregion
