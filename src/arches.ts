// Every architecture the tool knows, one row each, and the lookups that follow from the rows.
// Adding an architecture is adding its row: parsing, emulation, the architecture proof, the
// host's CPU and the lint rules all read it from here.

/** The header fields of an ELF binary, as the smoke script reads them. */
export interface ElfHeader {
  machine: number
  bits: number
  littleEndian: boolean
}

/** What one architecture is called, and how it is recognised, everywhere the tool meets it. */
export interface ArchRow {
  /** Docker's name, the GOARCH the OCI image spec uses: linux/<arch>. */
  arch: string
  /** The variants Docker accepts after it: linux/<arch>/<variant>. */
  variants: readonly string[]
  /** The variant Docker writes as none: linux/arm64/v8 is linux/arm64. */
  omitted?: string
  /** The variant Docker means when none is written: linux/arm is linux/arm/v7. */
  assumed?: string
  /** The name QEMU and binfmt_misc use (qemu-<name>). */
  qemu: string
  /**
   * What a process of this architecture may see in `uname -m` (Python's platform.machine()),
   * its own name first. A 32-bit process on its 64-bit sibling may see the 64-bit kernel's name.
   */
  machines: readonly string[]
  /** e_machine, word size and byte order of its ELF binaries. */
  elf: ElfHeader
  /** Node's process.arch on such a CPU; null where Node has no name the tool expects. */
  node: string | null
  /** The architecture in a manylinux wheel's platform tag (manylinux_2_17_x86_64); null for none. */
  manylinux: string | null
  /** How image tags name it when a tag is per architecture (python:3.11-slim-arm64). */
  tags: readonly string[]
  /** platform_machine values a shared requirements file may test for it, beyond `machines`. */
  markers: readonly string[]
  /** Other architectures whose CPUs run it without an emulator. */
  nativeOn: readonly string[]
}

// The order is the one an unknown architecture's message lists. TensorFlow publishes wheels only
// for amd64 and arm64; the rest are valid platforms that the check reports as unsupported rather
// than rejecting as typos.
const TABLE = [
  {
    arch: '386',
    variants: [],
    qemu: 'i386',
    machines: ['i386', 'i486', 'i586', 'i686', 'x86_64'],
    elf: { machine: 3, bits: 32, littleEndian: true },
    node: 'ia32',
    manylinux: 'i686',
    tags: [],
    markers: [],
    // x86-64 CPUs run 32-bit x86 code natively.
    nativeOn: ['amd64'],
  },
  {
    arch: 'amd64',
    variants: ['v1', 'v2', 'v3', 'v4'],
    omitted: 'v1',
    qemu: 'x86_64',
    machines: ['x86_64'],
    elf: { machine: 62, bits: 64, littleEndian: true },
    node: 'x64',
    manylinux: 'x86_64',
    tags: ['amd64', 'x86_64', 'x86-64'],
    // Windows' and the BSDs' spellings.
    markers: ['AMD64', 'amd64'],
    nativeOn: [],
  },
  {
    arch: 'arm64',
    variants: ['v8'],
    omitted: 'v8',
    qemu: 'aarch64',
    machines: ['aarch64'],
    elf: { machine: 183, bits: 64, littleEndian: true },
    node: 'arm64',
    manylinux: 'aarch64',
    tags: ['arm64v8', 'arm64', 'aarch64'],
    // macOS's spelling.
    markers: ['arm64'],
    nativeOn: [],
  },
  {
    arch: 'arm',
    variants: ['v5', 'v6', 'v7'],
    assumed: 'v7',
    qemu: 'arm',
    machines: ['armv5l', 'armv5tel', 'armv5tejl', 'armv6l', 'armv7l', 'armv8l', 'aarch64'],
    elf: { machine: 40, bits: 32, littleEndian: true },
    node: 'arm',
    manylinux: 'armv7l',
    tags: ['armv7', 'armhf', 'arm32v7'],
    markers: [],
    // Not every arm64 CPU runs 32-bit code, so linux/arm on arm64 counts as emulated.
    nativeOn: [],
  },
  {
    arch: 'ppc64le',
    variants: [],
    qemu: 'ppc64le',
    machines: ['ppc64le'],
    elf: { machine: 21, bits: 64, littleEndian: true },
    node: 'ppc64',
    manylinux: 'ppc64le',
    tags: ['ppc64le'],
    markers: [],
    nativeOn: [],
  },
  {
    arch: 's390x',
    variants: [],
    qemu: 's390x',
    machines: ['s390x'],
    elf: { machine: 22, bits: 64, littleEndian: false },
    node: 's390x',
    manylinux: 's390x',
    tags: ['s390x'],
    markers: [],
    nativeOn: [],
  },
  {
    arch: 'riscv64',
    variants: [],
    qemu: 'riscv64',
    machines: ['riscv64'],
    elf: { machine: 243, bits: 64, littleEndian: true },
    node: 'riscv64',
    manylinux: 'riscv64',
    tags: [],
    markers: [],
    nativeOn: [],
  },
  {
    arch: 'mips64le',
    variants: [],
    qemu: 'mips64el',
    machines: ['mips64'],
    elf: { machine: 8, bits: 64, littleEndian: true },
    node: null,
    manylinux: null,
    tags: [],
    markers: [],
    nativeOn: [],
  },
  {
    arch: 'loong64',
    variants: [],
    qemu: 'loongarch64',
    machines: ['loongarch64'],
    elf: { machine: 258, bits: 64, littleEndian: true },
    node: 'loong64',
    manylinux: 'loongarch64',
    tags: [],
    markers: [],
    nativeOn: [],
  },
] as const satisfies readonly ArchRow[]

