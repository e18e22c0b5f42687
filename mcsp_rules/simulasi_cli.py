"""``mcsp simulate FILE... --scenario S.json``: replay a saved what-if scenario.

Prints, per pemda in the scenario's scope, the numbers the Simulasi page shows:
tahun, kode_wilayah, indeks_sebelum, indeks_sesudah, kategori_sebelum, kategori_sesudah,
peringkat_provinsi_sebelum, peringkat_provinsi_sesudah. What each action touched, warnings and the
weights used go to stderr.
"""

from __future__ import annotations

import sys


def daftarkan(sub, dengan_file) -> None:
    p = sub.add_parser("simulate", help="jalankan skenario what-if dari file JSON (lihat docs/skenario.md)")
    dengan_file(p)
    p.add_argument("--scenario", "--skenario", dest="skenario", required=True, help="file skenario JSON")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.set_defaults(fungsi=cmd_simulate)


def cmd_simulate(args) -> int:
    from .cli import _bahasa, _gagal_ke_stderr, _keluaran, _muat
    from .format import angka
    from .simulasi import baca_skenario, simulasi

    bahasa = _bahasa(args)
    skenario = baca_skenario(args.skenario)  # a bad scenario fails before the data is read
    data = _muat(args)
    if _gagal_ke_stderr(data, bahasa):
        return 2
    hasil = simulasi(data, skenario)
    _keluaran(hasil.tabel(), args)

    id_ = bahasa == "id"
    kolom = "keterangan" if id_ else "description"
    for nomor, teks, n in hasil.aksi.select("nomor", kolom, "jumlah_item").rows():
        print((f"Aksi {nomor}: {teks}: {n} item." if id_ else f"Action {nomor}: {teks}: {n} items."), file=sys.stderr)
    for pesan, message in hasil.peringatan:
        print(pesan if id_ else message, file=sys.stderr)
    berubah = hasil.berubah_kategori.height
    lengkap = hasil.wilayah.drop_nulls(["indeks_sebelum", "indeks_sesudah"])
    if lengkap.height:
        awal, akhir = lengkap["indeks_sebelum"].mean(), lengkap["indeks_sesudah"].mean()
        print(
            f"Skenario '{skenario.nama}' ({hasil.tahun}, {hasil.wilayah.height} pemda): rata-rata indeks "
            f"{angka(awal)} → {angka(akhir)}; {berubah} pemda berganti kategori." if id_ else
            f"Scenario '{skenario.nama}' ({hasil.tahun}, {hasil.wilayah.height} pemda): mean index "
            f"{angka(awal, 'en')} → {angka(akhir, 'en')}; {berubah} pemda change band.",
            file=sys.stderr,
        )
    for sumber in hasil.bobot["sumber_bobot"].unique().sort().to_list():
        print(("Bobot area: " if id_ else "Area weights: ") + sumber, file=sys.stderr)
    return 0
