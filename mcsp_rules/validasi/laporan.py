"""The validation report: findings (file, spreadsheet row, column, the cell as written, level,
messages and fixes in Indonesian and English) and, per file, rows read = used + set aside."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import polars as pl

from mcsp_rules.io import urai
from mcsp_rules.io.bacaan import KOLOM_BARIS, KOLOM_FILE
from mcsp_rules.validasi.konstanta import INTI, POS, TINGKAT_CATATAN, TINGKAT_GALAT, TINGKAT_PERINGATAN

if TYPE_CHECKING:
    from mcsp_rules.validasi.mesin import Cek

# Lean at national scale: a rule that hits 362,000 rows repeats a handful of texts, so every text column
# is a Categorical (4 bytes a row and one copy of each distinct text), and only the row number is per row.
SKEMA_TEMUAN = {
    "file": pl.Categorical, "baris": pl.Int64, "kolom": pl.Categorical, "nilai": pl.Categorical,
    "tingkat": pl.Categorical, "kode": pl.Categorical, "pesan": pl.Categorical, "message": pl.Categorical,
    "saran": pl.Categorical, "fix": pl.Categorical, "sumber": pl.Categorical,
}


@dataclass
class Laporan:
    """The validation report: every finding, and per file how many rows were read, used, set aside.

    ``bagian`` holds the findings in the order they were made: small frames (a file's notes, summary
    rows) and, for detail rows, ``BagianTemuan`` parts kept compact (a row number and a rule per
    failure). Counts and ``kelompok()`` are computed from the compact parts; ``temuan``, every finding
    with its messages, is built on first use (a national file whose every row has a note would
    otherwise format 362,000 messages that nobody reads)."""

    bagian: list
    per_file: pl.DataFrame  # file, format, jenis, dibaca, dipakai, disisihkan, berperingatan
    disisihkan: pl.DataFrame  # file, baris, alasan, reason, then the row's cells as text
    file_gagal: list[dict] = field(default_factory=list)  # {file, pesan, message}

    @cached_property
    def temuan(self) -> pl.DataFrame:
        """Every finding, one row each (SKEMA_TEMUAN), in the order they were made."""
        return pl.concat([pl.DataFrame(schema=SKEMA_TEMUAN),
                          *[b.semua() if isinstance(b, BagianTemuan) else b for b in self.bagian]],
                         how="diagonal_relaxed")

    def temuan_kecuali(self, kelompok: pl.DataFrame) -> pl.DataFrame:
        """The findings outside the groups ``kelompok`` lists (file, kode, kolom), e.g. once the large groups
        have been printed as one line each; only these rows get their messages written."""
        if "temuan" in self.__dict__:  # already built
            return self.temuan.join(kelompok.select("file", "kode", "kolom"), on=["file", "kode", "kolom"],
                                    how="anti", nulls_equal=True)
        bagian = []
        for b in self.bagian:
            if isinstance(b, BagianTemuan):
                bagian.append(b.semua(kecuali=kelompok))
            else:
                bagian.append(b.join(kelompok.select(*[pl.col(k).cast(b.schema[k]) for k in ("file", "kode", "kolom")]),
                                     on=["file", "kode", "kolom"], how="anti", nulls_equal=True))
        return pl.concat([pl.DataFrame(schema=SKEMA_TEMUAN), *bagian], how="diagonal_relaxed")

    @property
    def dibaca(self) -> int:
        return int(self.per_file["dibaca"].sum())

    @property
    def dipakai(self) -> int:
        return int(self.per_file["dipakai"].sum())

    @property
    def jumlah_disisihkan(self) -> int:
        return int(self.per_file["disisihkan"].sum())

    def _jumlah(self, tingkat: str) -> int:
        return sum(b.jumlah(tingkat) if isinstance(b, BagianTemuan) else b.filter(pl.col("tingkat") == tingkat).height
                   for b in self.bagian)

    @property
    def jumlah_galat(self) -> int:
        return self._jumlah(TINGKAT_GALAT)

    @property
    def jumlah_peringatan(self) -> int:
        return self._jumlah(TINGKAT_PERINGATAN)

    @property
    def jumlah_catatan(self) -> int:
        return self._jumlah(TINGKAT_CATATAN)

    @property
    def bersih(self) -> bool:
        return self.jumlah_galat == 0 and not self.file_gagal

    def kelompok(self, n_baris: int = 5) -> pl.DataFrame:
        """Findings grouped as a person reads them at national scale: one row per file and rule (and
        column), with how many rows it hit (``jumlah``), the first ``n_baris`` spreadsheet rows
        (``baris_pertama``), how many distinct cell values it hit (``nilai_berbeda``), and the first row's
        value and messages. Errors first, then warnings, then notes; the largest groups first. ``temuan``
        keeps every row (the download, `--semua`)."""
        urutan = pl.col("tingkat").cast(pl.String).replace_strict(
            {TINGKAT_GALAT: 0, TINGKAT_PERINGATAN: 1, TINGKAT_CATATAN: 2}, default=3, return_dtype=pl.Int8)
        bagian = [b.kelompok(n_baris) if isinstance(b, BagianTemuan) else _kelompok_baris(b, n_baris)
                  for b in self.bagian]
        return (
            pl.concat([_kelompok_baris(pl.DataFrame(schema=SKEMA_TEMUAN), n_baris), *bagian], how="diagonal_relaxed")
            .sort(urutan, pl.col("jumlah"), pl.col("file").cast(pl.String), pl.col("_baris_awal"),
                  descending=[False, True, False, False], nulls_last=False, maintain_order=True)
            .drop("_baris_awal")
        )


_KUNCI_KELOMPOK = ("file", "tingkat", "kode", "kolom", "sumber")


def _kelompok_baris(temuan: pl.DataFrame, n_baris: int) -> pl.DataFrame:
    """``Laporan.kelompok`` over findings that are rows already (unsorted; ``_baris_awal`` for the sort)."""
    return (
        temuan.sort("file", "baris", nulls_last=False, maintain_order=True)
        .group_by(*_KUNCI_KELOMPOK, maintain_order=True)
        .agg(pl.len().alias("jumlah"), pl.col("baris").drop_nulls().head(n_baris).alias("baris_pertama"),
             pl.col("nilai").n_unique().alias("nilai_berbeda"),
             pl.col("nilai").first(), pl.col("pesan").first(), pl.col("message").first(),
             pl.col("saran").first(), pl.col("fix").first(), pl.col("baris").first().alias("_baris_awal"))
    )


@dataclass
class BagianTemuan:
    """The findings of one validation pass, compact: per failure its file, row, rule (``_i``, an index
    into ``info``) and the texts its message needs as Categoricals (``nilai``, ``_p_*`` placeholders),
    sorted as the report lists them. Messages are formatted per distinct (rule, values), on demand."""

    baris: pl.DataFrame
    info: pl.DataFrame  # one row per rule: _i, kolom, tingkat, kode, pesan, message, saran, fix, sumber, _g
    penanda: list[str]  # placeholders filled from columns (besides {nilai})
    bervariasi: list[str]  # the per-row texts that key a message

    def jumlah(self, tingkat: str) -> int:
        i = self.info.filter(pl.col("tingkat") == tingkat)["_i"]
        return int(self.baris["_i"].is_in(i.implode()).sum()) if i.len() else 0

    def semua(self, saring: pl.Expr | None = None, kecuali: pl.DataFrame | None = None) -> pl.DataFrame:
        """Every finding (or those of the rules ``saring`` selects on ``info``; without the groups
        ``kecuali`` lists by file, kode and kolom) with its messages (SKEMA_TEMUAN)."""
        t = self.baris
        if saring is not None:
            t = t.filter(pl.col("_i").is_in(self.info.filter(saring)["_i"].implode()))
        if kecuali is not None and kecuali.height:
            lewat = (kecuali.select(pl.col("file").cast(pl.String).alias(KOLOM_FILE), pl.col("kode").cast(pl.String),
                                    pl.col("kolom").cast(pl.String))
                     .join(self.info.select("_i", "kode", "kolom"), on=["kode", "kolom"], nulls_equal=True)
                     .select(pl.col(KOLOM_FILE).cast(pl.Categorical), "_i"))
            t = t.join(lewat, on=[KOLOM_FILE, "_i"], how="anti")
        return self._tulis(t)

    def kelompok(self, n_baris: int) -> pl.DataFrame:
        """``Laporan.kelompok`` from the compact rows: only each group's first row gets its messages."""
        g = (
            self.baris.with_columns(pl.col("_i").replace_strict(self.info["_i"], self.info["_g"]).alias("_g"))
            .group_by(KOLOM_FILE, "_g", maintain_order=True)
            .agg(pl.len().alias("jumlah"), pl.col(KOLOM_BARIS).drop_nulls().head(n_baris).alias("baris_pertama"),
                 pl.col("nilai").n_unique().alias("nilai_berbeda"), pl.all().exclude("_g").first().name.prefix("_1"))
        )
        pertama = self._tulis(g.select(pl.col(f"_1{k}").alias(k) if k != KOLOM_FILE else pl.col(k)
                                       for k in self.baris.columns))
        return pl.concat([g.select("jumlah", "baris_pertama", "nilai_berbeda", pl.col(f"_1{KOLOM_BARIS}").alias("_baris_awal")),
                          pertama.select(*_KUNCI_KELOMPOK, "nilai", "pesan", "message", "saran", "fix")],
                         how="horizontal")

    def _tulis(self, t: pl.DataFrame) -> pl.DataFrame:
        info, penanda, bervariasi = self.info, self.penanda, self.bervariasi
        kunci = ["_i", *bervariasi]
        # Messages are formatted once per distinct (rule, cell, placeholder values), not once per row:
        # a rule failing on 300,000 rows usually fails with a handful of distinct values.
        u = (t.select(kunci).unique().join(info.drop("_cek", "_urut_tingkat", "_urut_kolom", "_g"), on="_i", how="left")
             .with_columns(pl.col(bervariasi).cast(pl.String).name.prefix("_s")))
        # a placeholder's value as a message shows it, once per distinct value
        u = u.with_columns(_tampil(pl.col(f"_s_p_{k}")).alias(f"_s_p_{k}") for k in penanda)
        if "_kolom_sel" in u.columns:
            u = u.with_columns(
                pl.when(pl.col("kolom").is_in(["skor", "area"]) & pl.col("_s_kolom_sel").is_not_null())
                .then(pl.col("_s_kolom_sel")).otherwise(pl.col("kolom")).alias("kolom")
            )
        for k in penanda:
            isi = pl.col(f"_s_p_{k}").fill_null("-")
            # computed numbers are written the reader's way: 80,23 in Indonesian, 80.23 in English
            isi_id = pl.when(pl.col(f"_s_p_{k}").str.contains(r"^-?[0-9]+\.[0-9]+$")).then(
                pl.col(f"_s_p_{k}").str.replace(".", ",", literal=True)).otherwise(isi)
            u = u.with_columns(pl.col("pesan").str.replace_all(f"{{{k}}}", isi_id, literal=True),
                               pl.col("message").str.replace_all(f"{{{k}}}", isi, literal=True))
        isi = pl.col("_snilai").fill_null("")
        u = _saran_status(u.with_columns(
            pl.col("pesan").str.replace_all("{nilai}", isi, literal=True),
            pl.col("message").str.replace_all("{nilai}", isi, literal=True),
        ))
        u = u.select(*kunci, pl.col("kolom", "tingkat", "kode", "pesan", "message", "saran", "fix", "sumber")
                     .cast(pl.Categorical))
        t = t.join(u, on=kunci, how="left", nulls_equal=True, maintain_order="left")
        return t.select(
            pl.col(KOLOM_FILE).cast(pl.Categorical).alias("file"), pl.col(KOLOM_BARIS).alias("baris"), "kolom",
            pl.col("nilai").cast(pl.Categorical), "tingkat", "kode", "pesan", "message", "saran", "fix", "sumber",
        )


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def temuan_dari_gagal(frame: pl.DataFrame, gagal: pl.DataFrame, cek: list[Cek]) -> pl.DataFrame:
    """Failures → findings with file, spreadsheet row, column, the cell as written, messages (SKEMA_TEMUAN)."""
    bagian = bagian_temuan(frame, gagal, cek)
    return bagian.semua() if bagian is not None else pl.DataFrame(schema=SKEMA_TEMUAN)


