"""The ``rknk`` application: the Typer app, its global options, and the one error boundary.

Every error the core raises is turned into one line on stderr and a documented
exit code in :class:`_Group.main`, the single boundary between the library and
the user. The commands live in the modules beside this one and register
themselves on :data:`app` when :mod:`rknk.cli` imports them.
"""

import contextlib
import copy
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from rknk import __version__
from rknk.cli.options import DataOpt, examples
from rknk.cli.output import PAGER, adopt_standard_streams, message, output_failure, quiet_stdout
from rknk.errors import EXIT_DATA, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, RknkError

DEBUG_ENV = "RKNK_DEBUG"
#: Set by the shell completion script when it asks rknk for candidates.
COMPLETE_VAR = "_RKNK_COMPLETE"
EXIT_CODES_HELP = """
Exit codes: 0 success (also when nothing matches), 1 data or runtime error
(invalid data, unknown claim id, failed verification), 2 usage error (bad option
value, unknown topic or actor), 130 interrupted.
"""


def _fail(text: str, code: int) -> NoReturn:
    # Messages echo ids, names, dates and paths from the data or the command
    # line: message() shows them as one visible line, never a control sequence.
    message(f"rknk: error: {text}")
    raise SystemExit(code)


class _Group(TyperGroup):
    """Runs the command and turns every expected failure into one line on stderr."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        # typer vendors Click; its exceptions are only reachable through this module.
        from typer._click.exceptions import ClickException, NoArgsIsHelpError

        adopt_standard_streams()
        if os.environ.get(COMPLETE_VAR):
            from typer._completion_classes import completion_init

            completion_init()  # what typer does only when it adds --install-completion
        try:
            try:
                code = super().main(args, prog_name, complete_var or COMPLETE_VAR, standalone_mode=False, **extra)
            except NoArgsIsHelpError as error:
                # Plain "rknk" asks what it can do: the help, as "rknk --help" prints it.
                sys.stdout.write(error.format_message() + "\n")
                code = EXIT_OK
            sys.stdout.flush()  # short output is still buffered: a full disk shows here
        except RknkError as error:
            _fail(str(error), error.exit_code)
        except ClickException as error:
            message = error.format_message().replace("\n", " ")
            ctx = getattr(error, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            _fail(message + hint, EXIT_USAGE if error.exit_code == 2 else EXIT_DATA)
        except (typer.Abort, KeyboardInterrupt):
            raise SystemExit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            quiet_stdout()
            raise SystemExit(EXIT_OK) from None
        except Exception as error:
            failure = output_failure(error) if isinstance(error, OSError) else None
            if failure is not None:  # stdout closed (>&-) or full (>/dev/full)
                _fail(failure, EXIT_DATA)
            # A bug, not a user error: still one line, with the traceback on request.
            if os.environ.get(DEBUG_ENV):
                raise
            _fail(f"internal error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)", EXIT_DATA)
        code = code if isinstance(code, int) else EXIT_OK
        if standalone_mode:
            raise SystemExit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        # Click turns a broken pipe into exit 1 before main() can see it; a reader
        # that has gone (rknk events | head -1) is not an error.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            quiet_stdout()
            return EXIT_OK


app = typer.Typer(
    cls=_Group,
    name="rknk",
    help="Sourced claims about Russia–North Korea military relations, each with a verbatim quote from its source."
    + "\n\n"
    + EXIT_CODES_HELP,
    epilog=examples(
        "rknk events --since 2023",
        "rknk search Kursk",
        "rknk show treaty-signed-2024-06",
        "rknk events --actor Belousov --json | jq '.[].statement'",
    )
    + "\n\n\b\nEnvironment: RKNK_DATA (data folder), RKNK_CACHE_DIR (cache folder),\n"
    + "RKNK_NO_CACHE=1 (no index cache), RKNK_DEBUG=1 (tracebacks), NO_COLOR.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"rknk {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    data: DataOpt = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page a long table (also: PAGER=cat).")] = False,
) -> None:
    """Sourced claims about Russia–North Korea military relations."""
    ctx.obj = data
    PAGER.allowed = not no_pager


def _named_command(args: Sequence[str]) -> str | None:
    """The command a command line names, skipping the global options before it; None if none."""
    rest = list(args)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--data" and rest:
            rest.pop(0)  # its value
        elif option not in ("--version", "--no-pager") and not option.startswith("--data="):
            return None  # --help or an unknown option: the whole application answers
    return rest[0] if rest else None


def lean_app(args: Sequence[str]) -> typer.Typer:
    """The application with only the command (or group) ``args`` name registered, or the whole one.

    Typer turns every registered command into a Click command, options and all,
    on every run; with a dozen commands that costs more than a lookup's own
    work. A command line that names a known command gets an application with
    that command alone: its options, help and errors are the same. Anything
    else (no command, ``--help``, a misspelt command that deserves suggestions)
    gets the whole application.
    """
    wanted = _named_command(args)
    commands = [info for info in app.registered_commands if _command_name(info) == wanted]
    groups = [info for info in app.registered_groups if _group_name(info) == wanted]
    if len(commands) + len(groups) != 1:
        return app
    lean = copy.copy(app)
    lean.registered_commands = commands
    lean.registered_groups = groups  # a group (``export``) brings its own commands along
    return lean


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def _group_name(info: Any) -> str | None:
    return info.name or (info.typer_instance.info.name if info.typer_instance else None)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the application as the ``rknk`` command does.

    Help and messages hold characters such as "–" that an ASCII or Latin-1
    console cannot encode (``PYTHONIOENCODING=ascii``): they are replaced there
    rather than ending in a traceback. Machine formats switch stdout to UTF-8.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace" if stream is sys.stderr else "replace")
    args = list(argv) if argv is not None else sys.argv[1:]
    lean_app(args)(args=args, prog_name="rknk")
