import * as core from '@actions/core'
import { cwd } from 'node:process'
import { type CheckOptions, parseOptions, type RawOptions } from './options.js'

// The only module that reads the action's inputs. Keys are the input names of action.yml, so
// one grep goes from action.yml to the code.
const NAMES = [
  'context',
  'file',
  'platforms',
  'build-args',
  'target',
  'builder',
  'python',
  'train',
  'timeout-minutes',
  'required-platforms',
  'setup-qemu',
  'qemu-image',
  'max-parallel',
  'network',
  'memory',
] as const satisfies readonly (keyof RawOptions)[]

export function getInputs(): CheckOptions {
  const raw: RawOptions = {}
  for (const name of NAMES) raw[name] = core.getInput(name)
  return parseOptions(raw, process.env.GITHUB_WORKSPACE || cwd())
}
