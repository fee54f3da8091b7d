"""Console entry point: `framing` (see framing/cli.py)."""
from framing.cli import main

if __name__ == "__main__":
    main()
