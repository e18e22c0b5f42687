"""``mcsp history``: dated snapshots in the store, trends, and pace against a deadline.

    mcsp history import FILE... [--tanggal YYYY-MM-DD] [--label L]
    mcsp history list [--format teks|csv|json]
    mcsp history delete ID
    mcsp history trend [--wilayah CODE] [--tingkat wilayah|provinsi|nasional] [--tahun T] [--format csv|json|xlsx] [--output P]
    mcsp history pace --tenggat YYYY-MM-DD [--wilayah PROV] [--target-indeks 75] [--target-dokumen 1.0]

The store is ``MCSP_DATABASE_URL`` (``duckdb:///path/file.duckdb`` or ``postgresql://…``) or, by
default, an embedded DuckDB file in the user's data folder (``--database`` overrides both).
Errors are one sentence on stderr (cli.main turns MCSPError into that), never a traceback.
"""

from __future__ import annotations

import os
import sys


def _bahasa(args) -> str:
    return getattr(args, "bahasa", None) or os.environ.get("MCSP_BAHASA", "id")


def _store(args):
    from .store import Store

    return Store(getattr(args, "database", None))


def _kode(kode: str) -> str:
    from .errors import MCSPError
    from .wilayah import daftar_wilayah

    kode = kode.strip()
    if kode not in set(daftar_wilayah()["kode_wilayah"].to_list()):
        raise MCSPError(f"kode wilayah '{kode}' tidak dikenal; contoh: 62 (provinsi) atau 62.03 (kabupaten/kota).",
                        f"unknown region code '{kode}'; for example 62 (a province) or 62.03 (a regency/city).")
    return kode


def _keluaran(df, args) -> None:
    from .cli import _keluaran as keluaran

    keluaran(df, args)


def cmd_import(args) -> int:
    from .format import bulat

    bahasa = _bahasa(args)
    store = _store(args)
    hasil = store.impor(args.file, tanggal=args.tanggal, label=args.label, sheet=args.sheet)
    print(hasil.teks(bahasa))
    if args.tanggal is None and hasil.baru:
        print(f"Tanggal snapshot diambil dari file: {hasil.snapshot.tanggal}; pakai --tanggal untuk menentukannya sendiri."
              if bahasa == "id" else
              f"Snapshot date taken from the file: {hasil.snapshot.tanggal}; use --tanggal to set it yourself.",
              file=sys.stderr)
    if hasil.disisihkan:
        print(f"{bulat(hasil.disisihkan, bahasa)} baris disisihkan oleh validasi dan tidak disimpan; jalankan `mcsp validate`."
              if bahasa == "id" else
              f"{bulat(hasil.disisihkan, bahasa)} rows were set aside by validation and not stored; run `mcsp validate`.",
              file=sys.stderr)
    return 0


def cmd_list(args) -> int:
    from .cli import _tulis
    from .format import bulat

    bahasa = _bahasa(args)
    tabel = _store(args).daftar()
    if args.format in ("csv", "json"):
        _keluaran(tabel, args)
        return 0
    if tabel.is_empty():
        _tulis(("Belum ada snapshot." if bahasa == "id" else "No snapshots yet.") + "\n", args)
        return 0
    baris = []
    for s in tabel.iter_rows(named=True):
        label = f"  [{s['label']}]" if s["label"] else ""
        if bahasa == "id":
            baris.append(f"#{s['id']:<5} {s['tanggal']}  tahun {s['tahun_data']}  {bulat(s['jumlah_pemda'])} pemda  "
                         f"{bulat(s['baris_rincian'])} baris rincian  {bulat(s['baris_skor_ringkasan'])} skor ringkasan  "
                         f"{s['nama_file']}{label}")
        else:
            baris.append(f"#{s['id']:<5} {s['tanggal']}  year {s['tahun_data']}  {bulat(s['jumlah_pemda'], 'en')} pemda  "
                         f"{bulat(s['baris_rincian'], 'en')} detail rows  {bulat(s['baris_skor_ringkasan'], 'en')} summary scores  "
                         f"{s['nama_file']}{label}")
    baris.append(f"{tabel.height} snapshot.")
    _tulis("\n".join(baris) + "\n", args)
    return 0


