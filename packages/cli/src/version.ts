// Replaced by the package's version at build time (tsup `define`); run from source, it is "dev".
declare const __EGOV_PLAN_VERSION__: string | undefined;

/** The version of this package, as published. */
export const VERSION: string = typeof __EGOV_PLAN_VERSION__ === 'string' ? __EGOV_PLAN_VERSION__ : '0.0.0-dev';
