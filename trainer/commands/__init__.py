"""Subcommands of `yinzi-train`, one module each, each exposing `register(subparsers)`."""
