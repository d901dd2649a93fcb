/**
 * iCalendar export of a plan's reporting deadlines and task timeframes (RFC 5545), as its own
 * entry (`@egov-plan/rules/ics`) so that a bundle that shows deadlines does not carry the
 * iCalendar writer.
 *
 * @module
 */
export * from './calendar/ics.js';
