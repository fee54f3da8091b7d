"""`python -m framing` runs the CLI."""
import gc

gc.disable()  # no collections while start-up builds long-lived objects; `main` resumes them
from framing.cli import run  # noqa: E402

run()
