"""``mcsp score FILE... [--level wilayah|area|provinsi]``: scores with design.md §4's columns; CSV with
``.`` decimals and full precision. The weights used are named on stderr."""

from __future__ import annotations

import click

from mcsp_rules.cli.umum import (
    bahasa,
    gagal_ke_stderr,
    jalankan,
    keluaran,
    muat,
    opsi_file,
    opsi_format,
    ringkas_laporan,
    stderr,
    teks,
)


@click.command("score")
@opsi_file
@click.option("--level", type=click.Choice(("wilayah", "area", "provinsi")), default="wilayah", show_default=True)
@opsi_format("csv", "json", "xlsx", bawaan="csv")
@click.option("--tahun", type=int, help="hanya tahun ini")
@click.option("--bobot", type=click.Path(), help="file CSV bobot area (kolom tahun, area, bobot)")
def perintah(**kw):
    """Hitung indeks per wilayah, area atau provinsi / compute the index per region, area or province."""
    jalankan(cmd_score, **kw)


def cmd_score(args) -> int:
    import mcsp_rules
    from mcsp_rules.hitung.skor import baca_file_bobot

    bhs = bahasa(args)
    data = muat(args)
    if gagal_ke_stderr(data, bhs):
        return 2
    hasil = mcsp_rules.score(data, level=args.level, bobot=args.bobot)
    if args.tahun:
        hasil = hasil.filter(hasil["tahun"] == args.tahun)
    keluaran(hasil, args)
    stderr(ringkas_laporan(data.laporan, bhs))
    if data.laporan.jumlah_disisihkan:
        stderr(teks(args, "cli_lihat_validate"))
    # the weights the indices used: per pemda (the export's own three levels win over a plugin's)
    per_pemda = hasil if "sumber_bobot" in hasil.columns else mcsp_rules.score(data, "wilayah", bobot=args.bobot)
    sumber = [x for x in per_pemda["sumber_bobot"].drop_nulls().unique().sort().to_list() if x]
    if not sumber:
        bobot = mcsp_rules.bobot_dipakai(data, baca_file_bobot(args.bobot) if args.bobot else None)
        sumber = bobot["sumber_bobot"].unique().sort().to_list()
    for s in sumber:
        stderr(teks(args, "cli_bobot_area", sumber=s))
    return 0
