#!/usr/bin/env bash
# Optional system tools the tests use; each test that needs one skips with a reason when it is
# missing. Installs them when we are root on Debian/Ubuntu (CI, fresh machines).
#   chromium      — browser tests of `govgraph viz`
#   tesseract-ocr, tesseract-ocr-swe — OCR of scanned PDFs
#   @neo4j-cypher/language-support (npm) — Neo4j's own Cypher parser for the compatibility check
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-swe)
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx swe; then
  need+=(tesseract-ocr-swe)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: installing ${need[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") >/tmp/govgraph-apt.log 2>&1 \
      || echo "system-deps: apt-get failed (see /tmp/govgraph-apt.log); tests that need ${need[*]} will skip"
  else
    echo "system-deps: missing ${need[*]} (install them with apt-get as root); those tests will skip"
  fi
fi
# Neo4j's Cypher parser, in a cache outside the repository. The package publishes only
# pre-release versions (npm's plain "install" refuses them), so the version is pinned.
LINT_PKG="@neo4j-cypher/language-support@2.0.0-next.38"
LINT_DIR="${GOVGRAPH_CYPHER_LINT_DIR:-$HOME/.cache/govgraph/cypher-lint}"
if command -v npm >/dev/null 2>&1 && ! grep -qs '"version": "2.0.0-next.38"' \
    "$LINT_DIR/node_modules/@neo4j-cypher/language-support/package.json"; then
  mkdir -p "$LINT_DIR"
  (cd "$LINT_DIR" && npm install --silent --no-audit --no-fund "$LINT_PKG" >/tmp/govgraph-npm.log 2>&1) \
    || echo "system-deps: npm install of $LINT_PKG failed (see /tmp/govgraph-npm.log); the Cypher lint test will skip"
fi
exit 0
