"""What every ``mcsp`` command shares: the language, output to a file or stdout, loading the files,
and one-sentence messages on stderr."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from mcsp_rules.teks import t


class Salah(Exception):
    """A usage problem of one command: one sentence on stderr and an exit code (2 unless told)."""

    def __init__(self, pesan: str, message: str, kode: int = 2):
        super().__init__(pesan)
        self.pesan, self.message, self.kode = pesan, message, kode


def bahasa(args) -> str:
    return getattr(args, "bahasa", None) or os.environ.get("MCSP_BAHASA", "id")


def teks(args, kunci: str, **isi) -> str:
    return t(kunci, bahasa(args), **isi)


def tulis(isi: str, args) -> None:
    if getattr(args, "output", None):
        Path(args.output).write_text(isi, encoding="utf-8")
    else:
        sys.stdout.write(isi)


def keluaran(df, args) -> None:
    from mcsp_rules.io.ekspor import ke_csv, ke_xlsx

    fmt = getattr(args, "format", "csv")
    if fmt == "json":
        tulis(df.write_json(), args)
    elif fmt == "xlsx":
        if not args.output:
            raise Salah(t("cli_xlsx_butuh_output", "id"), t("cli_xlsx_butuh_output", "en"))
        ke_xlsx(df, args.output)
    else:
        tulis(ke_csv(df), args)


def muat(args):
    import mcsp_rules

    return mcsp_rules.load(args.file, sheet=getattr(args, "sheet", None))


def ringkas_laporan(laporan, bhs: str) -> str:
    from mcsp_rules.format import bulat

    return t("cli_ringkas_laporan", bhs, dibaca=bulat(laporan.dibaca, bhs), dipakai=bulat(laporan.dipakai, bhs),
             disisihkan=bulat(laporan.jumlah_disisihkan, bhs), galat=bulat(laporan.jumlah_galat, bhs),
             peringatan=bulat(laporan.jumlah_peringatan, bhs), catatan=bulat(laporan.jumlah_catatan, bhs))


def gagal_ke_stderr(data, bhs: str) -> bool:
    for g in data.laporan.file_gagal:
        print(f"{g['file']}: {g['pesan'] if bhs == 'id' else g['message']}", file=sys.stderr)
    return bool(data.laporan.file_gagal)


def stderr(isi: str) -> None:
    print(isi, file=sys.stderr)


# -------------------------------------------------------------------------- options shared by commands
def opsi_file(f):
    """FILE... plus --sheet and --output, as every command that reads exports takes them."""
    f = click.option("--output", "-o", help="tulis ke file ini, bukan ke layar")(f)
    f = click.option("--sheet", help="nama lembar XLSX (bawaan: lembar yang berisi tabel)")(f)
    return click.argument("file", nargs=-1, required=True, type=click.Path())(f)


def opsi_format(*pilihan: str, bawaan: str):
    return click.option("--format", type=click.Choice(pilihan), default=bawaan, show_default=True)


def jalankan(fungsi, **kw) -> None:
    """Run a command body with its arguments as attributes (``args.file``, ``args.format``…) and
    the group's ``--bahasa``; its return value is the exit code."""
    ctx = click.get_current_context()
    # click gives repeated values as tuples; the API reads a tuple as one (name, bytes) upload
    kw = {k: list(v) if isinstance(v, tuple) else v for k, v in kw.items()}
    args = _Args(bahasa=ctx.find_root().params.get("bahasa"), **kw)
    ctx.exit(fungsi(args) or 0)


class _Args:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __getattr__(self, nama):  # an option a command does not have reads as None
        return None
