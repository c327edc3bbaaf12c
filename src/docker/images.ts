import type { ImageConfig } from '../results/types.js'
import { declaredPlatform } from '../platforms.js'
import { describeFailure, type RunResult } from './exec.js'
import { parseRemoteImage, type RemoteManifest } from './reference.js'
import type { Runner } from './runner.js'

// The images of the check: what a local one declares, what a registry holds, and the run's own
// images found and removed.

export interface ImageOperations {
  /**
   * The local image's configuration; with a platform, that platform's image of it (a
   * multi-platform image in the containerd store), null when it has none.
   */
  imageConfig(ref: string, platform?: string): Promise<ImageConfig | null>
  /** What the reference's registry holds: its platforms, or why it could not be asked. */
  remoteImage(ref: string): Promise<{ manifests: RemoteManifest[] } | { error: string }>
  removeImages(refs: string[]): Promise<void>
  /** Image references (repo:tag) and container names that carry the run label with this id. */
  listByRunLabel(label: string): Promise<{ images: string[]; containers: string[] }>
}

export function imageOperations(run: Runner): ImageOperations {
  return {
    async imageConfig(ref, platform) {
      // The whole object: the configuration, and the platform the image declares (Os,
      // Architecture, Variant), which decides whether the image is the platform asked for.
      const inspect = (extra: string[]): Promise<RunResult> =>
        run(['image', 'inspect', ...extra, '--format', '{{json .}}', ref], {
          timeoutMs: 60_000,
        })
      let res = await inspect(platform ? ['--platform', platform] : [])
      // A client older than Docker 28 has no --platform here: its one image must declare it.
      if (platform && res.exitCode !== 0 && res.tail.some((l) => /unknown flag/.test(l))) {
        res = await inspect([])
        const image = res.exitCode === 0 ? parseImageInspect(res.stdout) : null
        return image && declaredPlatform(image.os, image.architecture, image.variant) === platform
          ? image
          : null
      }
      return res.exitCode === 0 ? parseImageInspect(res.stdout) : null
    },

    async remoteImage(ref) {
      const res = await run(['buildx', 'imagetools', 'inspect', '--format', '{{json .}}', ref], {
        timeoutMs: 120_000,
      })
      if (res.exitCode !== 0) {
        // buildx's own words ("ERROR: ...: not found"), else how the command ended.
        const said = res.tail
          .map((l) => l.trim())
          .filter(Boolean)
          .at(-1)
        return { error: said ? said.replace(/^ERROR:\s*/, '') : describeFailure(res, 1) }
      }
      const manifests = parseRemoteImage(res.stdout)
      return manifests
        ? { manifests }
        : { error: 'its registry answered with no readable manifest' }
    },

    async removeImages(refs) {
      if (refs.length > 0) await run(['image', 'rm', '-f', ...refs], { timeoutMs: 120_000 })
    },

    async listByRunLabel(label) {
      const images = await run(
        ['image', 'ls', '--filter', `label=${label}`, '--format', '{{.Repository}}:{{.Tag}}'],
        { timeoutMs: 60_000 },
      )
      const containers = await run(
        ['container', 'ls', '-a', '--filter', `label=${label}`, '--format', '{{.Names}}'],
        { timeoutMs: 60_000 },
      )
      const lines = (r: RunResult): string[] =>
        r.exitCode === 0
          ? r.stdout
              .split('\n')
              .map((s) => s.trim())
              .filter((s) => s !== '' && !s.includes('<none>'))
          : []
      return { images: lines(images), containers: lines(containers) }
    },
  }
}

/** `docker image inspect --format '{{json .}}'` -> what the check records; null if unreadable. */
export function parseImageInspect(stdout: string): ImageConfig | null {
  try {
    const image = JSON.parse(stdout) as {
      Os?: string
      Architecture?: string
      Variant?: string
      Config?: {
        Entrypoint?: string[] | null
        Cmd?: string[] | null
        User?: string
        WorkingDir?: string
        Env?: string[] | null
      } | null
    }
    const c = image.Config ?? {}
    const path = (c.Env ?? []).find((e) => e.startsWith('PATH='))
    return {
      os: image.Os || null,
      architecture: image.Architecture || null,
      variant: image.Variant || null,
      entrypoint: c.Entrypoint ?? null,
      cmd: c.Cmd ?? null,
      user: c.User ?? '',
      workingDir: c.WorkingDir ?? '',
      path: path ? path.slice(5) : null,
    }
  } catch {
    return null
  }
}
