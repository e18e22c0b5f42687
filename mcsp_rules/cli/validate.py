"""``mcsp validate FILE...``: the validation report. Exit 0 clean (warnings allowed), 1 rows set aside,
2 a file cannot be read."""

from __future__ import annotations

import click

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
def perintah(**kw):
    """Tampilkan laporan validasi file ekspor / show the validation report."""
    jalankan(cmd_validate, **kw)


def cmd_validate(args) -> int:
    import polars as pl

    from mcsp_rules.cli.umum import bahasa

    bhs = bahasa(args)
    data = muat(args)
    lap = data.laporan
    if args.format in ("csv", "json", "xlsx"):
        keluaran(lap.temuan, args)
    else:
        baris = [teks(args, "cli_per_file", file=f["file"], jenis=f["jenis"], dibaca=f["dibaca"], dipakai=f["dipakai"],
                      disisihkan=f["disisihkan"]) for f in lap.per_file.iter_rows(named=True)]
        for r in lap.temuan.sort("file", "baris", nulls_last=False).iter_rows(named=True):
            tempat = r["file"] + (teks(args, "cli_baris", baris=r["baris"]) if r["baris"] is not None else "")
            kolom = teks(args, "cli_kolom", kolom=r["kolom"]) if r["kolom"] else ""
            tingkat = teks(args, f"cli_{r['tingkat']}")
            pesan, saran = (r["pesan"], r["saran"]) if bhs == "id" else (r["message"], r["fix"])
            baris.append(f"{tempat}{kolom}: {tingkat}: {pesan}" + (f" {saran}" if saran else ""))
        baris.append(ringkas_laporan(lap, bhs))
        tulis("\n".join(baris) + "\n", args)
    if lap.file_gagal:
        return 2
    return 1 if lap.temuan.filter(pl.col("tingkat") == "galat").height else 0
