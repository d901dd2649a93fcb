/**
 * Reporting calendars: periods with their data cut-off (Decree 09/2019/NĐ-CP), working days and
 * public holidays, deadlines with roll-over (Civil Code 2015 Art. 148), report and task status,
 * and iCalendar export. Pure functions over plain data; local dates are `YYYY-MM-DD` strings.
 *
 * @module
 */
export * from './time.js';
export * from './periods.js';
export * from './holidays.js';
export * from './deadlines.js';
export * from './status.js';
export * from './timeframes.js';
export * from './term.js';
export * from './checks.js';
export * from './snapshot.js';
export * from './fast.js';
