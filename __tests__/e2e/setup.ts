import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// The end-to-end tests stand on the real sandbox: bring it up (idempotent, cached) once.
export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/sandbox.sh', import.meta.url))
  const result = spawnSync('bash', [script, 'up'], { stdio: 'inherit' })
  if (result.status !== 0) {
    throw new Error(
      `scripts/sandbox.sh up exited with ${result.status ?? result.signal}; the end-to-end tests need the sandbox`,
    )
  }
}
