import type { Invocation, PlatformResult } from './types.js'

// How the check was started in an image, said in words: in logs, the comment and the summary.

export function describeInvocation(i: Invocation): string {
  const ep = JSON.stringify(i.entrypoint)
  return i.how === 'entrypoint'
    ? `through the image's ENTRYPOINT ${ep}`
    : i.how === 'replaced'
      ? `with the image's ENTRYPOINT ${ep} replaced`
      : "as the image's command (it has no ENTRYPOINT)"
}

/**
 * When the two ways to start a command in the image disagree: TensorFlow imports only through
 * the ENTRYPOINT (a `docker run --entrypoint`, a Kubernetes `command:` or `docker exec` bypasses
 * it), or only without it (the ENTRYPOINT breaks it). Null when they agree or only one was tried.
 */
export function invocationNote(p: Pick<PlatformResult, 'invocation' | 'stages'>): string | null {
  const i = p.invocation
  if (!i || i.how !== 'entrypoint' || !i.bypassed) return null
  const through = p.stages.import.status === 'passed'
  if (through === i.bypassed.imported) return null
  const ep = JSON.stringify(i.entrypoint)
  return through
    ? `TensorFlow imports only through the ENTRYPOINT ${ep}: started without it (docker run --entrypoint, a Kubernetes command:, docker exec) it does not${i.bypassed.line ? ` (${i.bypassed.line})` : ''}.`
    : `TensorFlow imports when the ENTRYPOINT ${ep} is bypassed, but not through it, as users run the image: the ENTRYPOINT breaks it.`
}

/** One line per platform whose ENTRYPOINT decided how it was checked. */
export function invocationLines(platforms: PlatformResult[]): string[] {
  return platforms.flatMap((p) => {
    const i = p.invocation
    if (!i || i.how === 'direct') return []
    const note = invocationNote(p)
    return [
      `${p.platform}: checked ${describeInvocation(i)}: ${i.reason}.${note ? ` ${note}` : ''}`,
    ]
  })
}
