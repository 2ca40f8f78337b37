"""Collection settings for the whole checkout: the serve modules import FastAPI, which only the serve extra
(and the dev extra) installs; without it their doctests are not collected (tests/test_serve.py skips itself)."""

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("fastapi") else ["src/claimx/serve*.py"]
