import * as z from 'zod';
import { AdministrativeLevel } from './plan.js';
import { LocalDate } from './text.js';
import { MAX_ORG_UNIT_LENGTH } from './measurement-fields.js';


// One schema for a measurement as a caller gives it: the TypeScript type of rows from code, the
// published JSON Schema of measurement files, and (later) the body of an HTTP request. The
// readers apply the same rules to rows from code, JSON and CSV; text is accepted wherever a
// number, a yes/no or a level is expected, the way a CSV cell is read (see docs/rules.md).

/**
 * One measurement as given by code, a JSON file or a CSV row: an indicator's value for one org
 * unit and reporting period. Optional fields may also be `null` (a database's empty column).
 */
export const MeasurementInput = z
  .strictObject({
    indicator: z.string().min(1).max(120),
    orgUnit: z.string().min(1).max(MAX_ORG_UNIT_LENGTH),
    period: z
      .string()
      .min(1)
      .nullable()
      .optional(),
    value: z
      .union([z.number(), z.boolean()])
      .nullable()
      .optional(),
    numerator: z.number().int().min(0).nullable().optional(),
    denominator: z.number().int().positive().nullable().optional(),
    level: AdministrativeLevel.nullable().optional().clone(),
    evidenceDate: LocalDate.nullable().optional().clone(),
    source: z.string().max(2000).nullable().optional(),
  });
// #region generated type MeasurementInput (input)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * One measurement as given by code, a JSON file or a CSV row: an indicator's value for one org
 * unit and reporting period. Optional fields may also be `null` (a database's empty column).
 */
export type MeasurementInput = {
  /**
   * Indicator id of the plan.
   */
  indicator: string;
  /**
   * The reporting agency or administrative unit, as the reporter names it.
   */
  orgUnit: string;
  /**
   * Reporting-period id: "2020Q4", "2020M03", "2020S1", "2020N9", "2020", calendar periods "C2020Q4". Required except for dated evidence.
   */
  period?: string | null;
  /**
   * Value in the indicator's unit (percent 0–100 as written), or yes/no for a qualitative indicator. May be left out for a percentage given by numerator and denominator.
   */
  value?: number | boolean | null;
  /**
   * Count behind a percentage (a whole number); needs `denominator`.
   */
  numerator?: number | null;
  /**
   * Count behind a percentage (a whole number above 0); needs `numerator`.
   */
  denominator?: number | null;
  /**
   * The org unit's level; required for org units the plan does not declare.
   */
  level?: AdministrativeLevel | null;
  /**
   * For a qualitative indicator: the date of the evidence ("in place since"); the value is then yes.
   */
  evidenceDate?: LocalDate | null;
  /**
   * Where the value comes from (free text).
   */
  source?: string | null;
};
// #endregion

/**
 * The former name of {@link MeasurementInput}.
 *
 * @deprecated Use {@link MeasurementInput}.
 */
export const Measurement = MeasurementInput;
/**
 * The former name of {@link MeasurementInput}.
 *
 * @deprecated Use {@link MeasurementInput}.
 */
export type Measurement = MeasurementInput;
