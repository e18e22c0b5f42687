"""``mcsp plan FILE... --wilayah CODE (--target T | --budget B)``: the least-effort action plan.

Writes one row per chosen item: tahun, kode_wilayah, area, sub_indikator, status, usaha, kenaikan.
``--wilayah`` is a pemda code (``62.01``) or a province code (``62``: every pemda of the province;
with ``--hanya-pemda``, only the provincial government itself). A target out of reach still writes
the best reachable plan (every gap closed), says so in one sentence on stderr and exits 1.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

MAKS_KALIMAT = 5  # more unreachable pemda than this are summarised in one sentence


def daftarkan(sub, dengan_file) -> None:
    p = sub.add_parser("plan", help="rencana aksi dengan usaha paling kecil untuk mencapai target indeks")
    dengan_file(p)
    p.add_argument("--wilayah", required=True, help="kode pemda (62.01) atau kode provinsi (62: semua pemdanya)")
    p.add_argument("--hanya-pemda", action="store_true",
                   help="dengan kode provinsi: hanya pemerintah provinsinya, bukan kabupaten/kota")
    p.add_argument("--tahun", type=int, help="tahun (bawaan: tahun terakhir di data)")
    tujuan = p.add_mutually_exclusive_group(required=True)
    tujuan.add_argument("--target", help="indeks target 0–100 atau nama kategori (Hijau = 75)")
    tujuan.add_argument("--budget", "--anggaran", dest="anggaran", help="anggaran usaha per pemda")
    p.add_argument("--usaha", action="extend", nargs="+", metavar="STATUS=NILAI", default=[],
                   help="ganti usaha per status, mis. 'perlu perbaikan=4' belum=5")
    p.add_argument("--bobot", help="file CSV bobot area (kolom tahun, area, bobot)")
    p.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    p.set_defaults(fungsi=cmd_plan)


def _izinkan_numpy() -> None:
    """The CLI hides numpy to start faster (cli._TanpaModul); the solver (scipy) needs it, so this
    command lifts the hiding before it imports anything of scipy."""
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "_TanpaModul"]


@contextmanager
def _stdout_c_senyap():
    """HiGHS can print a debug line straight to file descriptor 1 while solving; stdout is where
    this command writes its CSV, so the descriptor points to /dev/null meanwhile."""
    sys.stdout.flush()
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    simpan, kosong = os.dup(fd), os.open(os.devnull, os.O_WRONLY)
    os.dup2(kosong, fd)
    try:
        yield
    finally:
        os.dup2(simpan, fd)
        os.close(simpan)
        os.close(kosong)


def _usaha(x: float, bahasa: str = "id") -> str:
    from .format import angka

    return angka(x, bahasa, 0 if float(x).is_integer() else 2)


def cmd_plan(args) -> int:
    _izinkan_numpy()
    from .cli import _bahasa, _gagal_ke_stderr, _keluaran, _muat
    from .errors import MCSPError
    from .export import ke_xlsx
    from .format import angka
    from .rencana import baca_target, baca_usaha, rencana
    from .skor import baca_file_bobot

    bahasa = _bahasa(args)
    id_ = bahasa == "id"
    # check every argument before reading the data
    target = baca_target(args.target) if args.target is not None else None
    usaha = baca_usaha(args.usaha)
    if args.format == "xlsx" and not args.output:
        raise MCSPError("format xlsx butuh --output FILE.", "the xlsx format needs --output FILE.")
    bobot = baca_file_bobot(args.bobot) if args.bobot else None
    kode = args.wilayah.strip()
    provinsi = "." not in kode and not args.hanya_pemda

    data = _muat(args)
    if _gagal_ke_stderr(data, bahasa):
        return 2
    with _stdout_c_senyap():
        r = rencana(data, None if provinsi else kode, kode_provinsi=kode if provinsi else None, tahun=args.tahun,
                    target=target, anggaran=args.anggaran, usaha=usaha, bobot=bobot)

    if args.format == "xlsx":
        ke_xlsx({"Rencana": r.tabel(), "Ringkasan": r.ringkasan}, args.output)
    else:
        _keluaran(r.tabel(), args)

    if not r.tercapai:
        kalimat = r.kalimat(bahasa)
        if len(kalimat) > MAKS_KALIMAT:
            gagal = r.tidak_tercapai["kode_wilayah"].to_list()
            daftar = ", ".join(gagal[:10]) + (", …" if len(gagal) > 10 else "")
            kalimat = [
                f"Target {angka(r.target)} tidak tercapai untuk {len(gagal)} dari {r.ringkasan.height} pemda ({daftar}); "
                f"rencana mereka berisi semua celah yang bisa ditutup." if id_ else
                f"Target {angka(r.target, 'en')} is out of reach for {len(gagal)} of {r.ringkasan.height} pemda ({daftar}); "
                f"their plans close every gap that can be closed."]
        for k in kalimat:
            print(k, file=sys.stderr)
        return 1

    rs = r.ringkasan
    total_usaha, total_item = rs["usaha_total"].sum(), int(rs["jumlah_item"].sum())
    if rs.height == 1:
        x = rs.row(0, named=True)
        print(
            f"{x['kode_wilayah']} ({r.tahun}): indeks {angka(x['indeks_sebelum'])} → {angka(x['indeks_sesudah'])} "
            f"({x['kategori_sesudah']}) dengan usaha {_usaha(total_usaha)} untuk {total_item} dokumen." if id_ else
            f"{x['kode_wilayah']} ({r.tahun}): index {angka(x['indeks_sebelum'], 'en')} → {angka(x['indeks_sesudah'], 'en')} "
            f"({x['kategori_sesudah']}) with effort {_usaha(total_usaha, 'en')} for {total_item} documents.",
            file=sys.stderr,
        )
    else:
        sudah = int((rs["keadaan"] == "sudah").sum())
        print(
            f"{rs.height} pemda ({r.tahun}): total usaha {_usaha(total_usaha)} untuk {total_item} dokumen; "
            f"{sudah} pemda tidak perlu aksi." if id_ else
            f"{rs.height} pemda ({r.tahun}): total effort {_usaha(total_usaha, 'en')} for {total_item} documents; "
            f"{sudah} pemda need no action.",
            file=sys.stderr,
        )
    return 0
