import { MAX_CONDITION_DEPTH } from '@egov-plan/core';

/** Largest file, in bytes, the library reads as a plan or rule file unless told otherwise. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Most results (target × org unit pairs) one evaluation judges by default: about three times the
 * national quarter of the benchmarks (336,546 verdicts), well below what exhausts 1.5 GiB. An
 * evaluation that would judge more is refused with `rules.too_many_results` before any result is
 * built; the `maxResults` option (CLI `--max-results`) raises it.
 */
export const DEFAULT_MAX_RESULTS = 1_000_000;

/**
 * Limits that bound the work any rule file can cause. A file over a limit is refused with a
 * typed issue (`rules.too_deep`, `rules.too_many_targets`, …) before anything is evaluated.
 */
export interface RuleLimits {
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Deepest nesting of JSON arrays and objects in a file. */
  maxJsonDepth: number;
  /** Most boolean levels (`all` / `any` / `not`) of one condition tree, the root included. */
  maxConditionDepth: number;
  /** Most nodes (leaves and boolean nodes) of one condition tree. */
  maxConditionNodes: number;
  /** Most targets in a resolved plan. */
  maxTargets: number;
  /** Most items in any one JSON array. */
  maxArrayItems: number;
  /** Longest string, in characters. */
  maxStringLength: number;
  /** Most files in one `extends` chain (the extending file included). */
  maxFiles: number;
  /**
   * Most results the plan's each-unit targets alone give (each target × the administrative units
   * of its level that exist during its phase): checked when the file is read, since the file alone
   * decides it (`rules.too_many_results`).
   */
  maxResults: number;
}

/** The default {@link RuleLimits}. */
export const DEFAULT_RULE_LIMITS: Readonly<RuleLimits> = Object.freeze({
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  maxJsonDepth: 40,
  maxConditionDepth: MAX_CONDITION_DEPTH,
  maxConditionNodes: 500,
  maxTargets: 5000,
  maxArrayItems: 20000,
  maxStringLength: 20000,
  maxFiles: 16,
  maxResults: DEFAULT_MAX_RESULTS,
});