def bagian_temuan(frame: pl.DataFrame, gagal: pl.DataFrame, cek: list[Cek]) -> BagianTemuan | None:
    """Failures (``_pos``, ``_cek``) → the compact findings of ``frame`` (None when nothing failed).

    At national scale a rule may fail on every row (codes outside an unofficial catalogue): the per-row
    work is a gather by position and a sort on integers; texts become Categoricals."""
    if gagal.height == 0:
        return None
    tingkat_urut = {TINGKAT_CATATAN: 0, TINGKAT_GALAT: 1, TINGKAT_PERINGATAN: 2}  # the order of their names
    info = pl.DataFrame(
        [{"_cek": c.nama, "kolom": c.aturan.kolom, "tingkat": c.aturan.tingkat, "kode": c.aturan.kode,
          "pesan": c.aturan.pesan, "message": c.aturan.message, "saran": c.aturan.saran, "fix": c.aturan.fix,
          "sumber": c.sumber} for c in cek],
        schema={"_cek": pl.String, "kolom": pl.String, "tingkat": pl.String, "kode": pl.String, "pesan": pl.String,
                "message": pl.String, "saran": pl.String, "fix": pl.String, "sumber": pl.String},
    ).with_columns(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_i"),
        # sort keys of a finding after its file and row: level, then column (by name), as integers
        pl.col("tingkat").replace_strict(tingkat_urut, default=9, return_dtype=pl.UInt8).alias("_urut_tingkat"),
        pl.col("kolom").rank("dense").fill_null(0).cast(pl.UInt32).alias("_urut_kolom"),
        # the group of Laporan.kelompok a rule's findings fall in (one kode may be several rules)
        pl.struct("tingkat", "kode", "kolom", "sumber").rank("dense").cast(pl.UInt32).alias("_g"),
    )
    kolom_rujukan = sorted({c.aturan.kolom for c in cek if c.aturan.kolom and c.aturan.kolom in frame.columns})
    penanda = sorted({m for c in cek for t in (c.aturan.pesan, c.aturan.message) for m in _PLACEHOLDER.findall(t)}
                     & set(frame.columns) - {"nilai"})

    def teks(k: str) -> pl.Expr:
        sumber = f"_teks_{k}" if f"_teks_{k}" in frame.columns else k
        return pl.col(sumber).cast(pl.String)

    file_urut = frame.select(pl.col(KOLOM_FILE).unique().sort())[KOLOM_FILE].to_list()
    baris = frame.select([POS, KOLOM_FILE, KOLOM_BARIS] + [teks(k).alias(f"_n_{k}") for k in kolom_rujukan]
                         + [pl.col(k).alias(f"_p_{k}") for k in penanda]
                         + (["_kolom_sel"] if "_kolom_sel" in frame.columns else []))
    t = gagal.with_columns(pl.col("_cek").replace_strict(info["_cek"], info["_i"], return_dtype=pl.UInt32).alias("_i"))
    t = t.drop("_cek").join(info.select("_i", "kolom", "_urut_tingkat", "_urut_kolom"), on="_i", how="left")
    pos = baris[POS]
    if pos.len() and pos[0] == 0 and pos[-1] == pos.len() - 1 and pos.is_sorted():  # row i holds position i
        t = pl.concat([t, baris.drop(POS)[t[POS]]], how="horizontal")
    else:
        t = t.join(baris, on=POS, how="left", maintain_order="left")
    nilai = pl.lit(None, dtype=pl.String)
    for k in kolom_rujukan:
        nilai = pl.when(pl.col("kolom") == k).then(pl.col(f"_n_{k}")).otherwise(nilai)
    # the texts that vary per row (the cell, a message's placeholders) as Categoricals: their distinct
    # combinations and the join back below are then on integers
    bervariasi = ["nilai", *[f"_p_{k}" for k in penanda], *(["_kolom_sel"] if "_kolom_sel" in t.columns else [])]
    t = (t.with_columns(nilai.alias("nilai")).drop([f"_n_{k}" for k in kolom_rujukan], "kolom")
         .with_columns(*[pl.col(k).cast(pl.Categorical) for k in bervariasi if t.schema.get(k, pl.String) == pl.String],
                       pl.col(KOLOM_FILE).replace_strict(file_urut, list(range(len(file_urut))),
                                                          return_dtype=pl.UInt32).alias("_urut_file"))
         .sort("_urut_file", KOLOM_BARIS, "_urut_tingkat", "_urut_kolom", maintain_order=True))
    return BagianTemuan(t.with_columns(pl.col(KOLOM_FILE).cast(pl.Categorical))
                        .select(KOLOM_FILE, KOLOM_BARIS, "_i", *bervariasi), info, penanda, bervariasi)