/** Docker's name of an architecture the tool knows: amd64, arm64, arm, 386, ... */
export type Arch = (typeof TABLE)[number]['arch']

/** The rows, typed for lookups by any string. */
export const ARCHES: readonly (ArchRow & { arch: Arch })[] = TABLE

/** Whether Docker's name is one of the architectures the tool knows. */
export function isArch(name: string): name is Arch {
  return ARCHES.some((row) => row.arch === name)
}

/** The row of an architecture. */
export function archRow(arch: Arch): ArchRow & { arch: Arch } {
  return ARCHES.find((row) => row.arch === arch)!
}

/**
 * The architecture whose own machine name this is (`docker info`'s Architecture is the engine's
 * `uname -m`): the one that lists it first (x86_64 is amd64, not 386; aarch64 is arm64, not
 * arm), else one that lists it at all (armv7l, i686). Docker's own names pass.
 */
export function archOfMachine(machine: string): Arch | null {
  if (isArch(machine)) return machine
  const row =
    ARCHES.find((r) => r.machines[0] === machine) ??
    ARCHES.find((r) => r.machines.includes(machine))
  return row?.arch ?? null
}

/** The Docker architecture of the machine this process runs on (Node's process.arch). */
export function hostArch(nodeArch: string = process.arch): string {
  return ARCHES.find((row) => row.node === nodeArch)?.arch ?? nodeArch
}

/** The Docker architecture an ELF binary is for, or null for one the tool does not know. */
export function elfArch(h: ElfHeader): Arch | null {
  const row = ARCHES.find(
    ({ elf }) =>
      elf.machine === h.machine && elf.bits === h.bits && elf.littleEndian === h.littleEndian,
  )
  return row?.arch ?? null
}

/** Every name image tags give an architecture, for telling a per-architecture tag. */
export function archTagNames(): string[] {
  return ARCHES.flatMap((row) => row.tags)
}

/** What platform_machine may be in a requirement's marker on this architecture. */
export function markerMachines(arch: Arch): readonly string[] {
  const row = archRow(arch)
  return [...row.machines, ...row.markers]
}
