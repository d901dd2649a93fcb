import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type * as core from '@egov-plan/core';
import {
  evaluate,
  evaluateAsync,
  planTaskStatuses,
  progress,
  reportingCalendarAt,
  taskStatus,
  type DeadlineAt,
  type Evaluation,
  type HolidayCoverage,
  type PlanTermAt,
  type ProgressReport,
  type ProgressResult,
  type ProvenanceStep,
  type ReportingCalendarSnapshot,
  type TargetResult,
  type TargetStatus,
  type TaskReport,
  type TaskStatusReport,
} from '../../src/index.js';

// One source of truth: what the functions of @egov-plan/rules return is exactly the output type of
// the schemas of @egov-plan/core (from which the published JSON Schemas are generated), and the
// type names rules has always exported are those same types. Compared deeply (`.branded`): a core type
// built on another (`Deadline & { … }`) is an intersection, equal in every field but not identical.

describe('return types are the output of the core schemas', () => {
  it('evaluate and evaluateAsync return z.output<typeof Evaluation>', () => {
    expectTypeOf(evaluate).returns.branded.toEqualTypeOf<z.output<typeof core.Evaluation>>();
    expectTypeOf(evaluateAsync).returns.branded.toEqualTypeOf<Promise<z.output<typeof core.Evaluation>>>();
  });

  it('progress returns z.output<typeof ProgressReport>', () => {
    expectTypeOf(progress).returns.branded.toEqualTypeOf<z.output<typeof core.ProgressReport>>();
  });

  it('reportingCalendarAt returns z.output<typeof ReportingCalendarSnapshot>', () => {
    expectTypeOf(reportingCalendarAt).returns.branded.toEqualTypeOf<z.output<typeof core.ReportingCalendarSnapshot>>();
  });

  it('planTaskStatuses returns z.output<typeof PlanTaskStatuses>; taskStatus one TaskStatusReport', () => {
    expectTypeOf(planTaskStatuses).returns.branded.toEqualTypeOf<z.output<typeof core.PlanTaskStatuses>>();
    expectTypeOf(taskStatus).returns.branded.toEqualTypeOf<z.output<typeof core.TaskStatusReport>>();
  });
});

describe('the names rules exports stay, as the same types', () => {
  it('evaluation', () => {
    expectTypeOf<Evaluation>().toEqualTypeOf<core.Evaluation>();
    expectTypeOf<TargetResult>().toEqualTypeOf<core.TargetResult>();
    expectTypeOf<TargetStatus>().toEqualTypeOf<'met' | 'not-met' | 'no-data' | 'not-applicable'>();
    expectTypeOf<ProvenanceStep>().toEqualTypeOf<core.ProvenanceStep>();
    expectTypeOf<TargetResult['value']>().toEqualTypeOf<number | boolean | null>();
    expectTypeOf<TargetResult['explanation']>().toEqualTypeOf<core.BilingualText>();
    expectTypeOf<Evaluation['summary']>().toEqualTypeOf<Record<TargetStatus, number>>();
    expectTypeOf<Evaluation['issues']>().toEqualTypeOf<core.Issue[]>();
  });

  it('progress, calendar, tasks', () => {
    expectTypeOf<ProgressReport>().toEqualTypeOf<core.ProgressReport>();
    expectTypeOf<ProgressResult>().toEqualTypeOf<core.ProgressResult>();
    expectTypeOf<ReportingCalendarSnapshot>().toEqualTypeOf<core.ReportingCalendarSnapshot>();
    expectTypeOf<DeadlineAt>().toEqualTypeOf<core.DeadlineAt>();
    expectTypeOf<Omit<DeadlineAt, 'status'>>().toEqualTypeOf<core.Deadline>();
    expectTypeOf<DeadlineAt['status']>().toEqualTypeOf<core.ReportStatus>();
    expectTypeOf<PlanTermAt>().toEqualTypeOf<core.PlanTermAt>();
    expectTypeOf<HolidayCoverage>().toEqualTypeOf<core.HolidayCoverage>();
    expectTypeOf<TaskReport>().toEqualTypeOf<core.TaskReport>();
    expectTypeOf<TaskStatusReport>().toEqualTypeOf<core.TaskStatusReport>();
  });

  it('an issue keeps its shape: code, pointer, bilingual message, optional position', () => {
    expectTypeOf<core.Issue['code']>().toEqualTypeOf<core.IssueCode>();
    expectTypeOf<core.Issue['line']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<core.Issue['severity']>().toEqualTypeOf<core.IssueSeverity | undefined>();
  });
});
