"""The command line: `python -m dashboard <command>`.

Each module of this package adds its commands with `register(commands, imports, exports)`: the
top-level commands and the sub-commands of `import` and `export`. Exit codes: 0 on
success, 1 when a check finds a problem (e.g. a tampered decision log), 2 on bad input, with a
one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from dashboard.errors import DashboardError, ValidationFailed
from models.log_key import LogKeyTooShort

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad command-line usage (reported in one line, exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    import importlib
    import pkgutil

    from dashboard import cli

    parser = _Parser(
        prog="python -m dashboard", description="Living-lab dashboard: administration and data exchange."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    imports = commands.add_parser(
        "import", help="import a file into a project (formats: docs/formats/)"
    ).add_subparsers(dest="kind", required=True, parser_class=_Parser)
    exports = commands.add_parser("export", help="export a project's data to a file").add_subparsers(
        dest="kind", required=True, parser_class=_Parser
    )
    # Every module of this package that has register() adds its commands; core first.
    names = sorted(
        (m.name for m in pkgutil.iter_modules(cli.__path__)), key=lambda name: (name != "core", name)
    )
    for name in names:
        module = importlib.import_module(f"{cli.__name__}.{name}")
        if hasattr(module, "register"):
            module.register(commands, imports, exports)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return int(args.handler(args) or EXIT_OK)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ValidationFailed as error:
        print(error.message("en"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except DashboardError as error:
        print(f"error: {error.message('en')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except LogKeyTooShort as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:  # e.g. an output file in a folder that does not exist
        print(f"error: {error.strerror}: {error.filename}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        from models.db import dispose_engines

        dispose_engines()
