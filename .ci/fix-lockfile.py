#!/usr/bin/env python3
"""Re-adds lock entries for msgpackr-extract's platform packages that this machine's npm registry
does not carry (darwin, win32, linux-arm). Without them `npm ci` refuses the lock file as out of
sync; with them npm skips the entries on linux-x64, as it does for any optional package for
another platform. Run after every `npm install` that rewrites package-lock.json."""
import json, pathlib
path = pathlib.Path(__file__).resolve().parent.parent / 'package-lock.json'
lock = json.loads(path.read_text())
packages = lock['packages']
extract = packages.get('node_modules/msgpackr-extract', {})
for name, version in extract.get('optionalDependencies', {}).items():
    key = f'node_modules/{name}'
    if key in packages:
        continue
    platform = name.rsplit('-', 2)[-2:]  # e.g. ['darwin', 'arm64']
    packages[key] = {'version': version, 'cpu': [platform[1]], 'license': 'MIT', 'optional': True, 'os': [platform[0]]}
lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
path.write_text(json.dumps(lock, indent=2) + '\n')
