"""The ``mcsp`` command: validate, score and inspect plugins from a terminal or a script.

Errors are one sentence per problem on stderr, never a traceback. Exit codes: 0 fine, 1 the data
has errors (validate) or a target is out of reach, 2 unreadable input or wrong usage.
"""

from __future__ import annotations

import argparse
import importlib.abc
import os
import sys
from pathlib import Path


class _TanpaModul(importlib.abc.MetaPathFinder):
    """pandera imports pandas, numpy and hypothesis at start-up although its Polars backend uses
    none of them; they cost ~0.7 s of a CLI run. The CLI process pretends they are absent (pandera
    supports running without them). The dashboard, which needs pandas anyway, does not do this.
    MCSP_IMPOR_PENUH=1 turns this off."""

    NAMA = ("pandas", "numpy", "hypothesis")

    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in self.NAMA:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None


def _bahasa(args) -> str:
    return getattr(args, "bahasa", None) or os.environ.get("MCSP_BAHASA", "id")


def _tulis(teks: str, args) -> None:
    if getattr(args, "output", None):
        Path(args.output).write_text(teks, encoding="utf-8")
    else:
        sys.stdout.write(teks)


def _keluaran(df, args) -> None:
    from .export import ke_csv, ke_xlsx

    fmt = getattr(args, "format", "csv")
    if fmt == "json":
        _tulis(df.write_json(), args)
    elif fmt == "xlsx":
        if not args.output:
            raise _Salah("format xlsx butuh --output FILE.", "the xlsx format needs --output FILE.")
        ke_xlsx(df, args.output)
    else:
        _tulis(ke_csv(df), args)


class _Salah(Exception):
    def __init__(self, pesan: str, message: str, kode: int = 2):
        super().__init__(pesan)
        self.pesan, self.message, self.kode = pesan, message, kode


def _muat(args):
    import mcsp_rules

    data = mcsp_rules.load(args.file, sheet=getattr(args, "sheet", None))
    return data


def _ringkas_laporan(laporan, bahasa: str) -> str:
    from .format import bulat

    if bahasa == "id":
        return (f"{bulat(laporan.dibaca)} baris dibaca, {bulat(laporan.dipakai)} dipakai, "
                f"{bulat(laporan.jumlah_disisihkan)} disisihkan; {bulat(laporan.jumlah_galat)} galat, "
                f"{bulat(laporan.jumlah_peringatan)} peringatan.")
    return (f"{bulat(laporan.dibaca, 'en')} rows read, {bulat(laporan.dipakai, 'en')} used, "
            f"{bulat(laporan.jumlah_disisihkan, 'en')} set aside; {bulat(laporan.jumlah_galat, 'en')} errors, "
            f"{bulat(laporan.jumlah_peringatan, 'en')} warnings.")


def _gagal_ke_stderr(data, bahasa: str) -> bool:
    for g in data.laporan.file_gagal:
        print(f"{g['file']}: {g['pesan'] if bahasa == 'id' else g['message']}", file=sys.stderr)
    return bool(data.laporan.file_gagal)


# ------------------------------------------------------------------------------------ commands
def cmd_validate(args) -> int:
    import polars as pl

    bahasa = _bahasa(args)
    data = _muat(args)
    lap = data.laporan
    if args.format in ("csv", "json", "xlsx"):
        _keluaran(lap.temuan, args)
    else:
        baris = []
        for f in lap.per_file.iter_rows(named=True):
            if bahasa == "id":
                baris.append(f"{f['file']} ({f['jenis']}): {f['dibaca']} dibaca = {f['dipakai']} dipakai + {f['disisihkan']} disisihkan")
            else:
                baris.append(f"{f['file']} ({f['jenis']}): {f['dibaca']} read = {f['dipakai']} used + {f['disisihkan']} set aside")
        for t in lap.temuan.sort("file", "baris", nulls_last=False).iter_rows(named=True):
            tempat = t["file"] + (f", baris {t['baris']}" if bahasa == "id" else f", row {t['baris']}") if t["baris"] is not None else t["file"]
            kolom = f", kolom {t['kolom']}" if t["kolom"] and bahasa == "id" else (f", column {t['kolom']}" if t["kolom"] else "")
            tingkat = {"galat": "GALAT" if bahasa == "id" else "ERROR", "peringatan": "PERINGATAN" if bahasa == "id" else "WARNING"}[t["tingkat"]]
            pesan, saran = (t["pesan"], t["saran"]) if bahasa == "id" else (t["message"], t["fix"])
            baris.append(f"{tempat}{kolom}: {tingkat}: {pesan}" + (f" {saran}" if saran else ""))
        baris.append(_ringkas_laporan(lap, bahasa))
        _tulis("\n".join(baris) + "\n", args)
    if lap.file_gagal:
        return 2
    return 1 if lap.temuan.filter(pl.col("tingkat") == "galat").height else 0


