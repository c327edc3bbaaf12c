"""The sandbox's SBOM generator: what `--sbom=true` runs, in place of docker/buildkit-syft-scanner.

No Syft can be had here (no image can be pulled, and Debian packages none), so the sandbox serves
this script as docker/buildkit-syft-scanner:stable-1 (scripts/buildkit.sh). It follows BuildKit's
SBOM generator protocol: each root filesystem named by BUILDKIT_SCAN_SOURCE (and, if set, the
directories under BUILDKIT_SCAN_SOURCE_EXTRAS) is scanned for its Debian packages (dpkg's status
file) and its Python distributions (*.dist-info in site-packages and dist-packages, venvs
included), and one in-toto statement with an SPDX 2.3 document is written per filesystem to
BUILDKIT_SCAN_DESTINATION/<name>.spdx.json. BuildKit adds the image as the subject.
"""

import json
import os
import re
import sys
import uuid
from datetime import datetime, timezone
from email.parser import HeaderParser

TOOL = "tf-multiarch-check-sandbox-scanner-1"
SKIP = {"proc", "sys", "dev"}
# dpkg's states in which a package's files are on the filesystem, configured.
INSTALLED = {"installed", "triggers-pending", "triggers-awaited"}


def inside(root, path):
    """Whether a path is a file of the scanned filesystem: a symlink may lead out of it, into the
    scanner's own image."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return os.path.isfile(real) and os.path.commonpath([real, top]) == top


def debian_packages(root):
    status = os.path.join(root, "var/lib/dpkg/status")
    if not inside(root, status):
        return []
    with open(status, encoding="utf-8", errors="replace") as f:
        stanzas = f.read().split("\n\n")
    found = []
    for stanza in stanzas:
        fields = dict(re.findall(r"^([A-Za-z-]+): ?(.*)$", stanza, re.M))
        state = fields.get("Status", "").split()
        if state and state[-1] in INSTALLED and "Package" in fields:
            arch = fields.get("Architecture", "")
            purl = f"pkg:deb/debian/{fields['Package']}@{fields.get('Version', '')}?arch={arch}"
            found.append((fields["Package"], fields.get("Version", ""), purl))
    return found


def python_distributions(root):
    found = []
    for top, dirs, _files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if top != root or d not in SKIP)
        if os.path.basename(top) not in ("site-packages", "dist-packages"):
            continue
        for d in dirs:
            meta = os.path.join(top, d, "METADATA")
            if not d.endswith(".dist-info") or not inside(root, meta):
                continue
            with open(meta, encoding="utf-8", errors="replace") as f:
                headers = HeaderParser().parse(f)
            name, version = headers.get("Name"), headers.get("Version")
            if name and version:
                purl = f"pkg:pypi/{re.sub(r'[-_.]+', '-', name).lower()}@{version}"
                found.append((name, version, purl))
        dirs[:] = []
    return found


def spdx(name, packages):
    """An SPDX 2.3 document: the filesystem as the package it describes, containing the others."""
    refs = [f"SPDXRef-Package-{i}" for i in range(len(packages))]
    return {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": name,
        "documentNamespace": f"https://tf-multiarch-check.invalid/sbom/{name}-{uuid.uuid4()}",
        "creationInfo": {
            "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "creators": [f"Tool: {TOOL}"],
        },
        "documentDescribes": ["SPDXRef-Filesystem"],
        "packages": [
            {
                "name": name,
                "SPDXID": "SPDXRef-Filesystem",
                "downloadLocation": "NOASSERTION",
                "filesAnalyzed": False,
                "licenseConcluded": "NOASSERTION",
                "primaryPackagePurpose": "CONTAINER",
            }
        ]
        + [
            {
                "name": pkg,
                "SPDXID": ref,
                "versionInfo": version,
                "downloadLocation": "NOASSERTION",
                "filesAnalyzed": False,
                "licenseConcluded": "NOASSERTION",
                "externalRefs": [
                    {
                        "referenceCategory": "PACKAGE-MANAGER",
                        "referenceType": "purl",
                        "referenceLocator": purl,
                    }
                ],
            }
            for ref, (pkg, version, purl) in zip(refs, packages)
        ],
        "relationships": [
            {
                "spdxElementId": "SPDXRef-DOCUMENT",
                "relationshipType": "DESCRIBES",
                "relatedSpdxElement": "SPDXRef-Filesystem",
            }
        ]
        + [
            {
                "spdxElementId": "SPDXRef-Filesystem",
                "relationshipType": "CONTAINS",
                "relatedSpdxElement": ref,
            }
            for ref in refs
        ],
    }


def scan(root, destination):
    name = os.path.basename(os.path.normpath(root))
    statement = {
        "_type": "https://in-toto.io/Statement/v0.1",
        "predicateType": "https://spdx.dev/Document",
        "subject": [],
        "predicate": spdx(name, debian_packages(root) + python_distributions(root)),
    }
    # "x": each scan's name is its own (BuildKit names extras sbom-<stage>).
    with open(os.path.join(destination, f"{name}.spdx.json"), "x", encoding="utf-8") as f:
        json.dump(statement, f)
    return len(statement["predicate"]["packages"]) - 1


def main():
    destination = os.environ.get("BUILDKIT_SCAN_DESTINATION")
    source = os.environ.get("BUILDKIT_SCAN_SOURCE")
    if not destination or not source:
        sys.exit("BUILDKIT_SCAN_DESTINATION and BUILDKIT_SCAN_SOURCE must be set (BuildKit sets them)")
    roots = [source]
    extras = os.environ.get("BUILDKIT_SCAN_SOURCE_EXTRAS", "")
    if extras and os.path.isdir(extras):
        roots += [os.path.join(extras, e) for e in sorted(os.listdir(extras))]
    for root in roots:
        print(f"{root}: {scan(root, destination)} packages")


if __name__ == "__main__":
    main()
