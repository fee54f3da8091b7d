"""The built-in lexicons (TOML data), installed as the package `framing.lexicons`."""