def cmd_delete(args) -> int:
    bahasa = _bahasa(args)
    s = _store(args).hapus(args.id)
    print(f"Snapshot #{s.id} tanggal {s.tanggal} dihapus." if bahasa == "id" else f"Snapshot #{s.id} dated {s.tanggal} deleted.")
    return 0


def cmd_trend(args) -> int:
    from . import tren
    from .errors import MCSPError

    kode = _kode(args.wilayah) if args.wilayah else None
    if kode is None and args.tingkat not in (None, "nasional"):
        raise MCSPError("--tingkat wilayah/provinsi butuh --wilayah; tanpa --wilayah trennya seluruh Indonesia.",
                        "--tingkat wilayah/provinsi needs --wilayah; without --wilayah the trend is all of Indonesia.")
    riw = _store(args).riwayat(kode, tingkat="nasional" if kode is None else args.tingkat, tahun=args.tahun)
    if riw.kosong:
        siapa_id, siapa_en = (f"wilayah {kode}", f"region {kode}") if kode else ("data", "data")
        raise MCSPError(f"belum ada snapshot yang memuat {siapa_id}" + (f" tahun {args.tahun}" if args.tahun else "")
                        + "; simpan dulu dengan `mcsp history import`.",
                        f"no snapshot holds {siapa_en}" + (f" for {args.tahun}" if args.tahun else "")
                        + " yet; store one with `mcsp history import`.")
    _keluaran(tren.tabel_tren(riw, args.bobot, tahun=args.tahun), args)
    return 0


def cmd_pace(args) -> int:
    from . import tren
    from .errors import MCSPError
    from .store import baca_tanggal

    tenggat = baca_tanggal(args.tenggat)
    target_dokumen = args.target_dokumen
    if target_dokumen is None and args.target_indeks is None:
        target_dokumen = 1.0
    if target_dokumen is not None and not 0 < target_dokumen <= 1:
        raise MCSPError("--target-dokumen adalah bagian dokumen wajib, antara 0 dan 1 (misalnya 0.9).",
                        "--target-dokumen is a share of the required documents, between 0 and 1 (e.g. 0.9).")
    if args.target_indeks is not None and not 0 <= args.target_indeks <= 100:
        raise MCSPError("--target-indeks harus antara 0 dan 100.", "--target-indeks must be between 0 and 100.")
    if args.jendela < 2:
        raise MCSPError("--jendela paling sedikit 2 snapshot.", "--jendela needs at least 2 snapshots.")
    kode = _kode(args.wilayah) if args.wilayah else None
    if kode is not None and "." in kode:
        raise MCSPError("--wilayah untuk laju adalah kode provinsi (laju dihitung per pemda di provinsi itu).",
                        "--wilayah for pace is a province code (the pace is computed per pemda of that province).")
    riw = _store(args).riwayat(kode, tingkat="provinsi", tahun=args.tahun)
    if riw.kosong:
        raise MCSPError("belum ada snapshot untuk wilayah ini; simpan dulu dengan `mcsp history import`.",
                        "no snapshot for this region yet; store one with `mcsp history import`.")
    kw = dict(bobot=args.bobot, target_indeks=args.target_indeks, target_dokumen=target_dokumen,
              jendela=args.jendela, tahun=args.tahun)
    hasil = tren.laju_provinsi(riw, tenggat, **kw) if args.per_provinsi else tren.laju_wilayah(riw, tenggat, **kw)
    _keluaran(hasil, args)
    bahasa = _bahasa(args)
    n = int(hasil["berisiko"].sum())
    print(f"{n} dari {hasil.height} berisiko tidak mencapai target pada {tenggat}." if bahasa == "id"
          else f"{n} of {hasil.height} at risk of missing the target by {tenggat}.", file=sys.stderr)
    return 0


