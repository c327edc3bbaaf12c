import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The sandbox's stand-in for docker/buildkit-syft-scanner (scripts/sbom-scanner.py), run as
// BuildKit runs an SBOM generator: the image's root filesystem at BUILDKIT_SCAN_SOURCE, other
// stages' under BUILDKIT_SCAN_SOURCE_EXTRAS, one in-toto statement per filesystem written to
// BUILDKIT_SCAN_DESTINATION. The e2e suite reads what it wrote from a pushed image's index.

const SCANNER = join(import.meta.dirname, '../../scripts/sbom-scanner.py')

function rootfs(dir: string, elsewhere: string): string {
  mkdirSync(join(dir, 'var/lib/dpkg'), { recursive: true })
  writeFileSync(
    join(dir, 'var/lib/dpkg/status'),
    [
      'Package: libc6\nStatus: install ok installed\nArchitecture: arm64\nVersion: 2.36-9+deb12u13\nDescription: GNU C Library\n Package: not-a-package',
      'Package: gone\nStatus: deinstall ok config-files\nArchitecture: arm64\nVersion: 1.0',
      'Package: broken\nStatus: install ok half-installed\nArchitecture: arm64\nVersion: 1.0',
      'Package: pinned\nStatus: hold ok installed\nArchitecture: all\nVersion: 2.0',
      'Package: libc-bin\nStatus: install ok triggers-pending\nArchitecture: arm64\nVersion: 2.36-9+deb12u13',
    ].join('\n\n'),
  )
  for (const [where, name, version] of [
    ['usr/local/lib/python3.11/site-packages', 'tensorflow', '2.20.0'],
    ['opt/venv/lib/python3.11/site-packages', 'Keras_Preprocessing', '1.1.2'],
    ['usr/share/doc/not-packages', 'stray', '0.1'],
  ] as const) {
    const info = join(dir, where, `${name}-${version}.dist-info`)
    mkdirSync(info, { recursive: true })
    writeFileSync(
      join(info, 'METADATA'),
      `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
    )
  }
  // A symlink out of the filesystem (into what would be the scanner's own image) is not followed.
  const outside = join(elsewhere, basename(dir), 'numpy-2.0.0.dist-info')
  mkdirSync(outside, { recursive: true })
  writeFileSync(join(outside, 'METADATA'), 'Metadata-Version: 2.1\nName: numpy\nVersion: 2.0.0\n')
  symlinkSync(outside, join(dir, 'usr/local/lib/python3.11/site-packages/numpy-2.0.0.dist-info'))
  return dir
}

interface SpdxPackage {
  SPDXID: string
  externalRefs?: { referenceLocator: string }[]
}

function scan(env: Record<string, string>) {
  return spawnSync('python3', [SCANNER], { encoding: 'utf8', env: { ...process.env, ...env } })
}

describe('the sandbox’s SBOM scanner', () => {
  it('writes one SPDX statement per filesystem, with its Debian and Python packages', () => {
    const work = mkdtempSync(join(tmpdir(), 'tfmc-sbom-'))
    const out = join(work, 'out')
    mkdirSync(out)
    const core = rootfs(join(work, 'src/core/sbom'), join(work, 'elsewhere'))
    rootfs(join(work, 'src/extras/sbom-builder'), join(work, 'elsewhere'))
    const res = scan({
      BUILDKIT_SCAN_SOURCE: core,
      BUILDKIT_SCAN_SOURCE_EXTRAS: join(work, 'src/extras'),
      BUILDKIT_SCAN_DESTINATION: out,
    })
    expect(res.status, res.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['sbom-builder.spdx.json', 'sbom.spdx.json'])
    const statement = JSON.parse(readFileSync(join(out, 'sbom.spdx.json'), 'utf8'))
    expect(statement).toMatchObject({
      predicateType: 'https://spdx.dev/Document',
      predicate: { spdxVersion: 'SPDX-2.3', name: 'sbom' },
    })
    const [root, ...packages] = statement.predicate.packages as SpdxPackage[]
    expect(root).toMatchObject({ SPDXID: 'SPDXRef-Filesystem', name: 'sbom' })
    expect(packages.map((p) => p.externalRefs![0]!.referenceLocator)).toEqual([
      'pkg:deb/debian/libc6@2.36-9+deb12u13?arch=arm64',
      'pkg:deb/debian/pinned@2.0?arch=all',
      'pkg:deb/debian/libc-bin@2.36-9+deb12u13?arch=arm64',
      'pkg:pypi/keras-preprocessing@1.1.2',
      'pkg:pypi/tensorflow@2.20.0',
    ])
    // The document describes the filesystem, which contains each package.
    expect(statement.predicate.documentDescribes).toEqual(['SPDXRef-Filesystem'])
    expect(statement.predicate.relationships).toEqual([
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'SPDXRef-Filesystem',
      },
      ...packages.map((p) => ({
        spdxElementId: 'SPDXRef-Filesystem',
        relationshipType: 'CONTAINS',
        relatedSpdxElement: p.SPDXID,
      })),
    ])
  })

  it('refuses to run without the protocol’s variables, and is happy with no extras', () => {
    const bare = scan({ BUILDKIT_SCAN_SOURCE: '', BUILDKIT_SCAN_DESTINATION: '' })
    expect(bare.status).not.toBe(0)
    expect(bare.stderr).toContain('BUILDKIT_SCAN_DESTINATION and BUILDKIT_SCAN_SOURCE must be set')
    const work = mkdtempSync(join(tmpdir(), 'tfmc-sbom-'))
    const res = scan({
      BUILDKIT_SCAN_SOURCE: rootfs(join(work, 'sbom'), join(work, 'elsewhere')),
      BUILDKIT_SCAN_DESTINATION: work,
    })
    expect(res.status, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/sbom: 5 packages/)
  })
})
