import type { ChangeableItemKind } from './plan.js';

// In a module without schemas, so that code naming an item by its key field (the provenance check
// of the bundled plans' module) does not carry the plan schemas and zod into a bundle.

/** The field that names an item of each {@link ChangeableItemKind}. */
export const ITEM_KEY_FIELDS = /* @__PURE__ */ Object.freeze({
  reportingObligations: 'id',
  agencies: 'id',
  administrativeUnits: 'code',
  tasks: 'id',
  bodyTasks: 'id',
  duties: 'id',
  legalBases: 'number',
  notes: 'id',
} as const satisfies Record<ChangeableItemKind, string>);
