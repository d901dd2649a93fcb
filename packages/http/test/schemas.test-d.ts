import { expectTypeOf, test } from 'vitest';
import type { z } from '@hono/zod-openapi';
import type { ImportSummary, StoredMeasurement } from '@egov-plan/core';
import type { MeasurementImportResult, StoredMeasurementSchema } from '@egov-plan/http';

test('the measurement schema of the API is the store contract, field for field', () => {
  expectTypeOf<z.infer<typeof StoredMeasurementSchema>>().toEqualTypeOf<StoredMeasurement>();
  expectTypeOf<Omit<z.infer<typeof MeasurementImportResult>, 'ok'>>().toEqualTypeOf<ImportSummary>();
});
