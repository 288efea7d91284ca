#!/usr/bin/env bash
# Startup time and memory of clinic-edu beside a bare eframe window (the yardstick,
# examples/bare_window.rs), measured the same way in the same run under Xvfb:
#  - time to first frame: from launch until the first frame is on screen (the app
#    reports it when its second frame begins; eframe presents a frame before that);
#  - resident memory at that moment (VmRSS).
# Each is launched RUNS times (default 7), alternating; medians and ratios printed.
#
#   benches/startup.sh [RUNS]
#
# Needs Xvfb and Mesa's software Vulkan (Debian: xvfb, mesa-vulkan-drivers).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
cargo build --release --quiet --bin clinic-edu --example bare_window
app=target/release/clinic-edu
bare=target/release/examples/bare_window

source benches/xvfb.sh
# Settings are not read from or written to the developer's own folder.
config=$(mktemp -d)/config.ron

measure() { # prints "ms kb"
    local out
    out=$(CLINIC_EDU_STARTUP_T0=$(date +%s%N) timeout 60 "$@" 2>/dev/null | grep first_frame_ms)
    awk '{print $2, $4}' <<<"$out"
}

declare -a app_ms app_kb bare_ms bare_kb
for ((i = 0; i < runs; i++)); do
    read -r ms kb < <(measure "$bare")
    bare_ms+=("$ms") bare_kb+=("$kb")
    read -r ms kb < <(measure "$app" --config "$config" --no-system-fonts)
    app_ms+=("$ms") app_kb+=("$kb")
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
bm=$(median "${bare_ms[@]}") bk=$(median "${bare_kb[@]}")
am=$(median "${app_ms[@]}") ak=$(median "${app_kb[@]}")
printf '%-22s %14s %14s\n' "" "first frame" "resident"
printf '%-22s %11.0f ms %11.1f MB\n' "bare eframe window" "$bm" "$(echo "$bk / 1024" | bc -l)"
printf '%-22s %11.0f ms %11.1f MB\n' "clinic-edu" "$am" "$(echo "$ak / 1024" | bc -l)"
printf '%-22s %13.2fx %13.2fx\n' "ratio" "$(echo "$am / $bm" | bc -l)" "$(echo "$ak / $bk" | bc -l)"
echo "($runs runs each, medians; all runs: bare ${bare_ms[*]} ms, clinic-edu ${app_ms[*]} ms)"
