import type { CheckOptions } from '../config/check.js'
import { withSlowdowns } from '../results/slowdown.js'
import { overallPassed, type Results, SCHEMA_VERSION } from '../results/types.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { prepareEmulation } from './emulation.js'
import { checkPlatform } from './platform.js'
import { mapLimit } from './pool.js'
import { preflight } from './preflight.js'
import { resolveImage } from './source.js'
import type { EngineDeps } from './stage.js'
import { runLint } from './static.js'

// The engine, start to end: the static phase (seconds, no Docker), the preconditions every
// platform shares (with the image input: where each platform's image is), QEMU for the
// emulated ones, then each platform's pipeline (platform.ts), at most max-parallel at once.

export async function runCheck(opts: CheckOptions, deps: EngineDeps): Promise<Results> {
  // The engine first: its CPU is what $BUILDPLATFORM means and which platforms run natively.
  const { host, arch, local, builder } = await preflight(opts, deps)
  const lint = runLint(opts, deps.log, arch)
  const image = await resolveImage(opts, deps)
  const emulation = await prepareEmulation(opts, deps, arch, local)
  const byPlatform = new Map(emulation.map((e) => [e.platform, e]))
  const platforms = await mapLimit(opts.platforms, opts.maxParallel, async (p) => {
    const e = byPlatform.get(p.id) ?? { platform: p.id, emulated: false }
    const result = await checkPlatform(opts, deps, p, e, {
      lint,
      image,
      builder: opts.image ? null : builder,
    })
    return { ...result, host: e.emulated ? { ...host, qemu: e.qemu ?? null } : host }
  })
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    context: opts.context,
    dockerfile: opts.dockerfile,
    ...(opts.image ? { image: opts.image.ref } : {}),
    passed: overallPassed(platforms),
    platforms: withSlowdowns(platforms),
    diagnoses: lint.findings.filter((f) => f.platform === null).map((f) => f.diagnosis),
    ...(lint.fixes.length > 0 ? { fixes: lint.fixes } : {}),
    createdAt: new Date((deps.now ?? Date.now)()).toISOString(),
  }
}
