#!/usr/bin/env bash
# CPU use of clinic-edu while nobody touches it, under Xvfb with software
# rendering: staff mode on the home screen, and the kiosk's attract screen (which
# changes language every 3 s). Each runs for WARM s, then its CPU time (user +
# system, all threads) is read over SECONDS_MEASURED s.
#
#   benches/idle.sh [SECONDS_MEASURED]
set -euo pipefail
cd "$(dirname "$0")/.."
measured=${1:-20}
warm=5
cargo build --release --quiet --bin clinic-edu
app=target/release/clinic-edu
source benches/xvfb.sh
dir=$(mktemp -d)
echo 2468 | "$app" set-pin --config "$dir/kiosk.ron" >/dev/null

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
idle() { # label, args...
    local label=$1; shift
    "$app" "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$warm"
    local t0; t0=$(ticks $pid)
    sleep "$measured"
    local t1; t1=$(ticks $pid)
    kill $pid; wait $pid 2>/dev/null || true
    local hz; hz=$(getconf CLK_TCK)
    printf '%-28s %5.1f%% of one core\n' "$label" "$(echo "($t1 - $t0) * 100 / $hz / $measured" | bc -l)"
}
idle "staff mode, home screen" --config "$dir/staff.ron" --no-system-fonts
idle "kiosk, attract screen" --kiosk --config "$dir/kiosk.ron" --no-system-fonts
