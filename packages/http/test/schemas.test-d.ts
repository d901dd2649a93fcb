import { expectTypeOf, test } from 'vitest';
import type { z } from '@hono/zod-openapi';
import type { ImportSummary, Issue, StoredMeasurement } from '@egov-plan/core';
import type { MeasurementImportResult, StoredMeasurementSchema } from '@egov-plan/http';

test('the measurement schema of the API is the store contract, field for field', () => {
  expectTypeOf<z.infer<typeof StoredMeasurementSchema>>().toEqualTypeOf<StoredMeasurement>();
  // The store's summary, and the warnings of the rows accepted (absent when none).
  expectTypeOf<Omit<z.infer<typeof MeasurementImportResult>, 'ok' | 'warnings'>>().toEqualTypeOf<ImportSummary>();
  expectTypeOf<z.infer<typeof MeasurementImportResult>['warnings']>().toEqualTypeOf<Issue[] | undefined>();
});
