"""The ``mcsp`` command (click): validate, score, plugins, simulate, plan, history, and any command a
plugin adds through the ``mcsp_perintah`` hook.

Errors are one sentence per problem on stderr, never a traceback. Exit codes: 0 fine, 1 the data
has errors (validate) or a target is out of reach, 2 unreadable input or wrong usage, 3 an
unexpected error (reported in one sentence too).
"""

from __future__ import annotations

import importlib
import importlib.abc
import os
import sys

import click

from mcsp_rules.teks import t

# The built-in commands, one module each (module name = command name). Each is imported on its own:
# a command whose module cannot be imported is still listed, and says what is missing when run.
PERINTAH_BAWAAN = ("validate", "score", "plugins", "simulate", "plan", "history")


class _TanpaModul(importlib.abc.MetaPathFinder):
    """pandera imports pandas, numpy and hypothesis at start-up although its Polars backend uses
    none of them; they cost ~0.7 s of a CLI run. The CLI process pretends they are absent (pandera
    supports running without them). The dashboard, which needs pandas anyway, does not do this.
    MCSP_IMPOR_PENUH=1 turns this off; commands that need numpy (plan) lift it themselves."""

    NAMA = ("pandas", "numpy", "hypothesis")

    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in self.NAMA:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None


def _perintah_rusak(nama: str, galat: Exception) -> click.Command:
    """A stand-in for a command whose module failed to import: listed in --help, and run it says why."""
    paket = getattr(galat, "name", None) or str(galat)

    @click.command(nama, context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
                   help=t("cli_perintah_rusak_bantuan", "id", paket=paket))
    def rusak(**_):
        bhs = click.get_current_context().find_root().params.get("bahasa") or os.environ.get("MCSP_BAHASA", "id")
        click.echo(t("cli_perintah_rusak", bhs, perintah=nama, paket=paket), err=True)
        sys.exit(2)

    return rusak


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--bahasa", type=click.Choice(("id", "en")), help="bahasa pesan (bawaan: id, atau MCSP_BAHASA)")
def mcsp(bahasa):
    """Validasi dan skor ekspor MCP/MCSP KPK (IPKD) / validate and score KPK MCP/MCSP exports."""


def _pasang_perintah(grup: click.Group) -> None:
    for nama in PERINTAH_BAWAAN:
        try:
            grup.add_command(importlib.import_module(f"mcsp_rules.cli.{nama}").perintah, nama)
        except ImportError as e:
            grup.add_command(_perintah_rusak(nama, e), nama)
    # Commands from plugins (hook mcsp_perintah), called through pluggy; a plugin that raises is
    # switched off and reported, the built-in commands stay.
    from mcsp_rules.plugin.registri import _PluginRusak, registri_bawaan

    registri = registri_bawaan()
    while True:
        try:
            registri.panggil("mcsp_perintah", cli=grup)
            return
        except _PluginRusak as rusak:
            print(f"{rusak.plugin}: {rusak.alasan}", file=sys.stderr)
            registri.matikan(rusak.plugin, rusak.alasan)


def main(argv: list[str] | None = None) -> int:
    if not os.environ.get("MCSP_IMPOR_PENUH"):
        sys.meta_path.insert(0, _TanpaModul())
    from mcsp_rules.cli.umum import Salah
    from mcsp_rules.galat import MCSPError

    args = sys.argv[1:] if argv is None else list(argv)
    bhs = os.environ.get("MCSP_BAHASA", "id")
    if "--bahasa" in args and args.index("--bahasa") + 1 < len(args):
        bhs = args[args.index("--bahasa") + 1]
    try:
        _pasang_perintah(mcsp)
        hasil = mcsp.main(args=args, prog_name="mcsp", standalone_mode=False)
        return hasil if isinstance(hasil, int) else 0
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.Abort:
        return 130
    except Salah as e:
        print(e.pesan if bhs == "id" else e.message, file=sys.stderr)
        return e.kode
    except MCSPError as e:
        print(e.teks(bhs), file=sys.stderr)
        return 2
    except OSError as e:
        print(f"{e.filename or ''}: {e.strerror}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except ModuleNotFoundError as e:
        print(t("cli_paket_hilang", bhs, paket=e.name or str(e)), file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 — the promise is: never a traceback
        print(t("cli_tak_terduga", bhs) + f"{type(e).__name__}: {e}", file=sys.stderr)
        return 3
