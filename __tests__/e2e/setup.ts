import { spawnSync } from 'node:child_process'
import { delimiter } from 'node:path'
import { fileURLToPath } from 'node:url'

// The end-to-end tests stand on the real sandbox: bring it up (idempotent, cached) once, then
// point every docker command of the run (the tests', the CLI's, the action's) at one of its
// engines: TFMC_ENGINE=classic (the default, as on ubuntu-24.04) or containerd (the containerd
// image store, as Docker 29 installs itself). The test processes inherit this environment.
export const ENGINES = ['classic', 'containerd'] as const

/** Build cache an engine keeps after a run: warm enough for the next, small enough for the disk. */
const KEEP_CACHE = '8gb'

export default function setup(): () => void {
  const script = fileURLToPath(new URL('../../scripts/sandbox.sh', import.meta.url))
  const engine = process.env.TFMC_ENGINE || 'classic'
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw new Error(
      `TFMC_ENGINE: '${engine}' is not an engine of the sandbox (${ENGINES.join(', ')})`,
    )
  }
  const result = spawnSync('bash', [script, 'up'], { stdio: 'inherit' })
  if (result.status !== 0) {
    throw new Error(
      `scripts/sandbox.sh up exited with ${result.status ?? result.signal}; the end-to-end tests need the sandbox`,
    )
  }
  const ask = (...args: string[]): string =>
    spawnSync('bash', [script, ...args], { encoding: 'utf8' }).stdout.trim()
  process.env.TFMC_ENGINE = engine
  process.env.DOCKER_HOST = ask('host', engine)
  process.env.PATH = `${ask('bin')}${delimiter}${process.env.PATH ?? ''}`
  // The loopback registry the engines pull base images from; tests push their images there.
  process.env.TFMC_REGISTRY = ask('registry')
  process.stderr.write(
    `end-to-end tests on the sandbox's ${engine} engine (${process.env.DOCKER_HOST})\n`,
  )
  // One run leaves about 26 GB (classic) to 29 GB (containerd store) of build cache, and npm test
  // runs on both engines: without a bound, a machine that is kept fills its disk.
  return () => {
    const prune = spawnSync('docker', ['builder', 'prune', '-af', '--max-used-space', KEEP_CACHE], {
      encoding: 'utf8',
    })
    const total = /^Total:\s*(\S+)/m.exec(prune.stdout ?? '')?.[1] ?? 'nothing'
    process.stderr.write(`${engine} engine: build cache pruned to ${KEEP_CACHE} (${total} freed)\n`)
  }
}
