# Sourced by the benchmark scripts: starts Xvfb on a free display for this shell
# (stopped when the shell exits) and points DISPLAY at it.
display=:$((500 + RANDOM % 400))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
export DISPLAY=$display
unset WAYLAND_DISPLAY
