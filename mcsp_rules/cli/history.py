"""``mcsp history``: dated snapshots in the store, trends, and pace against a deadline.

    mcsp history import FILE... [--tanggal YYYY-MM-DD] [--label L]
    mcsp history list [--format teks|csv|json] [--dihapus]
    mcsp history delete ID [--final]      (soft: restorable for MCSP_MASA_HAPUS_HARI days, default 30)
    mcsp history restore ID
    mcsp history log [--format teks|csv|json]
    mcsp history trend [--wilayah CODE] [--tingkat wilayah|provinsi|nasional] [--tahun T] [--format csv|json|xlsx] [--output P]
    mcsp history pace --tenggat YYYY-MM-DD [--wilayah PROV] [--target-indeks 75] [--target-dokumen 1.0]

The store is ``MCSP_DATABASE_URL`` (``duckdb:///path/file.duckdb`` or ``postgresql://…``) or, by
default, an embedded DuckDB file in the user's data folder (``--database`` overrides both).
Errors are one sentence on stderr (cli.main turns MCSPError into that), never a traceback.
"""

from __future__ import annotations

import sys

import click

from mcsp_rules.cli.umum import bahasa as _bahasa
from mcsp_rules.cli.umum import jalankan, keluaran, opsi_format, teks, tulis


def _store(args, aksi: str | None = None):
    """The store, acting as the OS user; ``aksi`` is checked against the user's role first."""
    from mcsp_rules.peran import pengguna_cli
    from mcsp_rules.riwayat.store import Store

    pengguna = pengguna_cli()
    if aksi is not None:
        pengguna.wajib(aksi)
    return Store(getattr(args, "database", None), pengguna=pengguna.nama)


def _kode(kode: str) -> str:
    from mcsp_rules.galat import MCSPError
    from mcsp_rules.wilayah import daftar_wilayah

    kode = kode.strip()
    if kode not in set(daftar_wilayah()["kode_wilayah"].to_list()):
        raise MCSPError(f"kode wilayah '{kode}' tidak dikenal; contoh: 62 (provinsi) atau 62.03 (kabupaten/kota).",
                        f"unknown region code '{kode}'; for example 62 (a province) or 62.03 (a regency/city).")
    return kode


def _keluaran(df, args) -> None:
    keluaran(df, args)


def cmd_import(args) -> int:
    from mcsp_rules.format import bulat

    bahasa = _bahasa(args)
    store = _store(args, "impor")
    hasil = store.impor(args.file, tanggal=args.tanggal, label=args.label, sheet=args.sheet)
    print(hasil.teks(bahasa))
    if hasil.peringatan(bahasa):
        print(hasil.peringatan(bahasa), file=sys.stderr)
    if args.tanggal is None and hasil.baru:
        print(teks(args, "cli_tanggal_dari_file", tanggal=hasil.snapshot.tanggal), file=sys.stderr)
    if hasil.disisihkan:
        print(teks(args, "cli_impor_disisihkan", n=bulat(hasil.disisihkan, bahasa)), file=sys.stderr)
    return 0


def cmd_list(args) -> int:
    from mcsp_rules.format import bulat

    bahasa = _bahasa(args)
    if args.dihapus:
        _store(args, "pulihkan")  # only an admin sees what was deleted (and may restore it)
    tabel = _store(args).daftar(dihapus=args.dihapus)
    if args.format in ("csv", "json"):
        _keluaran(tabel, args)
        return 0
    if tabel.is_empty():
        tulis(teks(args, "cli_belum_ada_snapshot") + "\n", args)
        return 0
    baris = []
    for s in tabel.iter_rows(named=True):
        label = f"  [{s['label']}]" if s["label"] else ""
        baris.append(teks(args, "cli_baris_snapshot", id=f"{s['id']:<5}", tanggal=s["tanggal"], tahun=s["tahun_data"],
                          pemda=bulat(s["jumlah_pemda"], bahasa), rincian=bulat(s["baris_rincian"], bahasa),
                          ringkasan=bulat(s["baris_skor_ringkasan"], bahasa), file=s["nama_file"]) + label)
    baris.append(f"{tabel.height} snapshot.")
    tulis("\n".join(baris) + "\n", args)
    return 0


def cmd_delete(args) -> int:
    from mcsp_rules.riwayat.store import masa_hapus

    s = _store(args, "hapus").hapus(args.id, final=args.final)
    if args.final:
        print(teks(args, "cli_snapshot_dihapus_final", id=s.id, tanggal=s.tanggal))
    else:
        hari = masa_hapus().days
        print(teks(args, "cli_snapshot_dihapus", id=s.id, tanggal=s.tanggal, hari=hari))
    return 0


def cmd_restore(args) -> int:
    s = _store(args, "pulihkan").pulihkan(args.id)
    print(teks(args, "cli_snapshot_dipulihkan", id=s.id, tanggal=s.tanggal))
    return 0


def cmd_log(args) -> int:
    import polars as pl

    tabel = _store(args, "audit").audit(args.batas)
    if args.format in ("csv", "json"):
        _keluaran(tabel.with_columns(pl.col("waktu").dt.to_string("%Y-%m-%dT%H:%M:%SZ")), args)
        return 0
    if tabel.is_empty():
        tulis(teks(args, "cli_audit_kosong") + "\n", args)
        return 0
    baris = [f"{r['waktu']:%Y-%m-%d %H:%M:%S} UTC  {r['pengguna']:<28} {r['aksi']:<16} {r['objek']}"
             + (f"  {r['rincian']}" if r["rincian"] else "") for r in tabel.iter_rows(named=True)]
    tulis("\n".join(baris) + "\n", args)
    return 0


