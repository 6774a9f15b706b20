#!/bin/sh
# Renders the API reference page from the bundled contract with Redocly CLI's build-docs.
# Usage: api-reference.sh CONTRACT OUTPUT REDOCLY_VERSION REQUIRED
# Without npx on the PATH the script skips the page and exits 0, unless REQUIRED is true, so a
# machine with only a JDK still builds the server. The server then serves the fallback page.
set -eu

contract="$1"
output="$2"
redocly_version="$3"
required="$4"

if ! command -v npx >/dev/null 2>&1; then
  if [ "$required" = "true" ]; then
    echo "[api-reference] npx not found on the PATH, but openprofile.docs.required=true." >&2
    echo "[api-reference] Install Node.js 20 or later, or drop -Dopenprofile.docs.required." >&2
    exit 1
  fi
  echo "[api-reference] Skipped: npx not found on the PATH. The server will serve a page that says"
  echo "[api-reference] the API reference was not built. Install Node.js 20 or later to build it,"
  echo "[api-reference] or pass -Dopenprofile.docs.skip to skip this step without the message."
  exit 0
fi

echo "[api-reference] Rendering $contract with @redocly/cli@$redocly_version build-docs"
# --inlineBundle puts Redoc's scripts into the page, so it works without access to Redocly's CDN.
if ! npx --yes "@redocly/cli@$redocly_version" build-docs "$contract" --inlineBundle --output "$output"; then
  echo "[api-reference] build-docs failed. Pass -Dopenprofile.docs.skip to build without the page." >&2
  exit 1
fi
