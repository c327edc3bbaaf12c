import { diagnosis } from '../diagnosis.js'
import { type Add, decisiveLines, type Evidence, find, quote } from './evidence.js'
import { execFormShell } from '../advice.js'

/**
 * Causes of the stages that check what ships: an image without the platform, an image whose own
 * start fails, the team's own test failing. The TensorFlow causes (runtime.ts and the others)
 * apply to their output too; the fallbacks here name the stage instead of "unknown".
 */
export function commandCauses(e: Evidence, add: Add, matched: boolean): void {
  const has = e.imagePlatforms
  if (has) {
    const list = has.has.length > 0 ? has.has.join(', ') : 'no platform this check can read'
    add(
      diagnosis(
        'image-platform-missing',
        `${has.ref} has no ${e.platform.id} image: it has ${list}${has.registryError ? ` (its registry could not be read: ${has.registryError})` : ''}.`,
        `Build and push it for ${e.platform.id} too: docker buildx build --platform ${[...has.has, e.platform.id].join(',')} --push (docker/build-push-action: the platforms input, after docker/setup-qemu-action), or leave ${e.platform.id} out of platforms.`,
      ),
    )
    return
  }
  // The runtime's words when the first word of an exec-form command is no program: Docker ran
  // ". .venv/bin/activate" as a file name.
  const m = find(
    e.lines,
    /exec: "([^"]*)": (?:stat [^:]*: no such file or directory|executable file not found in \$PATH)/,
  )
  const program = m?.groups[0] ?? ''
  if (m && /^(\.|source)(\s|$)|&&|\|\||\$\{?[A-Za-z_]|\s/.test(program)) {
    add(
      diagnosis(
        'exec-form-shell',
        `Started as its users start it, the image fails: ${quote(m.line)}. Its ${e.image?.entrypoint ? 'ENTRYPOINT' : 'CMD'} is exec form, so Docker runs "${program}" as a program, with no shell to understand ". activate", "&&" or "$VARS".`,
        execFormShell(e.image?.entrypoint ? 'ENTRYPOINT' : 'CMD'),
        e.locate.command(program),
      ),
    )
    return
  }
  if (matched || (e.stage !== 'start' && e.stage !== 'run')) return
  const lines = decisiveLines(e.lines).map(quote).join(' / ') || '(no output)'
  const how =
    e.status === 'timed-out'
      ? 'ran out of time'
      : `exited with ${e.exitCode ?? '?'}${e.signal ? ` (${e.signal})` : ''}`
  if (e.stage === 'start') {
    add(
      diagnosis(
        'start-failed',
        `The image's own ${e.image?.entrypoint ? 'ENTRYPOINT' : 'CMD'} (${JSON.stringify([...(e.image?.entrypoint ?? []), ...(e.image?.cmd ?? [])])}) ${how} on ${e.platform.id}. The decisive lines: ${lines}.`,
        'Run the image on that platform (docker run --platform ' +
          e.platform.id +
          ' IMAGE) and read its output; a command that should run for good must keep running, one that should finish must exit 0.',
        e.locate.command(e.image?.entrypoint?.[0] ?? e.image?.cmd?.[0] ?? ''),
      ),
    )
  } else {
    add(
      diagnosis(
        'run-failed',
        `Your command ${JSON.stringify(e.command ?? '')} ${how} on ${e.platform.id}. The decisive lines: ${lines}.`,
        `Reproduce it with docker run --platform ${e.platform.id} --entrypoint sh IMAGE -c '...'; the image's import and training passed, so the cause is in what the command tests.`,
      ),
    )
  }
}

/**
 * The image's ENTRYPOINT itself cannot start: what every `docker run IMAGE` hits. Docker's
 * refusal (`exec: "/e.sh": permission denied`) or the kernel's (`exec /e.sh: no such file or
 * directory`, for a file that is there: its #! interpreter is not, or reads "/bin/sh\r").
 */
export function entrypointCauses(e: Evidence, add: Add): void {
  const ep = e.image?.entrypoint ?? []
  if (ep.length === 0) return
  const m = find(e.lines, /exec:? "?([^"\s:]+)"?: (permission denied|no such file or directory)/)
  if (!m || !ep.includes(m.groups[0]!)) return
  const file = m.groups[0]!
  const denied = m.groups[1] === 'permission denied'
  add(
    diagnosis(
      'entrypoint-not-runnable',
      denied
        ? `The ENTRYPOINT ${JSON.stringify(ep)} cannot start on ${e.platform.id}: ${file} is not executable (${quote(m.line)}); every docker run of the image fails so.`
        : `The ENTRYPOINT ${JSON.stringify(ep)} cannot start on ${e.platform.id}: ${quote(m.line)}. For a script that is in the image, this is its #! line: the interpreter it names is not in the image, or the line ends in a carriage return (Windows line endings).`,
      denied
        ? `Make it executable: COPY --chmod=0755 ... ${file}, or RUN chmod +x ${file} (git keeps the bit: git update-index --chmod=+x).`
        : `Give the script a #! interpreter the image has (#!/bin/sh), and Unix line endings (dos2unix, or * text eol=lf in .gitattributes).`,
      e.locate.entrypoint,
    ),
  )
}
