"""``mcsp plugins``: the plugins, their years, areas and weights; switched-off plugins and why."""

from __future__ import annotations

import click
import polars as pl

from mcsp_rules.cli.umum import bahasa, jalankan, keluaran, teks, tulis


@click.command("plugins")
@click.option("--format", type=click.Choice(("teks", "csv", "json")), default="teks", show_default=True)
@click.option("--output", "-o", help="tulis ke file ini, bukan ke layar")
def perintah(**kw):
    """Per tahun: area per jenis pemda, bobot dan sumbernya, pita dan sumbernya, ukuran katalog dan
    apakah resmi / per year: areas per kind of pemda, weights and their source, bands and their source,
    catalogue size and whether it is official."""
    jalankan(cmd_plugins, **kw)


def cmd_plugins(args) -> int:
    from mcsp_rules.plugin.registri import registri_bawaan

    r = registri_bawaan()
    tabel = r.tabel_area()
    if args.format in ("csv", "json"):
        keluaran(tabel, args)
        return 0
    baris = []
    for p in r.plugin:
        if p.aktif:
            tahun = sorted({th for th, _ in p.tahun_area})
            baris.append(teks(args, "cli_plugin_aktif", nama=p.nama, sumber=p.sumber,
                              tahun=", ".join(map(str, tahun)) or "-"))
    for th in r.tahun():
        baris.extend(_per_tahun(args, r, tabel.filter(pl.col("tahun") == th), th))
    for p in r.nonaktif():
        baris.append(teks(args, "cli_plugin_nonaktif", nama=p.nama, sumber=p.sumber, alasan=p.alasan))
    for k in r.konflik:
        baris.append(teks(args, "cli_konflik", konflik=k))
    baris.append(teks(args, "cli_jumlah_area_plugin", area=tabel.height, plugin=sum(p.aktif for p in r.plugin)))
    tulis("\n".join(baris) + "\n", args)
    return 0


def _per_tahun(args, r, tabel: pl.DataFrame, tahun: int) -> list[str]:
    """One year: areas per kind of pemda, weights and their source, bands and their source, catalogue."""
    from mcsp_rules.model import JENIS_PEMDA

    jenis = r.tabel_jenis().filter(pl.col("tahun") == tahun)
    per_jenis = ", ".join(f"{j} {jenis.filter(pl.col('jenis_pemda') == j).height}" for j in JENIS_PEMDA)
    pita = r.pita(tahun)
    resmi = tabel["katalog_resmi"]
    katalog = "; ".join(sorted({s for s in tabel["sumber_katalog"].to_list() if s})) or (
        teks(args, "cli_resmi") if resmi.all() else teks(args, "cli_tidak_resmi"))
    baris = [
        teks(args, "cli_tahun_judul", tahun=tahun),
        teks(args, "cli_area_per_jenis", isi=per_jenis),
        teks(args, "cli_sumber_bobot", sumber="; ".join(sorted(set(tabel["sumber_bobot"].to_list())))),
        teks(args, "cli_pita", pita=pita.teks(), sumber=pita.sumber),
        teks(args, "cli_katalog", indikator=int(tabel["jumlah_indikator"].sum()),
             sub=int(tabel["jumlah_sub_indikator"].sum()), sumber=katalog),
    ]
    for row in tabel.iter_rows(named=True):
        nama = row["nama"] if bahasa(args) == "id" else row["name"]
        asumsi = teks(args, "cli_asumsi") if row["bobot_asumsi"] else ""
        berlaku = "" if set(row["jenis"].split(", ")) == set(JENIS_PEMDA) else f"  ({teks(args, 'cli_hanya', jenis=row['jenis'])})"
        baris.append(f"    {row['area']:<26} {nama:<40} {teks(args, 'cli_bobot')} {row['bobot']:g}{asumsi}"
                     f"  [{row['plugin']}]{berlaku}")
    return baris
