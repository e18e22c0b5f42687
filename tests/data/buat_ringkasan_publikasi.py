"""Rebuild ringkasan_publikasi_lebar.csv from skor_publikasi_panjang.csv (run from the repository root:
``python tests/data/buat_ringkasan_publikasi.py``). See SOURCES.md.

One row per pemda-year; one column per area under a name as published (the spelling of the period;
where a source misspelt an area, the column carries the same area's spelling from another source);
semicolons and decimal commas, as an Indonesian Excel export writes them."""

from __future__ import annotations

import csv
from pathlib import Path

FOLDER = Path(__file__).resolve().parent

# area as each source wrote it (lower case) → column of the wide file
KOLOM = {
    "perencanaan dan penganggaran apbd": "Perencanaan dan Penganggaran APBD",
    "perencanaan dan pengganggaran apbd": "Perencanaan dan Penganggaran APBD",  # Kendari 2021: typo in the source
    "perencanaan": "Perencanaan",
    "penganggaran": "Penganggaran",
    "pengadaan barang dan jasa": "Pengadaan Barang dan Jasa",
    "pbj": "Pengadaan Barang dan Jasa",
    "perizinan": "Perizinan",
    "pelayanan publik": "Pelayanan Publik",
    "kapabilitas aparat pengawasan intern pemerintah (apip)": "Kapabilitas Aparat Pengawasan Intern Pemerintah (APIP)",
    "pengawasan apip": "Pengawasan APIP",
    "apip": "Pengawasan APIP",
    "manajemen asn": "Manajemen ASN",
    "management asn": "Manajemen ASN",
    "menejmen asn": "Manajemen ASN",  # Ternate 2023: typo in the source
    "optimalisasi pajak daerah": "Optimalisasi Pajak Daerah",
    "optimalisasi pajak": "Optimalisasi Pajak Daerah",
    "manajemen aset daerah": "Manajemen Aset Daerah",
    "management aset daerah": "Manajemen Aset Daerah",
    "pengelolaan bmd": "Pengelolaan BMD",
    "pengelolaan barang milik daerah atau bmd": "Pengelolaan BMD",
    "tata kelola keuangan desa": "Tata Kelola Keuangan Desa",
}
URUTAN = list(dict.fromkeys(KOLOM.values()))


def main() -> None:
    with open(FOLDER / "skor_publikasi_panjang.csv", encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f, delimiter=";"))
    per_pemda: dict[tuple[str, str], dict[str, str]] = {}
    for b in baris:
        kunci = (b["tahun"], b["kode_wilayah"])
        r = per_pemda.setdefault(kunci, {"tahun": b["tahun"], "kode_wilayah": b["kode_wilayah"],
                                          "nama_wilayah": b["nama_wilayah"], "skor_total": b["skor_total"]})
        kolom = KOLOM[b["area"].strip().lower()]
        assert kolom not in r, (kunci, kolom)
        r[kolom] = b["skor"]
    header = ["tahun", "kode_wilayah", "nama_wilayah", *URUTAN, "skor_total"]
    with open(FOLDER / "ringkasan_publikasi_lebar.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, delimiter=";", lineterminator="\r\n")
        w.writeheader()
        for kunci in sorted(per_pemda):
            w.writerow(per_pemda[kunci])


if __name__ == "__main__":
    main()
