"""Collection settings for the whole checkout: the serve modules import FastAPI, which only the serve extra
(and the dev extra) installs; without it their doctests are not collected (tests/test_serve.py skips itself)."""

try:
    import fastapi  # noqa: F401
except ImportError:
    collect_ignore_glob = ["src/claimx/serve*.py"]
