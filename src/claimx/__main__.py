"""``python -m claimx`` runs the ``claimx`` command."""

from .cli import app

app(prog_name="claimx")
