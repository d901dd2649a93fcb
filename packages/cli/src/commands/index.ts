import type { Command } from 'commander';
import type { CliContext } from '../io.js';
import { registerPlans } from './plans.js';
import { registerShow } from './show.js';
import { registerValidate } from './validate.js';

/** Every command of the CLI, in help order. Each module registers one command. */
export const commands: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [registerPlans, registerShow, registerValidate];
