import { RUN_LABEL } from './docker/args.js'
import type { Docker } from './docker/client.js'
import { containerPrefix, imagePrefix } from './runid.js'

/**
 * Removes the containers and images one run created, and nothing else: they must carry the
 * run's label and the run's own tag or name prefix.
 */
export async function cleanupRun(
  docker: Docker,
  runId: string,
): Promise<{ images: string[]; containers: string[] }> {
  if (!/^[a-z0-9-]+$/.test(runId)) return { images: [], containers: [] }
  const found = await docker.listByRunLabel(`${RUN_LABEL}=${runId}`)
  const images = found.images.filter((r) => r.startsWith(imagePrefix(runId)))
  const containers = found.containers.filter((n) => n.startsWith(containerPrefix(runId)))
  await docker.removeContainers(containers)
  await docker.removeImages(images)
  return { images, containers }
}
