#!/bin/sh
# Makes a wine that can run lanscope-kot.exe available on this Debian machine, and prints, as its last line,
# the command that runs a Windows program with it (`<command> program.exe args…`).
#
# Why a chroot: the exe bundles Node 24, which aborts at start under Debian bookworm's wine 8
# (SegmentedTable::InitializeTable); it needs wine >= 10. Debian trixie ships wine 10, so when the
# machine's own wine is older this script builds a minimal trixie tree with debootstrap and installs wine
# there. The runner enters it in a private mount namespace (nothing stays mounted on the host) with the
# host's working folders (/work, /tmp, /home, /root, …) bound at the same paths, so paths need no rewriting.
#
# Idempotent: a second run only checks and prints the command. Needs root (apt-get, debootstrap, chroot).
# Takes 10–20 minutes the first time (downloads about 600 MB of Debian packages).
#
#   LANSCOPE_KOT_WINE_DIR   where the chroot, the wine prefix and the runner live
#                           (default /var/lib/lanscope-kot-wine)
#   LANSCOPE_KOT_WINE_MIRROR  Debian mirror for debootstrap (default http://deb.debian.org/debian)
set -eu

MIN_WINE_MAJOR=10
BASE=${LANSCOPE_KOT_WINE_DIR:-/var/lib/lanscope-kot-wine}
ROOT=$BASE/trixie
RUNNER=$BASE/run-wine
MIRROR=${LANSCOPE_KOT_WINE_MIRROR:-http://deb.debian.org/debian}

say() { echo "setup-wine: $*" >&2; }

wine_major() { # prints the major version of the wine given as "$@", or 0
  v=$("$@" --version 2>/dev/null || true) # "wine-10.0 (Debian 10.0~repack-6)"
  v=${v#wine-}
  echo "${v%%.*}" | grep -E '^[0-9]+$' || echo 0
}

if [ "$(id -u)" -ne 0 ]; then
  say "run as root (apt-get, debootstrap and chroot need it)"
  exit 1
fi

# 1. A new enough wine on the machine itself: use it as it is.
if command -v wine >/dev/null 2>&1 && [ "$(wine_major wine)" -ge "$MIN_WINE_MAJOR" ]; then
  say "the machine's own $(wine --version) is new enough"
  echo "env WINEDEBUG=-all wine"
  exit 0
fi

mkdir -p "$BASE"

# 2. A Debian trixie tree with wine in it.
if [ ! -f "$ROOT/.wine-installed" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  if [ ! -x "$ROOT/usr/bin/apt-get" ] || [ ! -f "$ROOT/.debootstrap-done" ]; then
    say "debootstrap trixie into $ROOT (several minutes)"
    rm -rf "$ROOT"
    debootstrap --variant=minbase trixie "$ROOT" "$MIRROR" >"$BASE/debootstrap.log" 2>&1 || {
      say "debootstrap failed; see $BASE/debootstrap.log"
      exit 1
    }
    touch "$ROOT/.debootstrap-done"
  fi
  say "installing wine in the trixie tree (several minutes)"
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
  unshare -m --propagation private sh -c '
    mount -t proc proc "$1/proc" && mount --rbind /dev "$1/dev" &&
    chroot "$1" sh -c "apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64 >/dev/null"
  ' sh "$ROOT" >"$BASE/apt.log" 2>&1 || {
    say "installing wine failed; see $BASE/apt.log"
    exit 1
  }
  touch "$ROOT/.wine-installed" # (usr/bin/wine is a link into the tree's /etc/alternatives: not testable from here)
fi

# 3. The runner: a private mount namespace, the chroot, the host's working folders at their own paths,
#    then wine in the current folder. stdout/stderr should be files: wine cannot write to a Linux pipe.
{
  echo '#!/bin/sh'
  echo "# Runs a Windows program with the wine of $ROOT (made by lanscope-kot's scripts/setup-wine.sh)."
  echo "# Usage: $RUNNER program.exe [args…]   (WINEPREFIX defaults to $BASE/prefix)"
  echo "ROOT='$ROOT'"
  echo "BASE='$BASE'"
  cat <<'EOF'
set -eu
if [ -z "${LANSCOPE_KOT_WINE_NS:-}" ]; then
  LANSCOPE_KOT_WINE_NS=1 exec unshare -m --propagation private "$0" "$@"
fi
mount -t proc proc "$ROOT/proc"
mount --rbind /dev "$ROOT/dev"
for d in /work /tmp /home /root /srv /opt /mnt /media "$BASE"; do
  [ -d "$d" ] || continue
  mkdir -p "$ROOT$d"
  mount --rbind "$d" "$ROOT$d"
done
exec chroot "$ROOT" /usr/bin/env -C "$(pwd)" -u LANSCOPE_KOT_WINE_NS \
  WINEPREFIX="${WINEPREFIX:-$BASE/prefix}" WINEDEBUG="${WINEDEBUG:--all}" HOME="${HOME:-/root}" \
  TERM="${TERM:-xterm}" LANG="${LANG:-C.UTF-8}" XDG_RUNTIME_DIR=/tmp wine "$@"
EOF
} >"$RUNNER.tmp"
chmod +x "$RUNNER.tmp"
mv "$RUNNER.tmp" "$RUNNER"

# 4. The wine prefix, set to Windows 10 (Node refuses older Windows versions).
if [ ! -f "$BASE/prefix/.lanscope-kot-ready" ]; then
  say "creating the wine prefix $BASE/prefix"
  WINEPREFIX=$BASE/prefix "$RUNNER" wineboot -i >"$BASE/wineboot.log" 2>&1 || true
  WINEPREFIX=$BASE/prefix "$RUNNER" reg add 'HKCU\Software\Wine' /v Version /d win10 /f >>"$BASE/wineboot.log" 2>&1 || {
    say "could not set the prefix to Windows 10; see $BASE/wineboot.log"
    exit 1
  }
  touch "$BASE/prefix/.lanscope-kot-ready"
fi

# 5. Proof that it runs a Windows program (and which Windows it says it is).
ver=$(cd /tmp && "$RUNNER" cmd /c ver 2>/dev/null | tr -d '\r' | grep -i windows || true)
if [ -z "$ver" ]; then
  say "wine does not run cmd.exe; see $BASE/wineboot.log"
  exit 1
fi
say "$("$RUNNER" --version 2>/dev/null) ($ver) ready in $ROOT"
echo "$RUNNER"
