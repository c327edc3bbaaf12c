import type { Through } from '../docker/args.js'
import type { ScriptFacts } from '../lint/entrypoint.js'
import type { ImageConfig, InvocationWay } from '../results/types.js'

// How the check's command is started in an image: the way its users start commands in it.
// `docker run IMAGE python train.py`, `docker run IMAGE` and every orchestrator run the command
// through the image's ENTRYPOINT, so a wrapper that activates a venv, exports variables or drops
// privileges is part of the environment TensorFlow must import in. Decided from what the image
// is (its configuration, and the script when the build context has it), never from names alone
// where the image could tell otherwise.

/**
 * How the command is handed to a kept ENTRYPOINT: `args` (it runs its arguments: the command's
 * words follow it), `shell` (`sh -c` as the ENTRYPOINT: one string), `shell-c` (a shell alone:
 * `-c` and one string), `python` (an interpreter alone: the script on stdin, `-` and its args).
 */
export type Form = Through['form']

export interface InvocationPlan {
  /** `try`: run through it, and replace it when the check's first line never comes. */
  how: InvocationWay | 'try'
  entrypoint: string[] | null
  /** Why, in one line. */
  reason: string
  form: Form
}

const SHELLS = /^(sh|bash|dash|ash|zsh|ksh|busybox)$/
const PYTHON = /^python(3(\.\d+)?)?$/
/** Programs that run the program their arguments name, and how many words of their own they take first. */
const WRAPPERS: Record<string, 'options' | 'user' | 'env'> = {
  tini: 'options',
  'tini-static': 'options',
  'dumb-init': 'options',
  catatonit: 'options',
  setpriv: 'options',
  gosu: 'user',
  'su-exec': 'user',
  's6-setuidgid': 'user',
  env: 'env',
}

/** Wrapper options that take the next word as their value. */
const VALUED = new Set(['-r', '--rewrite', '-p', '-e', '-u', '-g'])

const base = (word: string): string => word.split('/').at(-1) ?? word

/** The script facts the plan may use: those of the script at this path in the image. */
export interface KnownScript {
  path: string
  facts: ScriptFacts
}

/**
 * How to run the check in this image. `python`: the python input, an interpreter the user named,
 * which replaces an interpreter ENTRYPOINT but runs through a wrapper.
 */
export function planInvocation(
  image: ImageConfig | null,
  script: KnownScript | null,
  python?: string,
): InvocationPlan {
  const ep = image?.entrypoint?.filter((w) => w !== '') ?? []
  if (ep.length === 0)
    return {
      how: 'direct',
      entrypoint: null,
      reason:
        'the image has no ENTRYPOINT: the check is the command, as `docker run IMAGE python` runs it',
      form: 'args',
    }
  const r: Reading = { ep, shown: JSON.stringify(ep), script, python }
  // Each word either decides the plan or names the word of the program it runs.
  for (let i = 0; i < ep.length;) {
    const step = readWord(r, i)
    if (typeof step !== 'number') return step
    i = step
  }
  return untold(r)
}

/** The ENTRYPOINT being read, and what else the plan may use. */
interface Reading {
  ep: string[]
  /** The ENTRYPOINT as the reasons show it. */
  shown: string
  script: KnownScript | null
  python: string | undefined
}

/** A word's outcome: the plan, or the index of the word to read next. */
type Step = InvocationPlan | number

function plan(
  r: Reading,
  how: InvocationPlan['how'],
  reason: string,
  form: Form = 'args',
): InvocationPlan {
  return { how, entrypoint: r.ep, reason, form }
}

function readWord(r: Reading, i: number): Step {
  const word = r.ep[i]!
  const prog = base(word)
  const wrapper = Object.hasOwn(WRAPPERS, prog) ? WRAPPERS[prog] : undefined
  if (wrapper) return wrapperStep(r, i, prog, wrapper)
  if (SHELLS.test(prog)) return shellStep(r, i)
  if (PYTHON.test(prog)) return pythonStep(r, i)
  return scriptPlan(r, word) ?? untold(r)
}

/** A wrapper runs the program after its own words; with none after them, the check's command. */
function wrapperStep(r: Reading, i: number, prog: string, kind: 'options' | 'user' | 'env'): Step {
  const next = afterWrapper(r.ep, i, kind)
  if (next >= r.ep.length)
    return plan(r, 'entrypoint', `the ENTRYPOINT ${r.shown} runs its arguments (${prog})`)
  return next
}

/** A shell: alone it takes -c and a string, with -c last it takes the string, else a script file. */
function shellStep(r: Reading, i: number): Step {
  const ep = r.ep
  let j = i + 1
  while (j < ep.length && ep[j]!.startsWith('-') && ep[j] !== '-c') j++
  if (j >= ep.length)
    return plan(
      r,
      'entrypoint',
      `the ENTRYPOINT ${r.shown} is a shell: the check is its -c command`,
      'shell-c',
    )
  if (ep[j] === '-c')
    return j === ep.length - 1
      ? plan(
          r,
          'entrypoint',
          `the ENTRYPOINT ${r.shown} runs its argument as a shell command`,
          'shell',
        )
      : plan(r, 'try', `the ENTRYPOINT ${r.shown} runs a shell command of its own`)
  return j // a script file, run by the shell
}

/** An interpreter with a script or module is the application; alone, it takes the check's script. */
function pythonStep(r: Reading, i: number): InvocationPlan {
  const ep = r.ep
  let j = i + 1
  while (j < ep.length && /^-[^cm-]/.test(ep[j]!)) j += /^-[WX]$/.test(ep[j]!) ? 2 : 1
  if (j < ep.length)
    return plan(
      r,
      'replaced',
      `the ENTRYPOINT ${r.shown} is the application itself; the check replaces it`,
    )
  return r.python
    ? plan(
        r,
        'replaced',
        `the ENTRYPOINT ${r.shown} is an interpreter; the python input replaces it`,
      )
    : plan(
        r,
        'entrypoint',
        `the ENTRYPOINT ${r.shown} is the interpreter users run scripts with`,
        'python',
      )
}

/** The ENTRYPOINT script the build context has, by what it does with its arguments. */
function scriptPlan(r: Reading, word: string): InvocationPlan | null {
  const script = r.script
  // A program named without a directory is the script when PATH finds it under that name.
  const isScript =
    script && (word === script.path || (!word.includes('/') && base(script.path) === word))
  if (!script || !isScript) return null
  if (script.facts.execsArgs)
    return plan(
      r,
      'entrypoint',
      `the ENTRYPOINT script ${word} ends by running its arguments (exec "$@")`,
    )
  if (!script.facts.usesArgs)
    return plan(
      r,
      'replaced',
      `the ENTRYPOINT script ${word} never runs its arguments; the check replaces it`,
    )
  return plan(
    r,
    'try',
    `the ENTRYPOINT script ${word} reads its arguments but does not plainly exec them`,
  )
}

function untold(r: Reading): InvocationPlan {
  return plan(
    r,
    'try',
    `whether the ENTRYPOINT ${r.shown} runs its arguments cannot be told from the image`,
  )
}

/** The index of the program a wrapper runs: after its options (and user, or NAME=value words). */
function afterWrapper(ep: string[], i: number, kind: 'options' | 'user' | 'env'): number {
  let j = i + 1
  if (kind === 'user') return j + 1
  while (j < ep.length) {
    const w = ep[j]!
    if (w === '--') return j + 1
    if (VALUED.has(w)) j += 2
    else if (w.startsWith('-') || (kind === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))) j++
    else break
  }
  return j
}
