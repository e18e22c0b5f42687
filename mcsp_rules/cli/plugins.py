"""``mcsp plugins``: the plugins, their years, areas and weights; switched-off plugins and why."""

from __future__ import annotations

import click

from mcsp_rules.cli.umum import bahasa, jalankan, keluaran, teks, tulis


@click.command("plugins")
@click.option("--format", type=click.Choice(("teks", "csv", "json")), default="teks", show_default=True)
@click.option("--output", "-o", help="tulis ke file ini, bukan ke layar")
def perintah(**kw):
    """Daftar plugin, tahun, area dan bobot / list plugins, years, areas and weights."""
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
    for row in tabel.iter_rows(named=True):
        nama = row["nama"] if bahasa(args) == "id" else row["name"]
        asumsi = teks(args, "cli_asumsi") if row["bobot_asumsi"] else ""
        baris.append(f"  {row['tahun']} {row['area']:<26} {nama:<48} {teks(args, 'cli_bobot')} {row['bobot']:g}{asumsi}"
                     f"  [{row['plugin']}]")
    for p in r.nonaktif():
        baris.append(teks(args, "cli_plugin_nonaktif", nama=p.nama, sumber=p.sumber, alasan=p.alasan))
    for k in r.konflik:
        baris.append(teks(args, "cli_konflik", konflik=k))
    baris.append(teks(args, "cli_jumlah_area_plugin", area=tabel.height, plugin=sum(p.aktif for p in r.plugin)))
    tulis("\n".join(baris) + "\n", args)
    return 0
