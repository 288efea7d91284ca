"""python-tuf's ngclient, a TUF client no one on this project wrote, refreshes the
repository at REPO (served over HTTP on 127.0.0.1 by this script) from the trusted
root ROOT and downloads TARGET; prints the target's path and its content version.

    python3 ngclient.py REPO ROOT WORK TARGET
"""

import functools
import http.server
import os
import sys
import threading

from tuf.ngclient import Updater

repo, root, work, target = sys.argv[1:5]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


handler = functools.partial(Quiet, directory=repo)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"

metadata = os.path.join(work, "metadata")
targets = os.path.join(work, "targets")
os.makedirs(metadata, exist_ok=True)
os.makedirs(targets, exist_ok=True)
with open(root, "rb") as trusted:
    bootstrap = trusted.read()
updater = Updater(
    metadata_dir=metadata,
    metadata_base_url=base + "metadata/",
    target_base_url=base + "targets/",
    target_dir=targets,
    bootstrap=bootstrap,
)
updater.refresh()
info = updater.get_targetinfo(target)
if info is None:
    sys.exit(f"{target} is not in the repository")
path = updater.download_target(info)
print(path, info.custom["content_version"], updater._trusted_set.root.version)
server.shutdown()
