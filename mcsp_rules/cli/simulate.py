"""``mcsp simulate FILE... --scenario S.json``: replay a saved what-if scenario.

Prints, per pemda in the scenario's scope, the numbers the Simulasi page shows:
tahun, kode_wilayah, indeks_sebelum, indeks_sesudah, kategori_sebelum, kategori_sesudah,
peringkat_provinsi_sebelum, peringkat_provinsi_sesudah. What each action touched, warnings and the
weights used go to stderr.
"""

from __future__ import annotations

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


@click.command("simulate")
@opsi_file
@click.option("--scenario", "--skenario", "skenario", required=True, type=click.Path(),
              help="file skenario JSON (lihat docs/skenario.md)")
@click.option("--format", type=click.Choice(("csv", "json")), default="csv", show_default=True)
def perintah(**kw):
    """Jalankan skenario what-if dari file JSON / replay a what-if scenario."""
    jalankan(cmd_simulate, **kw)


def cmd_simulate(args) -> int:
    from mcsp_rules.format import angka
    from mcsp_rules.perencanaan.simulasi import simulasi
    from mcsp_rules.perencanaan.skenario import baca_skenario

    bhs = bahasa(args)
    skenario = baca_skenario(args.skenario)  # a bad scenario fails before the data is read
    data = muat(args)
    if gagal_ke_stderr(data, bhs):
        return 2
    hasil = simulasi(data, skenario)
    keluaran(hasil.tabel(), args)
    kolom = "keterangan" if bhs == "id" else "description"
    for nomor, isi, n in hasil.aksi.select("nomor", kolom, "jumlah_item").rows():
        stderr(teks(args, "cli_aksi", nomor=nomor, teks=isi, n=n))
    for pesan, message in hasil.peringatan:
        stderr(pesan if bhs == "id" else message)
    lengkap = hasil.wilayah.drop_nulls(["indeks_sebelum", "indeks_sesudah"])
    if lengkap.height:
        stderr(teks(args, "cli_skenario_ringkas", nama=skenario.nama, tahun=hasil.tahun, n=hasil.wilayah.height,
                    awal=angka(lengkap["indeks_sebelum"].mean(), bhs), akhir=angka(lengkap["indeks_sesudah"].mean(), bhs),
                    berubah=hasil.berubah_kategori.height))
    for sumber in hasil.bobot["sumber_bobot"].unique().sort().to_list():
        stderr(teks(args, "cli_bobot_area", sumber=sumber))
    return 0
