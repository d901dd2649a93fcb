import { z } from 'zod';

// json-rules-engine conditions as data. First draft: the rules work narrows and hardens it.

/** A json-rules-engine condition tree (`all` / `any` / `not` over fact–operator–value). */
export const RuleConditions: z.ZodType<unknown> = z.unknown();
/** A json-rules-engine condition tree. */
export type RuleConditions = z.infer<typeof RuleConditions>;
