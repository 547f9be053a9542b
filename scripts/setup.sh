# Set-up steps for ./medssl, idempotent and quiet when nothing is missing.
# Sourced by ./medssl; every function reads MEDSSL_ROOT.

MEDSSL_BUILD="$MEDSSL_ROOT/build"
MEDSSL_CONFIG="${MEDSSL_CONFIG:-Release}"
MEDSSL_LOGS="$MEDSSL_BUILD/logs"

# System packages: the engine (libtorch + an optimised BLAS: without libopenblas libtorch falls back to
# the reference BLAS, ~40x slower), codecs, ZeroMQ, build tools. The reference set adds Debian's PyTorch,
# torchvision and scikit-learn, which the parity tests' fixture scripts and the benchmarks compare against,
# Chromium, which the figure tests draw plotly.js figures in (headless, offline), and Jupyter's clients
# (jupyter_kernel_test, nbconvert, nbclient), which test the C# kernel end to end.
MEDSSL_RUNTIME_PACKAGES="libtorch-dev libopenblas0-pthread libturbojpeg0-dev libpng-dev libzmq5 cmake g++ ccache"
MEDSSL_REFERENCE_PACKAGES="python3-torch python3-torchvision python3-sklearn python3-numpy chromium"
MEDSSL_REFERENCE_PACKAGES="$MEDSSL_REFERENCE_PACKAGES python3-jupyter-kernel-test jupyter-client jupyter-nbconvert python3-nbclient"

medssl_log() { printf 'medssl: %s\n' "$*" >&2; }

medssl_missing_packages() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

medssl_install_packages() {
  local missing
  missing="$(medssl_missing_packages "$@")"
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else
      medssl_log "missing Debian packages: $missing. Install them with: sudo apt-get install -y $missing"
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    medssl_log "missing packages ($missing) and no apt-get: this kit expects Debian 12; install the equivalents by hand."
    return 1
  fi
  medssl_log "installing $missing (once)"
  mkdir -p "$MEDSSL_LOGS"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing; } \
    >"$MEDSSL_LOGS/apt.log" 2>&1 || { tail -20 "$MEDSSL_LOGS/apt.log" >&2; medssl_log "apt-get failed (log: $MEDSSL_LOGS/apt.log)"; return 1; }
}

# The native shim (CMake). LIBTORCH_DIR picks another libtorch (e.g. a PyTorch CUDA wheel's).
medssl_build_native() {
  local dir="$MEDSSL_BUILD/native" log="$MEDSSL_LOGS/native.log"
  mkdir -p "$MEDSSL_LOGS"
  export CCACHE_BASEDIR="$MEDSSL_ROOT" CCACHE_NOHASHDIR=1
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    medssl_log "configuring the native shim"
    cmake -S "$MEDSSL_ROOT/src/MedSsl.Native" -B "$dir" -DCMAKE_BUILD_TYPE=Release \
      ${LIBTORCH_DIR:+-DLIBTORCH_DIR="$LIBTORCH_DIR"} >"$log" 2>&1 || { tail -30 "$log" >&2; return 1; }
  fi
  cmake --build "$dir" -j"$(nproc)" >"$log" 2>&1 || { grep -E "error|Error" "$log" | head -30 >&2; medssl_log "native build failed (log: $log)"; return 1; }
}

# plotly.js for figures, from npm at the version pinned in src/MedSsl/Figures/js/package-lock.json, into
# build/js; figures inline it so they render without internet. Reinstalled only when the lock changes.
medssl_install_plotly_js() {
  local src="$MEDSSL_ROOT/src/MedSsl/Figures/js" dir="$MEDSSL_BUILD/js" log="$MEDSSL_LOGS/npm.log"
  [ -f "$dir/node_modules/plotly.js-dist-min/plotly.min.js" ] && cmp -s "$src/package-lock.json" "$dir/package-lock.json" && return 0
  command -v npm >/dev/null || { medssl_log "npm is missing: install Debian's nodejs and npm (apt-get install nodejs npm) so figures can embed plotly.js, then run this again."; return 1; }
  medssl_log "installing plotly.js with npm (once)"
  mkdir -p "$dir" "$MEDSSL_LOGS" && cp "$src/package.json" "$src/package-lock.json" "$dir/"
  npm ci --prefix "$dir" --no-audit --no-fund >"$log" 2>&1 || { tail -20 "$log" >&2; medssl_log "npm ci failed (log: $log)"; return 1; }
}

