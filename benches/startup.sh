#!/usr/bin/env bash
# Startup and idle cost of clinic-edu, against a bare eframe window built with the
# same eframe features (examples/bare_window.rs), in one run under Xvfb with Mesa's
# software Vulkan:
#  - time to first frame: from launch until the first frame is on screen (the
#    program reports it when its second frame begins; eframe presents a frame
#    before that), and resident memory (VmRSS) at that moment: RUNS launches of
#    each (default 5), alternating, medians compared;
#  - idle CPU (user + system, all threads) of the app left alone, in staff mode on
#    the home screen and in the kiosk on the attract screen: after WARM s, read
#    over IDLE_SECONDS s (default 20).
# Prints a table with the ratios and PASS/FAIL against the project's bounds (first
# frame and memory at most 1.1x the bare window; idle CPU 0% in staff mode, that is
# no more than one clock tick over the whole reading, and at most 1% on the attract
# screen) and exits non-zero when a bound is missed.
#
#   benches/startup.sh [RUNS] [IDLE_SECONDS]
#
# Needs Xvfb and Mesa's software Vulkan (Debian: xvfb, mesa-vulkan-drivers).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
idle_seconds=${2:-20}
warm=5
cargo build --release --quiet --bin clinic-edu --example bare_window
app=target/release/clinic-edu
bare=target/release/examples/bare_window

source benches/xvfb.sh
# Settings and the kiosk's config are not read from or written to the developer's
# own folder.
dir=$(mktemp -d)
echo 2468 | "$app" set-pin --config "$dir/kiosk.ron" >/dev/null

measure() { # prints "ms kb"
    local out
    out=$(CLINIC_EDU_STARTUP_T0=$(date +%s%N) timeout 60 "$@" 2>/dev/null | grep first_frame_ms)
    awk '{print $2, $4}' <<<"$out"
}

declare -a app_ms app_kb bare_ms bare_kb
for ((i = 0; i < runs; i++)); do
    read -r ms kb < <(measure "$bare")
    bare_ms+=("$ms") bare_kb+=("$kb")
    read -r ms kb < <(measure "$app" --config "$dir/staff.ron" --no-system-fonts)
    app_ms+=("$ms") app_kb+=("$kb")
done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
idle_ticks() { # args... → CPU clock ticks spent over idle_seconds, after warm
    "$app" "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$warm"
    local t0 t1
    t0=$(ticks $pid)
    sleep "$idle_seconds"
    t1=$(ticks $pid)
    kill $pid
    wait $pid 2>/dev/null || true
    echo $((t1 - t0))
}
hz=$(getconf CLK_TCK)
staff_ticks=$(idle_ticks --config "$dir/staff.ron" --no-system-fonts)
attract_ticks=$(idle_ticks --kiosk --config "$dir/kiosk.ron" --no-system-fonts)

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
calc() { awk "BEGIN {printf \"%.4f\", $1}"; }
le() { awk "BEGIN {exit !($1 <= $2)}"; }
bm=$(median "${bare_ms[@]}") bk=$(median "${bare_kb[@]}")
am=$(median "${app_ms[@]}") ak=$(median "${app_kb[@]}")
time_ratio=$(calc "$am / $bm") mem_ratio=$(calc "$ak / $bk")
staff_pct=$(calc "$staff_ticks * 100 / $hz / $idle_seconds")
attract_pct=$(calc "$attract_ticks * 100 / $hz / $idle_seconds")

failed=0
verdict() { # name value bound: sets $name to PASS or FAIL (not in a subshell, so
    # that a miss reaches $failed)
    if le "$2" "$3"; then printf -v "$1" PASS; else
        printf -v "$1" FAIL
        failed=1
    fi
}
verdict time_v "$time_ratio" 1.1
verdict mem_v "$mem_ratio" 1.1
verdict staff_v "$staff_ticks" 1
verdict attract_v "$attract_pct" 1

printf '%-30s %12s %12s %8s %9s %s\n' "" "bare window" "clinic-edu" "ratio" "bound" ""
printf '%-30s %9.0f ms %9.0f ms %7.2fx %9s %s\n' "first frame (median)" "$bm" "$am" "$time_ratio" "<= 1.1x" "$time_v"
printf '%-30s %9.1f MB %9.1f MB %7.2fx %9s %s\n' "resident memory (median)" \
    "$(calc "$bk / 1024")" "$(calc "$ak / 1024")" "$mem_ratio" "<= 1.1x" "$mem_v"
printf '%-30s %12s %10.2f %% %8s %9s %s\n' "idle CPU, staff home screen" "" "$staff_pct" "" "0%" "$staff_v"
printf '%-30s %12s %10.2f %% %8s %9s %s\n' "idle CPU, kiosk attract" "" "$attract_pct" "" "<= 1%" "$attract_v"
echo "($runs launches each, alternating; first frame of each: bare ${bare_ms[*]} ms," \
    "clinic-edu ${app_ms[*]} ms. Idle: CPU over ${idle_seconds} s after ${warm} s," \
    "of one core; $staff_ticks and $attract_ticks ticks of 1/$hz s.)"
exit $failed
