"""``mcsp validate FILE...``: the validation report. Exit 0 clean (warnings allowed), 1 rows set aside,
2 a file cannot be read."""

from __future__ import annotations

import click
import polars as pl

from mcsp_rules.cli.umum import (
    jalankan,
    keluaran,
    muat,
    opsi_file,
    opsi_format,
    ringkas_laporan,
    teks,
    tulis,
)


@click.command("validate")
@opsi_file
@opsi_format("teks", "csv", "json", "xlsx", bawaan="teks")
@click.option("--semua", is_flag=True,
              help="setiap baris temuan; tanpa ini, aturan yang kena banyak baris diringkas jadi satu baris")
def perintah(**kw):
    """Tampilkan laporan validasi file ekspor / show the validation report."""
    jalankan(cmd_validate, **kw)


def cmd_validate(args) -> int:
    from mcsp_rules.cli.umum import bahasa

    bhs = bahasa(args)
    data = muat(args)
    lap = data.laporan
    if args.format in ("csv", "json", "xlsx"):
        keluaran(lap.temuan if args.semua else lap.kelompok().with_columns(pl.col("baris_pertama").list.eval(
            pl.element().cast(pl.String)).list.join(", ")), args)
    else:
        from mcsp_rules.format import bulat

        baris = [teks(args, "cli_per_file", file=f["file"], jenis=f["jenis"], dibaca=bulat(f["dibaca"], bhs),
                      dipakai=bulat(f["dipakai"], bhs), disisihkan=bulat(f["disisihkan"], bhs))
                 for f in lap.per_file.iter_rows(named=True)]
        baris += _baris_temuan(args, lap, bhs)
        baris.append(ringkas_laporan(lap, bhs))
        tulis("\n".join(baris) + "\n", args)
    if lap.file_gagal:
        return 2
    return 1 if lap.jumlah_galat else 0


RINGKAS_MULAI = 4  # a rule that hits more rows than this in one file is printed as one line (unless --semua)


def _baris_temuan(args, lap, bhs: str) -> list[str]:
    from mcsp_rules.format import bulat

    def satu(r, tempat: str) -> str:
        kolom = teks(args, "cli_kolom", kolom=r["kolom"]) if r["kolom"] else ""
        pesan, saran = (r["pesan"], r["saran"]) if bhs == "id" else (r["message"], r["fix"])
        tingkat = teks(args, "cli_" + r["tingkat"])
        return f"{tempat}{kolom}: {tingkat}: {pesan}" + (f" {saran}" if saran else "")

    keluar = []
    if args.semua:
        temuan = lap.temuan
    else:
        besar = lap.kelompok().filter(pl.col("jumlah") > RINGKAS_MULAI)
        for g in besar.iter_rows(named=True):
            kunci, isi = ("cli_baris_banyak_nilai", {"nilai": bulat(g["nilai_berbeda"], bhs)}) if g["nilai_berbeda"] > 1 \
                else ("cli_baris_banyak", {})
            tempat = g["file"] + teks(args, kunci, baris=", ".join(map(str, g["baris_pertama"])),
                                      jumlah=bulat(g["jumlah"], bhs), **isi)
            keluar.append(satu(g, tempat) + teks(args, "cli_lihat_semua", sisa=bulat(g["jumlah"] - 1, bhs)))
        # the rest row by row; the grouped rules' rows are never written out
        temuan = lap.temuan_kecuali(besar)
    for r in temuan.sort("file", "baris", nulls_last=False).iter_rows(named=True):
        keluar.append(satu(r, r["file"] + (teks(args, "cli_baris", baris=r["baris"]) if r["baris"] is not None else "")))
    return keluar
