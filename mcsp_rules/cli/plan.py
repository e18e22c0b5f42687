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

import click

from mcsp_rules.cli.umum import (
    bahasa,
    gagal_ke_stderr,
    jalankan,
    keluaran,
    muat,
    opsi_file,
    stderr,
    teks,
)
from mcsp_rules.teks import t

MAKS_KALIMAT = 5  # more unreachable pemda than this are summarised in one sentence


@click.command("plan")
@opsi_file
@click.option("--wilayah", required=True, help="kode pemda (62.01) atau kode provinsi (62: semua pemdanya)")
@click.option("--hanya-pemda", is_flag=True, help="dengan kode provinsi: hanya pemerintah provinsinya, bukan kabupaten/kota")
@click.option("--tahun", type=int, help="tahun (bawaan: tahun terakhir di data)")
@click.option("--target", help="indeks target 0–100 atau nama kategori (Hijau = 75)")
@click.option("--budget", "--anggaran", "anggaran", help="anggaran usaha per pemda")
@click.option("--usaha", multiple=True, metavar="STATUS=NILAI",
              help="ganti usaha per status, mis. --usaha 'perlu perbaikan=4' --usaha belum=5")
@click.option("--bobot", type=click.Path(), help="file CSV bobot area (kolom tahun, area, bobot)")
@click.option("--format", type=click.Choice(("csv", "json", "xlsx")), default="csv", show_default=True)
def perintah(**kw):
    """Rencana aksi dengan usaha paling kecil untuk mencapai target / the least-effort action plan."""
    if (kw["target"] is None) == (kw["anggaran"] is None):
        raise click.UsageError(t("cli_target_atau_anggaran", "id") + " / " + t("cli_target_atau_anggaran", "en"))
    kw["usaha"] = [u for nilai in kw["usaha"] for u in nilai.split(",")] if kw["usaha"] else []
    jalankan(cmd_plan, **kw)


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
    from mcsp_rules.format import angka

    return angka(x, bahasa, 0 if float(x).is_integer() else 2)


def cmd_plan(args) -> int:
    _izinkan_numpy()
    from mcsp_rules.format import angka
    from mcsp_rules.galat import MCSPError
    from mcsp_rules.hitung.skor import baca_file_bobot
    from mcsp_rules.io.ekspor import ke_xlsx
    from mcsp_rules.perencanaan.rencana import adalah_nama_pita, baca_target, baca_usaha, rencana

    bhs = bahasa(args)
    # check every argument before reading the data
    # a band name stays a name: rencana resolves it with the bands of the plan's year
    target = args.target if args.target is None or adalah_nama_pita(args.target) else baca_target(args.target)
    usaha = baca_usaha(args.usaha)
    if args.format == "xlsx" and not args.output:
        raise MCSPError(t("cli_xlsx_butuh_output", "id"), t("cli_xlsx_butuh_output", "en"))
    bobot = baca_file_bobot(args.bobot) if args.bobot else None
    kode = args.wilayah.strip()
    provinsi = "." not in kode and not args.hanya_pemda

    data = muat(args)
    if gagal_ke_stderr(data, bhs):
        return 2
    with _stdout_c_senyap():
        r = rencana(data, None if provinsi else kode, kode_provinsi=kode if provinsi else None, tahun=args.tahun,
                    target=target, anggaran=args.anggaran, usaha=usaha, bobot=bobot)

    if args.format == "xlsx":
        ke_xlsx({"Rencana": r.tabel(), "Ringkasan": r.ringkasan}, args.output)
    else:
        keluaran(r.tabel(), args)

    if not r.tercapai:
        kalimat = r.kalimat(bhs)
        if len(kalimat) > MAKS_KALIMAT:
            gagal = r.tidak_tercapai["kode_wilayah"].to_list()
            kalimat = [teks(args, "cli_target_tidak_tercapai", target=angka(r.target, bhs), n=len(gagal),
                            dari=r.ringkasan.height, daftar=", ".join(gagal[:10]) + (", …" if len(gagal) > 10 else ""))]
        for k in kalimat:
            stderr(k)
        return 1

    rs = r.ringkasan
    if "jumlah_verifikasi" in rs.columns and rs["jumlah_verifikasi"].sum():  # what waits on KPK, not on the pemda
        stderr(teks(args, "cli_menunggu_verifikasi", n=int(rs["jumlah_verifikasi"].sum()),
                    kenaikan=angka(float(rs["kenaikan_verifikasi"].sum()), bhs)))
    total_usaha, total_item = rs["usaha_total"].sum(), int(rs["jumlah_item"].sum())
    if rs.height == 1:
        x = rs.row(0, named=True)
        stderr(teks(args, "cli_rencana_satu", kode=x["kode_wilayah"], tahun=r.tahun, awal=angka(x["indeks_sebelum"], bhs),
                    akhir=angka(x["indeks_sesudah"], bhs), kategori=x["kategori_sesudah"],
                    usaha=_usaha(total_usaha, bhs), n=total_item))
    else:
        stderr(teks(args, "cli_rencana_banyak", n=rs.height, tahun=r.tahun, usaha=_usaha(total_usaha, bhs),
                    item=total_item, sudah=int((rs["keadaan"] == "sudah").sum())))
    return 0