def daftarkan(sub, dengan_file) -> None:
    """Add ``mcsp history …`` to the ``mcsp`` parser (called by cli._perintah_tambahan)."""
    h = sub.add_parser("history", help="snapshot bertanggal: simpan, daftar, hapus, tren, laju menuju tenggat")
    hs = h.add_subparsers(dest="perintah_riwayat", required=True)

    def database(p):
        p.add_argument("--database", help="URL database (bawaan: MCSP_DATABASE_URL atau file DuckDB di folder data pengguna)")

    i = hs.add_parser("import", help="simpan file ekspor sebagai satu snapshot bertanggal")
    i.add_argument("file", nargs="+", help="file ekspor CSV/XLSX (beberapa file = satu snapshot)")
    i.add_argument("--tanggal", help="tanggal snapshot YYYY-MM-DD (bawaan: dari nama file atau tanggal terakhir di data)")
    i.add_argument("--label", help="keterangan singkat, misalnya 'rapat korsup minggu 42'")
    i.add_argument("--sheet", help="nama lembar XLSX (bawaan: lembar pertama)")
    database(i)
    i.set_defaults(fungsi=cmd_import)

    daftar = hs.add_parser("list", help="daftar snapshot")
    daftar.add_argument("--format", choices=("teks", "csv", "json"), default="teks")
    daftar.add_argument("--output", "-o")
    database(daftar)
    daftar.set_defaults(fungsi=cmd_list)

    d = hs.add_parser("delete", help="hapus satu snapshot")
    d.add_argument("id", type=int, help="nomor snapshot (lihat `mcsp history list`)")
    database(d)
    d.set_defaults(fungsi=cmd_delete)

    t = hs.add_parser("trend", help="satu baris per tanggal snapshot: indeks, skor area, dokumen")
    t.add_argument("--wilayah", help="kode pemda (62.03) atau provinsi (62); tanpa ini: seluruh Indonesia")
    t.add_argument("--tingkat", choices=("wilayah", "provinsi", "nasional"),
                   help="untuk kode provinsi: provinsi = rata-rata pemdanya (bawaan), wilayah = pemerintah provinsinya saja; "
                        "nasional = seluruh Indonesia sebagai satu (bawaan tanpa --wilayah)")
    t.add_argument("--tahun", type=int, help="tahun data (bawaan: tahun terakhir)")
    t.add_argument("--bobot", help="file CSV bobot area (kolom tahun, area, bobot)")
    t.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    t.add_argument("--output", "-o")
    database(t)
    t.set_defaults(fungsi=cmd_trend)

    p = hs.add_parser("pace", help="laju mingguan, proyeksi pada tenggat, dan pemda yang berisiko")
    p.add_argument("--tenggat", required=True, help="tenggat YYYY-MM-DD, misalnya 2025-11-30")
    p.add_argument("--wilayah", help="kode provinsi (bawaan: seluruh Indonesia)")
    p.add_argument("--per-provinsi", action="store_true", help="satu baris per provinsi, bukan per pemda")
    p.add_argument("--target-indeks", type=float, help="indeks yang ingin dicapai, misalnya 75")
    p.add_argument("--target-dokumen", type=float,
                   help="bagian dokumen wajib yang harus diterima, 0–1 (bawaan 1.0 = semua, bila --target-indeks tidak diberi)")
    p.add_argument("--jendela", type=int, default=4, help="jumlah snapshot terakhir untuk laju (bawaan 4)")
    p.add_argument("--tahun", type=int, help="tahun data (bawaan: tahun terakhir)")
    p.add_argument("--bobot", help="file CSV bobot area")
    p.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    p.add_argument("--output", "-o")
    database(p)
    p.set_defaults(fungsi=cmd_pace)
