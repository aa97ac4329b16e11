# Shared by the scripts in scripts/: paths and small helpers. Sourced, not run.
MADOGUCHI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MADOGUCHI_BUILD="$MADOGUCHI_ROOT/build"
MADOGUCHI_CACHE="$MADOGUCHI_ROOT/.cache"
# Debian's emcc needs Debian's node modules (acorn) when another node is first on PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
export PATH=/usr/bin:$PATH

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