def cmd_score(args) -> int:
    import mcsp_rules

    bahasa = _bahasa(args)
    data = _muat(args)
    if _gagal_ke_stderr(data, bahasa):
        return 2
    hasil = mcsp_rules.score(data, level=args.level, bobot=args.bobot)
    if args.tahun:
        hasil = hasil.filter(hasil["tahun"] == args.tahun)
    _keluaran(hasil, args)
    print(_ringkas_laporan(data.laporan, bahasa), file=sys.stderr)
    if data.laporan.jumlah_disisihkan:
        print("Jalankan `mcsp validate` untuk melihat baris yang disisihkan." if bahasa == "id"
              else "Run `mcsp validate` to see the rows set aside.", file=sys.stderr)
    from .skor import baca_file_bobot

    bobot = mcsp_rules.bobot_dipakai(data, baca_file_bobot(args.bobot) if args.bobot else None)
    for sumber in bobot["sumber_bobot"].unique().sort().to_list():
        print(("Bobot area: " if bahasa == "id" else "Area weights: ") + sumber, file=sys.stderr)
    return 0


def cmd_plugins(args) -> int:
    import polars as pl

    from .plugins import registri_bawaan

    bahasa = _bahasa(args)
    r = registri_bawaan()
    tabel = r.tabel_area()
    if args.format in ("csv", "json"):
        _keluaran(tabel, args)
    else:
        baris = []
        for p in r.plugin:
            if p.aktif:
                tahun = sorted({t for t, _ in p.tahun_area})
                baris.append(f"{p.nama} [{p.sumber}] aktif: " + (", ".join(map(str, tahun)) or "-") if bahasa == "id"
                             else f"{p.nama} [{p.sumber}] active: " + (", ".join(map(str, tahun)) or "-"))
        for row in tabel.iter_rows(named=True):
            nama = row["nama"] if bahasa == "id" else row["name"]
            asumsi = (" (asumsi)" if bahasa == "id" else " (assumption)") if row["bobot_asumsi"] else ""
            baris.append(f"  {row['tahun']} {row['area']:<26} {nama:<48} bobot {row['bobot']:g}{asumsi}  [{row['plugin']}]")
        for p in r.nonaktif():
            baris.append((f"NONAKTIF {p.nama} [{p.sumber}]: {p.alasan}" if bahasa == "id"
                          else f"SWITCHED OFF {p.nama} [{p.sumber}]: {p.alasan}"))
        for k in r.konflik:
            baris.append(("KONFLIK " if bahasa == "id" else "CONFLICT ") + k)
        baris.append(f"{tabel.height} area/tahun dari {sum(p.aktif for p in r.plugin)} plugin aktif."
                     if bahasa == "id" else f"{tabel.height} area/year entries from {sum(p.aktif for p in r.plugin)} active plugins.")
        _tulis("\n".join(baris) + "\n", args)
    return 0


# --------------------------------------------------------------------------------------- parser
def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mcsp", description="Validasi dan skor ekspor MCP/MCSP KPK (IPKD).")
    p.add_argument("--bahasa", choices=("id", "en"), help="bahasa pesan (bawaan: id, atau MCSP_BAHASA)")
    sub = p.add_subparsers(dest="perintah", required=True)

    def dengan_file(sp):
        sp.add_argument("file", nargs="+", help="file ekspor CSV/XLSX")
        sp.add_argument("--sheet", help="nama lembar XLSX (bawaan: lembar pertama)")
        sp.add_argument("--output", "-o", help="tulis ke file ini, bukan ke layar")

    v = sub.add_parser("validate", help="tampilkan laporan validasi")
    dengan_file(v)
    v.add_argument("--format", choices=("teks", "csv", "json", "xlsx"), default="teks")
    v.set_defaults(fungsi=cmd_validate)

    s = sub.add_parser("score", help="hitung indeks per wilayah, area atau provinsi")
    dengan_file(s)
    s.add_argument("--level", choices=("wilayah", "area", "provinsi"), default="wilayah")
    s.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    s.add_argument("--tahun", type=int, help="hanya tahun ini")
    s.add_argument("--bobot", help="file CSV bobot area (kolom tahun, area, bobot)")
    s.set_defaults(fungsi=cmd_score)

    g = sub.add_parser("plugins", help="daftar plugin, tahun, area dan bobot")
    g.add_argument("--format", choices=("teks", "csv", "json"), default="teks")
    g.add_argument("--output", "-o")
    g.set_defaults(fungsi=cmd_plugins)

    for tambah in _perintah_tambahan():
        tambah(sub, dengan_file)
    return p


def _perintah_tambahan():
    """Sub-commands that live in their own modules (simulate, plan, history), added when present."""
    hasil = []
    for nama in ("simulasi", "rencana", "riwayat"):
        try:
            modul = __import__(f"mcsp_rules.{nama}_cli", fromlist=["daftarkan"])
        except ModuleNotFoundError:
            continue
        hasil.append(modul.daftarkan)
    return hasil


def main(argv: list[str] | None = None) -> int:
    if not os.environ.get("MCSP_IMPOR_PENUH"):
        sys.meta_path.insert(0, _TanpaModul())
    parser = _parser()
    args = parser.parse_args(argv)
    from .errors import MCSPError

    bahasa = _bahasa(args)
    try:
        return args.fungsi(args)
    except _Salah as e:
        print(e.pesan if bahasa == "id" else e.message, file=sys.stderr)
        return e.kode
    except MCSPError as e:
        print(e.teks(bahasa), file=sys.stderr)
        return 2
    except OSError as e:
        print(f"{e.filename or ''}: {e.strerror}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 — the promise is: never a traceback
        print(("Terjadi kesalahan tak terduga: " if bahasa == "id" else "Unexpected error: ")
              + f"{type(e).__name__}: {e}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