def cmd_trend(args) -> int:
    from mcsp_rules.galat import MCSPError
    from mcsp_rules.riwayat import tren

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
    from mcsp_rules.galat import MCSPError
    from mcsp_rules.riwayat import tren
    from mcsp_rules.riwayat.store import baca_tanggal

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
    n = int(hasil["berisiko"].sum())
    tanpa_laju = int((hasil["status"] == "data_kurang").sum())
    print(teks(args, "cli_berisiko", n=n, dari=hasil.height, tenggat=tenggat), file=sys.stderr)
    if tanpa_laju:  # unknown is not safe: say which part of the count rests on the level alone
        print(teks(args, "cli_laju_tak_diketahui", n=tanpa_laju), file=sys.stderr)
    return 0


@click.group("history")
def perintah():
    """Snapshot bertanggal: simpan, daftar, hapus, tren, laju menuju tenggat / dated snapshots, trends, pace."""


def _database(f):
    return click.option("--database", help="URL database (bawaan: MCSP_DATABASE_URL atau file DuckDB di folder data pengguna)")(f)


def _keluaran_opsi(f):
    f = click.option("--output", "-o", help="tulis ke file ini, bukan ke layar")(f)
    return opsi_format("csv", "json", "xlsx", bawaan="csv")(f)


@perintah.command("import")
@click.argument("file", nargs=-1, required=True, type=click.Path())
@click.option("--tanggal", help="tanggal snapshot YYYY-MM-DD (bawaan: dari nama file atau tanggal terakhir di data)")
@click.option("--label", help="keterangan singkat, misalnya 'rapat korsup minggu 42'")
@click.option("--sheet", help="nama lembar XLSX (bawaan: lembar yang berisi tabel)")
@_database
def _import(**kw):
    """Simpan file ekspor sebagai satu snapshot bertanggal / store exports as one dated snapshot."""
    jalankan(cmd_import, **kw)


@perintah.command("list")
@click.option("--format", type=click.Choice(("teks", "csv", "json")), default="teks", show_default=True)
@click.option("--dihapus", is_flag=True, help="snapshot yang dihapus dan masih dapat dipulihkan (admin)")
@click.option("--output", "-o", help="tulis ke file ini, bukan ke layar")
@_database
def _list(**kw):
    """Daftar snapshot / list snapshots."""
    jalankan(cmd_list, **kw)


@perintah.command("delete")
@click.argument("id", type=int)
@click.option("--final", is_flag=True, help="hapus permanen sekarang (bawaan: dapat dipulihkan selama masa pemulihan)")
@_database
def _delete(**kw):
    """Hapus satu snapshot (nomor dari `mcsp history list`) / delete one snapshot (admin)."""
    jalankan(cmd_delete, **kw)


@perintah.command("restore")
@click.argument("id", type=int)
@_database
def _restore(**kw):
    """Pulihkan snapshot yang dihapus / restore a deleted snapshot (admin)."""
    jalankan(cmd_restore, **kw)


@perintah.command("log")
@click.option("--format", type=click.Choice(("teks", "csv", "json")), default="teks", show_default=True)
@click.option("--output", "-o", help="tulis ke file ini, bukan ke layar")
@click.option("--batas", type=int, help="hanya N catatan terbaru")
@_database
def _log(**kw):
    """Jejak audit: siapa, kapan, apa / the audit trail: who, when, what (admin)."""
    jalankan(cmd_log, **kw)


@perintah.command("trend")
@click.option("--wilayah", help="kode pemda (62.03) atau provinsi (62); tanpa ini: seluruh Indonesia")
@click.option("--tingkat", type=click.Choice(("wilayah", "provinsi", "nasional")),
              help="untuk kode provinsi: provinsi = rata-rata pemdanya (bawaan), wilayah = pemerintah provinsinya saja; "
                   "nasional = seluruh Indonesia sebagai satu (bawaan tanpa --wilayah)")
@click.option("--tahun", type=int, help="tahun data (bawaan: tahun terakhir)")
@click.option("--bobot", type=click.Path(), help="file CSV bobot area (kolom tahun, area, bobot)")
@_keluaran_opsi
@_database
def _trend(**kw):
    """Satu baris per tanggal snapshot: indeks, skor area, dokumen / one row per snapshot date."""
    jalankan(cmd_trend, **kw)


@perintah.command("pace")
@click.option("--tenggat", required=True, help="tenggat YYYY-MM-DD, misalnya 2025-11-30")
@click.option("--wilayah", help="kode provinsi (bawaan: seluruh Indonesia)")
@click.option("--per-provinsi", is_flag=True, help="satu baris per provinsi, bukan per pemda")
@click.option("--target-indeks", type=float, help="indeks yang ingin dicapai, misalnya 75")
@click.option("--target-dokumen", type=float,
              help="bagian dokumen wajib yang harus diterima, 0–1 (bawaan 1.0 = semua, bila --target-indeks tidak diberi)")
@click.option("--jendela", type=int, default=4, show_default=True, help="jumlah snapshot terakhir untuk laju")
@click.option("--tahun", type=int, help="tahun data (bawaan: tahun terakhir)")
@click.option("--bobot", type=click.Path(), help="file CSV bobot area")
@_keluaran_opsi
@_database
def _pace(**kw):
    """Laju mingguan, proyeksi pada tenggat, dan pemda yang berisiko / weekly pace and who is at risk."""
    jalankan(cmd_pace, **kw)
