import type { Command } from 'commander';
import type { CliContext } from '../io.js';
import { registerCalendar } from './calendar.js';
import { registerDemo } from './demo.js';
import { registerDump } from './dump.js';
import { registerEvaluate } from './evaluate.js';
import { registerExplain } from './explain.js';
import { registerExport } from './export.js';
import { registerHistory } from './history.js';
import { registerIcs } from './ics.js';
import { registerImport } from './import.js';
import { registerPlans } from './plans.js';
import { registerReport } from './report.js';
import { registerRetract } from './retract.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';
import { registerTasks } from './tasks.js';
import { registerTemplate } from './template.js';
import { registerValidate } from './validate.js';

/** Every command of the CLI, in help order. Each module registers one command. */
export const commands: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [registerPlans, registerShow, registerValidate, registerCalendar, registerTasks, registerIcs, registerEvaluate, registerExport, registerExplain, registerReport, registerTemplate, registerImport, registerHistory, registerRetract, registerDump, registerServe, registerDemo];