def _tampil(e: pl.Expr) -> pl.Expr:
    """A value inside a message: integers without '.0', other numbers with up to 2 decimals."""
    return (
        pl.when(e.cast(pl.Float64, strict=False).is_not_null() & (e.cast(pl.Float64, strict=False) % 1 == 0))
        .then(e.cast(pl.Float64, strict=False).cast(pl.Int64, strict=False).cast(pl.String))
        .when(e.cast(pl.Float64, strict=False).is_not_null())
        .then(e.cast(pl.Float64, strict=False).round(2).cast(pl.String))
        .otherwise(e.cast(pl.String))
    )


def _saran_status(t: pl.DataFrame) -> pl.DataFrame:
    """For an unknown status, suggest the closest valid one ('diterimah' → 'diterima')."""
    salah = t.filter(pl.col("kode") == "status_dikenal")
    if salah.height == 0:
        return t
    peta = {v: urai.saran_status(v) for v in salah["_snilai"].drop_nulls().unique().to_list()}
    peta = {k: v for k, v in peta.items() if v}
    mungkin = pl.col("_snilai").replace_strict(peta, default=None, return_dtype=pl.String)
    return t.with_columns(
        pl.when((pl.col("kode") == "status_dikenal") & mungkin.is_not_null())
        .then(pl.format("Maksud Anda '{}'? ", mungkin) + pl.col("saran")).otherwise(pl.col("saran")).alias("saran"),
        pl.when((pl.col("kode") == "status_dikenal") & mungkin.is_not_null())
        .then(pl.format("Did you mean '{}'? ", mungkin) + pl.col("fix")).otherwise(pl.col("fix")).alias("fix"),
    )


def temuan_file(file: str, pesan: str, message: str, tingkat: str) -> pl.DataFrame:
    return pl.DataFrame([{"file": file, "baris": None, "kolom": None, "nilai": None, "tingkat": tingkat,
                          "kode": "file", "pesan": pesan, "message": message, "saran": "", "fix": "", "sumber": INTI}],
                        schema=SKEMA_TEMUAN)


def sisih_file(frame: pl.DataFrame, pesan: str, message: str) -> pl.DataFrame:
    data = [c for c in frame.columns if not c.startswith("_")]
    return frame.select(pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"),
                        pl.lit(pesan).alias("alasan"), pl.lit(message).alias("reason"), *data)


def sisih_kosong() -> pl.DataFrame:
    return pl.DataFrame(schema={"file": pl.String, "baris": pl.Int64, "alasan": pl.String, "reason": pl.String})