# The build inputs below the given paths (build outputs excluded).
medssl_sources() {
  find "$@" \( -name bin -o -name obj -o -name node_modules \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' \
       -o -name '*.props' -o -name '*.so' -o -name '*.sln' -o -name '*.json' -o -name '*.py' \) -print 2>/dev/null
}

# True when a source file is newer than the stamp, or the set of files changed (one was added or deleted),
# or there is no stamp yet. The stamp holds a hash of the file list.
medssl_changed_since() {
  local stamp="$1"; shift
  [ -f "$stamp" ] || return 0
  [ "$(medssl_sources "$@" | sort | md5sum)" = "$(cat "$stamp")" ] || return 0
  [ -n "$(medssl_sources "$@" | xargs -r -d '\n' find 2>/dev/null -maxdepth 0 -newer "$stamp" | head -1)" ]
}

medssl_build_dotnet() {
  local log="$MEDSSL_LOGS/dotnet.log" stamp="$MEDSSL_BUILD/dotnet-$MEDSSL_CONFIG.stamp"
  local inputs=("$MEDSSL_ROOT/src" "$MEDSSL_ROOT/tests" "$MEDSSL_ROOT/bench" \
    "$MEDSSL_ROOT/MedSsl.Notebooks.sln" "$MEDSSL_ROOT/Directory.Build.props" "$MEDSSL_BUILD/native")
  medssl_changed_since "$stamp" "${inputs[@]}" || return 0
  if ! command -v dotnet >/dev/null; then
    medssl_log "the .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run this again."
    return 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  dotnet build "$MEDSSL_ROOT/MedSsl.Notebooks.sln" -c "$MEDSSL_CONFIG" -nologo -v q -clp:NoSummary >"$log" 2>&1 \
    || { grep -E "error" "$log" | sort -u | head -30 >&2; medssl_log "dotnet build failed (log: $log)"; return 1; }
  medssl_sources "${inputs[@]}" | sort | md5sum >"$stamp"
}

# level: runtime (run the kit) or reference (also the Python references for tests and benches).
medssl_setup() {
  local pkgs="$MEDSSL_RUNTIME_PACKAGES"
  [ "${1:-runtime}" = reference ] && pkgs="$pkgs $MEDSSL_REFERENCE_PACKAGES"
  # shellcheck disable=SC2086
  medssl_install_packages $pkgs && medssl_install_plotly_js && medssl_build_native && medssl_build_dotnet
}

medssl_cli() {
  dotnet "$MEDSSL_ROOT/src/MedSsl.Cli/bin/$MEDSSL_CONFIG/net10.0/MedSsl.Cli.dll" "$@"
}

# Runs every test project; prints one closing line "tests: N passed, N failed, N skipped".
medssl_tests() {
  local log="$MEDSSL_LOGS/test.log" rc=0
  # Under pipefail the pipeline fails when dotnet test does; the filter itself may match nothing.
  dotnet test "$MEDSSL_ROOT/MedSsl.Notebooks.sln" -c "$MEDSSL_CONFIG" --no-build -nologo "$@" 2>&1 | tee "$log" \
    | { grep -vE '^\s*$|^Test run for|^A total of|^Starting test|^VSTest version' || true; } || rc=$?
  awk '/^(Passed|Failed)!/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1);
        if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
       END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  return "$rc"
}

medssl_bench() {
  dotnet "$MEDSSL_ROOT/bench/MedSsl.Bench/bin/$MEDSSL_CONFIG/net10.0/MedSsl.Bench.dll" "$@"
}
