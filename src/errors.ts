/**
 * A problem with what the user asked for (an input, a flag, a path): the message names the
 * option, its value and the fix. `option` is the action's input name; each front end shows it
 * as its own (the CLI as its flag). The CLI exits 2 for it; no Docker work starts and nothing is
 * posted.
 */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    /** The action input the problem is with; null when it is with no one option. */
    readonly option: string | null,
    /** What is wrong and the fix, without the option's name. */
    readonly detail: string,
  ) {
    super(option ? `${option}: ${detail}` : detail)
  }
}

/**
 * The machine cannot run the check at all (no Docker engine, no buildx). The CLI exits 2.
 */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError'
}

/** The message of anything thrown, Error or not. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  if (typeof err === 'string') return err
  try {
    return JSON.stringify(err)
  } catch {
    return String(err)
  }
}
