import type { AdministrativeLevel } from './plan.js';

// In a module without schemas, so that code naming a level in a message (the explanations and
// row checks of `evaluate`) does not carry the plan schemas and zod into a browser bundle.

/** Each administrative level as messages name it: `cấp tỉnh` / `province` (never the code in Vietnamese text). */
export const ADMINISTRATIVE_LEVEL_NAMES: Readonly<Record<AdministrativeLevel, { readonly vi: string; readonly en: string }>> = /* @__PURE__ */ Object.freeze({
  province: { vi: 'cấp tỉnh', en: 'province' },
  district: { vi: 'cấp huyện', en: 'district' },
  commune: { vi: 'cấp xã', en: 'commune' },
});

