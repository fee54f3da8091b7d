"""Console entry point: `framing` (see framing/cli.py)."""
import gc

gc.disable()  # no collections while start-up builds long-lived objects; `main` resumes them
from framing.cli import run as main  # noqa: E402

if __name__ == "__main__":
    main()
