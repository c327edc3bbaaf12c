/**
 * A problem with what the user asked for (an input, a flag, a path): the message names the input,
 * its value and the fix. The CLI exits 2 for it; no Docker work starts and nothing is posted.
 */
export class InputError extends Error {
  override name = 'InputError'
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
