"""The exact action plan: the least effort that reaches a target index, or the highest index an
effort budget buys.

Closing a gap (the item becomes ``diterima`` with nilai 100) raises the index by exactly its
``kenaikan`` (celah.py: the index is linear in item scores, so gains add up). Each gap costs the
effort (``usaha``) its area plugin gives for its status (defaults: in verification 1, returned 2, not
uploaded 3), which the caller may override per status. Only the pemda's own actions are planned
(upload, fix): a document in verification waits on KPK's verifier, so it is no action of the pemda; the
summary says per pemda how many such documents there are and what they add once verified
(``jumlah_verifikasi``, ``kenaikan_verifikasi``). For every pemda the planner solves

    target:    minimise Σ usaha·x  such that  Σ kenaikan·x ≥ target − indeks   (x binary)
    anggaran:  maximise Σ kenaikan·x  such that  Σ usaha·x ≤ budget

as an integer programme with ``scipy.optimize.milp`` (HiGHS), with no optimality gap allowed.

Fast paths that are exact, not guesses, so a whole country plans in well under a second:
- a pemda already at the target needs nothing; one that cannot reach it gets every gap (the best
  reachable), and is reported as not reaching it;
- the linear relaxation (a fractional knapsack: items by usaha/kenaikan) bounds the optimum; when a
  greedy plan costs no more than that bound, rounded up to the effort granularity (efforts 1, 2, 3
  are whole numbers, so no plan can cost a fraction in between), the greedy plan is optimal and the
  solver is not needed; the ``metode`` column says which way each pemda was planned;
- the remaining pemda are solved together in small block-diagonal batches (one constraint per
  pemda, identical gaps merged into one integer variable), which is still exact because the blocks
  are independent and no gap is tolerated.

After planning, the chosen items are closed on a copy of the data and re-scored with the engine's
own functions, so ``indeks_sesudah`` is what ``mcsp score`` would print.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np
import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung.skor import BATAS_KATEGORI, KATEGORI, kategori
from mcsp_rules.model import STATUS

TOLERANSI = 1e-9  # float error allowed when comparing the index with a target
PAKAI_SERTIFIKAT = True  # the exact fast path; tests switch it off to check the solver path alone
PAKAI_KELAS = True  # the exact enumeration for at most two distinct efforts; likewise switched off in tests
UKURAN_BATCH = 16  # pemda per MILP call: amortises scipy's per-call overhead, keeps each solve small
BATAS_WAKTU = 20.0  # seconds per MILP call; never reached at this problem size
_OPSI_MILP = {
    "mip_rel_gap": 0.0,  # exact: no optimality gap
    # passed through to HiGHS (scipy warns that it does not know them; HiGHS ignores unknown ones):
    "mip_abs_gap": 0.0,
    "mip_heuristic_run_feasibility_jump": False,  # a start-up heuristic costing ~10 ms per call here
}

BATAS_BAWAH_KATEGORI = dict(zip(KATEGORI, (0.0, *BATAS_KATEGORI)))  # Merah 0, Kuning 25, Biru 50, Hijau 75
_KATEGORI_EN = {"red": "Merah", "yellow": "Kuning", "blue": "Biru", "green": "Hijau"}

# an item is one row of the file: a sub-indicator, or one required document of it (design.md §1a `dokumen`)
KOLOM_ITEM = ("tahun", "kode_wilayah", "area", "indikator", "sub_indikator", "dokumen", "status", "usaha", "kenaikan")
KOLOM_CLI = ("tahun", "kode_wilayah", "area", "sub_indikator", "status", "usaha", "kenaikan")


# ------------------------------------------------------------------------------------ inputs
def baca_target(nilai: float | int | str, pita=None) -> float:
    """A target index: a number 0–100 (decimal comma allowed) or a band name of ``pita`` (the year's
    bands, a ``kit.Pita``; default: Hijau = 75, Biru = 50, Kuning = 25, Merah = 0), Indonesian or English:
    the band's lower limit."""
    if isinstance(nilai, str):
        teks = nilai.strip()
        kunci = teks.lower()
        if pita is not None:
            for nama, batas in zip((*pita.nama, *pita.name), (0.0, *pita.batas) * 2):
                if kunci == nama.lower():
                    return batas
        if pita is None or pita.bawaan:
            for nama, batas in BATAS_BAWAH_KATEGORI.items():
                if kunci == nama.lower():
                    return batas
            if kunci in _KATEGORI_EN:
                return BATAS_BAWAH_KATEGORI[_KATEGORI_EN[kunci]]
        try:
            nilai = float(teks.replace(",", "."))
        except ValueError:
            nama = ", ".join(pita.nama) if pita is not None else "Hijau, Biru, Kuning, Merah"
            raise MCSPError(f"Target '{teks}' tidak dikenal: tulis angka 0–100 atau nama kategori ({nama}).",
                            f"Unknown target '{teks}': give a number 0–100 or a band name ({nama}).") from None
    nilai = float(nilai)
    if not 0 <= nilai <= 100:
        raise MCSPError(f"Target harus 0–100, bukan {nilai:g}.", f"The target must be 0–100, not {nilai:g}.")
    return nilai


def adalah_nama_pita(nilai) -> bool:
    """Is ``nilai`` text that is not a number (a band name, resolved with the year's bands)?"""
    if not isinstance(nilai, str):
        return False
    try:
        float(nilai.strip().replace(",", "."))
        return False
    except ValueError:
        return True


def baca_usaha(pasangan: Iterable[str] | Mapping[str, float] | None) -> dict[str, float]:
    """Effort overrides per status: ``["perlu perbaikan=2", "belum=4"]`` or a mapping. Status names
    are read as the loader reads them (``belum``, ``verifikasi``, ``perbaikan``, underscores...);
    ``diterima`` makes accepted items scoring under 100 plannable too. Efforts must be > 0."""
    from mcsp_rules.io.urai import ALIAS_STATUS

    if pasangan is None:
        return {}
    if isinstance(pasangan, Mapping):
        butir = list(pasangan.items())
    else:
        butir = []
        for teks in pasangan:
            if "=" not in teks:
                raise MCSPError(f"Usaha '{teks}' harus berbentuk status=angka, mis. 'perlu perbaikan=2'.",
                                f"Effort '{teks}' must look like status=number, e.g. 'perlu perbaikan=2'.")
            kiri, kanan = teks.rsplit("=", 1)
            butir.append((kiri, kanan))
    hasil = {}
    for status, nilai in butir:
        kunci = " ".join(str(status).strip().lower().replace("_", " ").replace("-", " ").split())
        kanonik = ALIAS_STATUS.get(kunci)
        if kanonik is None:
            raise MCSPError(f"Status '{status}' tidak dikenal; pakai salah satu dari: {', '.join(STATUS)}.",
                            f"Unknown status '{status}'; use one of: {', '.join(STATUS)}.")
        try:
            angka = float(str(nilai).strip().replace(",", "."))
        except ValueError:
            angka = float("nan")
        if not angka > 0 or angka == float("inf"):
            raise MCSPError(f"Usaha untuk '{kanonik}' harus angka > 0, bukan '{nilai}'.",
                            f"The effort for '{kanonik}' must be a number > 0, not '{nilai}'.")
        hasil[kanonik] = angka
    return hasil


# ------------------------------------------------------------------------------------ result
@dataclass
class Rencana:
    """A plan for one or more pemda of one year."""

    mode: str  # "target" or "anggaran"
    tahun: int
    target: float | None
    anggaran: float | None
    item: pl.DataFrame  # one row per chosen gap (KOLOM_ITEM plus names, nilai, skor_item)
    ringkasan: pl.DataFrame  # one row per pemda: before/after, effort, reached, method
    usaha: dict[str, float] = field(default_factory=dict)  # the caller's effort overrides

    def tabel(self) -> pl.DataFrame:
        """What ``mcsp plan`` writes: one row per chosen item (with ``dokumen`` after ``sub_indikator`` when
        the items are documents, so that each line names what to upload or fix)."""
        kolom = list(KOLOM_CLI)
        if self.item.height and self.item["dokumen"].null_count() < self.item.height:
            kolom.insert(kolom.index("sub_indikator") + 1, "dokumen")
        return self.item.select(kolom)

    @property
    def tercapai(self) -> bool:
        """True when every pemda reaches the target (always True for a budget)."""
        return bool(self.ringkasan["tercapai"].all()) if self.ringkasan.height else True

    @property
    def tidak_tercapai(self) -> pl.DataFrame:
        return self.ringkasan.filter(~pl.col("tercapai"))

    def daftar_periksa(self) -> pl.DataFrame:
        """The checklist for offices: by pemda, area and indicator, largest gain first."""
        return self.item.sort(["kode_wilayah", "area", "indikator", "kenaikan", "sub_indikator", "dokumen"],
                              descending=[False, False, False, True, False, False], nulls_last=True)

    def kalimat(self, bahasa: str = "id") -> list[str]:
        """One sentence per pemda that does not reach the target (out of reach, or no complete index)."""
        from mcsp_rules.format import angka

        hasil = []
        for r in self.tidak_tercapai.to_dicts():  # messages: one per pemda that misses the target
            if r["keadaan"] == "tidak_lengkap":
                hasil.append(
                    f"Indeks {r['kode_wilayah']} ({self.tahun}) tidak lengkap, jadi tidak bisa direncanakan: "
                    f"data area {r['area_hilang']} tidak ada." if bahasa == "id" else
                    f"The index of {r['kode_wilayah']} ({self.tahun}) is incomplete, so it cannot be planned: "
                    f"no data for area {r['area_hilang']}.")
            else:
                hasil.append(
                    f"Target {angka(self.target)} tidak tercapai untuk {r['kode_wilayah']} ({self.tahun}): menutup semua "
                    f"{r['jumlah_item']} celah yang bisa direncanakan hanya menaikkan indeks dari {angka(r['indeks_sebelum'])} "
                    f"ke {angka(r['indeks_sesudah'])}." if bahasa == "id" else
                    f"Target {angka(self.target, 'en')} is out of reach for {r['kode_wilayah']} ({self.tahun}): closing all "
                    f"{r['jumlah_item']} gaps that can be planned only raises the index from {angka(r['indeks_sebelum'], 'en')} "
                    f"to {angka(r['indeks_sesudah'], 'en')}.")
        return hasil


# ------------------------------------------------------------------------------------ planner
def rencana(
    data,
    kode_wilayah: str | None = None,
    *,
    kode_provinsi: str | None = None,
    tahun: int | None = None,
    target: float | str | None = None,
    anggaran: float | None = None,
    usaha: Mapping[str, float] | Iterable[str] | None = None,
    bobot: Mapping[tuple[int, str], float] | None = None,
    dasar_=None,
) -> Rencana:
    """Plan one pemda (``kode_wilayah``), every pemda of a province (``kode_provinsi``) or, with
    neither, every pemda of the year. Give ``target`` (index or band name) or ``anggaran`` (an
    effort budget per pemda). ``usaha`` overrides the plugins' effort per status; ``bobot`` the area
    weights ({(tahun, area): w}); ``dasar_`` a baseline from ``simulasi.dasar`` with those weights."""
    from mcsp_rules.perencanaan import simulasi as sim

    if (target is None) == (anggaran is None):
        raise MCSPError("Isi target atau anggaran usaha (salah satu).", "Give a target or an effort budget (one of them).")
    # a band name is resolved with the bands of the plan's year (below); a number is checked now
    nilai_target = baca_target(target) if target is not None and not adalah_nama_pita(target) else None
    if anggaran is not None:
        try:
            anggaran = float(str(anggaran).replace(",", "."))
        except ValueError:
            anggaran = float("nan")
        if not anggaran >= 0 or anggaran == float("inf"):
            raise MCSPError("Anggaran usaha harus angka ≥ 0.", "The effort budget must be a number ≥ 0.")
    timpa = baca_usaha(usaha)
    bobot = dict(bobot or {})
    if dasar_ is None or dasar_.bobot_pengguna != bobot:
        dasar_ = sim.dasar(data, bobot or None)
    tahun = sim.tahun_data(dasar_.wilayah, tahun)
    kode = sim.lingkup(dasar_.wilayah, tahun, kode_wilayah, kode_provinsi)
    if adalah_nama_pita(target):
        nilai_target = baca_target(target, data.registri.pita(tahun))

    pemda = _pemda(dasar_.wilayah, tahun, kode, nilai_target)
    semua = _celah(data, dasar_, tahun, kode, timpa, pemda)
    # only the pemda's own actions are planned; what waits on KPK's verifier is reported beside
    gaps = semua.filter(pl.col("pihak") == "pemda").drop("_id").with_row_index("_id")
    tunggu = semua.filter(pl.col("pihak") == "kpk").group_by("kode_wilayah").agg(
        pl.len().cast(pl.Int64).alias("jumlah_verifikasi"), pl.col("kenaikan").sum().alias("kenaikan_verifikasi"))
    pemda = pemda.join(tunggu, on="kode_wilayah", how="left").with_columns(
        pl.col("jumlah_verifikasi").fill_null(0), pl.col("kenaikan_verifikasi").fill_null(0.0))
    skala = _skala(gaps["usaha"].to_numpy())
    if nilai_target is not None:
        pilih, metode = _rencana_target(gaps, pemda, skala)
    else:
        pilih, metode = _rencana_anggaran(gaps, pemda, float(anggaran), skala)
    item = gaps.filter(pl.col("_id").is_in(pilih.implode())).drop("_id")
    ringkasan = _ringkas(data, dasar_, tahun, kode, pemda, item, metode, nilai_target, anggaran)
    return Rencana("target" if nilai_target is not None else "anggaran", tahun, nilai_target, anggaran,
                   item.sort("kode_wilayah", "kenaikan", "sub_indikator", descending=[False, True, False]),
                   ringkasan, timpa)


def _pemda(wilayah: pl.DataFrame, tahun: int, kode: list[str], target: float | None) -> pl.DataFrame:
    return wilayah.filter((pl.col("tahun") == tahun) & pl.col("kode_wilayah").is_in(kode)).select(
        "kode_wilayah", "nama_wilayah", pl.col("indeks").alias("indeks_sebelum"), "lengkap",
        pl.col("area_hilang").list.join(", "),
        (pl.lit(target, dtype=pl.Float64) - pl.col("indeks") - TOLERANSI).alias("_perlu"),
    ).sort("kode_wilayah")


def _celah(data, dasar_, tahun: int, kode: list[str], timpa: dict[str, float], pemda: pl.DataFrame) -> pl.DataFrame:
    """The plannable gaps of the scope: effort known and > 0, index gain > 0, index complete.
    Sorted per pemda by effort per index point (then larger gain, then code), the greedy order."""
    from mcsp_rules.hitung.celah import celah
    from mcsp_rules.perencanaan.simulasi import total_per_jenis

    lingkup = dataclasses.replace(
        data, rincian=data.rincian.filter((pl.col("tahun") == tahun) & pl.col("kode_wilayah").is_in(kode)))
    bobot = {k: v for k, v in dasar_.bobot_pengguna.items()} or None
    g = celah(lingkup, bobot)
    w = dasar_.bobot.filter(pl.col("tahun") == tahun)
    w_area = dict(zip(w["area"].to_list(), w["bobot"].to_list()))
    total = total_per_jenis(w, tahun, float(sum(w_area.values())) or 1.0)  # Σ w of the areas the pemda's kind has
    if timpa:
        g = g.with_columns(pl.col("status").replace_strict(timpa, default=pl.col("usaha"), return_dtype=pl.Float64).alias("usaha"))
    if "dokumen" not in g.columns:  # rows from a store or a frame without the column
        g = g.with_columns(pl.lit(None, pl.String).alias("dokumen"))
    return (
        g.join(pemda.select("kode_wilayah", "lengkap"), on="kode_wilayah", how="inner")
        # celah decides completeness from detail rows only; an index completed by summary rows is
        # complete too, and its gains follow the same formula
        .with_columns(pl.coalesce(
            "kenaikan",
            pl.when(pl.col("lengkap")).then(
                pl.col("area").replace_strict(w_area, default=None, return_dtype=pl.Float64) / total * pl.col("kenaikan_area")),
        ).alias("kenaikan"))
        .filter(pl.col("lengkap") & ((pl.col("usaha") > 0) | (pl.col("pihak") == "kpk")) & (pl.col("kenaikan") > 0))
        .select(*KOLOM_ITEM, "nama_wilayah", "nama_sub_indikator", "nilai", "skor_item", "kenaikan_area", "pihak")
        .sort(["kode_wilayah", (pl.col("usaha") / pl.col("kenaikan")), "kenaikan", "sub_indikator", "dokumen"],
              descending=[False, False, True, False, False], nulls_last=True)
        .with_row_index("_id")
    )


def _skala(usaha: np.ndarray) -> int | None:
    """q such that every effort is a multiple of 1/q (then every plan's total is too, and a bound can
    be rounded up to it); None when efforts have no such small common granularity."""
    for q in (1, 2, 4, 5, 10, 20, 50, 100):
        if np.all(np.abs(usaha * q - np.round(usaha * q)) < 1e-9):
            return q
    return None


def _bulat_atas(x: pl.Expr, skala: int | None) -> pl.Expr:
    return x if skala is None else ((x - 1e-9) * skala).ceil() / skala


def _per_pemda(expr: pl.Expr, syarat: pl.Expr) -> pl.Expr:
    return expr.filter(syarat).first().over("kode_wilayah")


def _prefiks_rakus() -> list[pl.Expr]:
    """Per pemda, along the greedy order: position, gain and effort so far (both bounds start here)."""
    return [
        pl.int_range(pl.len()).over("kode_wilayah").alias("_pos"),
        pl.col("kenaikan").cum_sum().over("kode_wilayah").alias("_cg"),
        pl.col("usaha").cum_sum().over("kode_wilayah").alias("_cc"),
    ]


def _item_kritis(kritis: pl.Expr) -> list[pl.Expr]:
    """The critical item of each pemda (where ``kritis`` holds): its position, the gain and effort of
    the prefix before it, and its own effort and gain."""
    return [
        _per_pemda(pl.col("_pos"), kritis).alias("_kp"),
        _per_pemda(pl.col("_cg") - pl.col("kenaikan"), kritis).alias("_kpg"),
        _per_pemda(pl.col("_cc") - pl.col("usaha"), kritis).alias("_kpc"),
        _per_pemda(pl.col("usaha"), kritis).alias("_kc"),
        _per_pemda(pl.col("kenaikan"), kritis).alias("_kg"),
    ]


def _rencana_target(gaps: pl.DataFrame, pemda: pl.DataFrame, skala: int | None) -> tuple[pl.Series, pl.DataFrame]:
    """Least effort reaching the target, for every pemda. Returns (ids of chosen gaps, method per pemda)."""
    g = (
        gaps.select("_id", "kode_wilayah", "usaha", "kenaikan")
        .join(pemda.select("kode_wilayah", "_perlu"), on="kode_wilayah", how="left")
        .with_columns(*_prefiks_rakus(), pl.col("kenaikan").sum().over("kode_wilayah").alias("_total"))
    )
    # the critical item: the first at which the greedy prefix reaches the target
    kritis = (pl.col("_cg") >= pl.col("_perlu")) & (pl.col("_cg") - pl.col("kenaikan") < pl.col("_perlu"))
    g = g.with_columns(*_item_kritis(kritis), _per_pemda(pl.col("_cg"), kritis).alias("_kcg")).with_columns(
        # the linear relaxation's optimum: prefix plus a fraction of the critical item
        _bulat_atas(pl.col("_kpc") + pl.col("_kc") * (pl.col("_perlu") - pl.col("_kpg")) / pl.col("_kg"), skala).alias("_lb"),
        (pl.col("_kpc") + pl.col("_kc")).alias("_h1"),
        # H2: prefix plus the cheapest later item that alone covers the rest
        pl.col("usaha").filter((pl.col("_pos") > pl.col("_kp")) & (pl.col("kenaikan") >= pl.col("_perlu") - pl.col("_kpg")))
        .min().over("kode_wilayah").alias("_c2"),
        # H3: prefix and critical item, minus the costliest earlier item the surplus can spare
        pl.col("usaha").filter((pl.col("_pos") < pl.col("_kp")) & (pl.col("kenaikan") <= pl.col("_kcg") - pl.col("_perlu")))
        .max().over("kode_wilayah").alias("_c3"),
    ).with_columns(
        (pl.col("_kpc") + pl.col("_c2")).alias("_h2"),
        (pl.col("_h1") - pl.col("_c3")).alias("_h3"),
    ).with_columns(
        pl.min_horizontal("_h1", "_h2", "_h3").alias("_ub"),
        # Martello–Toth: the critical item is either in the plan or not; the optimum is at least the
        # smaller of the two relaxations, each rounded up (a branch that cannot reach the target
        # drops out). With the critical item: the rest covers _perlu − its gain from the prefix.
        (pl.col("_perlu") - pl.col("_kg")).alias("_perlu1"),
    ).with_columns(
        _per_pemda(
            pl.col("_cc") - pl.col("usaha") + pl.col("usaha") * (pl.col("_perlu1") - pl.col("_cg") + pl.col("kenaikan")) / pl.col("kenaikan"),
            (pl.col("_cg") >= pl.col("_perlu1")) & (pl.col("_cg") - pl.col("kenaikan") < pl.col("_perlu1")),
        ).alias("_lp1"),
        # without it: the later items continue the greedy order
        _per_pemda(
            pl.col("_cc") - pl.col("_kc") - pl.col("usaha")
            + pl.col("usaha") * (pl.col("_perlu") - (pl.col("_cg") - pl.col("_kg") - pl.col("kenaikan"))) / pl.col("kenaikan"),
            (pl.col("_pos") > pl.col("_kp")) & (pl.col("_cg") - pl.col("_kg") >= pl.col("_perlu"))
            & (pl.col("_cg") - pl.col("_kg") - pl.col("kenaikan") < pl.col("_perlu")),
        ).alias("_lp0"),
    ).with_columns(
        pl.max_horizontal(
            "_lb",
            pl.min_horizontal(
                _bulat_atas(pl.when(pl.col("_perlu1") <= 0).then(pl.col("_kc")).otherwise(pl.col("_kc") + pl.col("_lp1")), skala),
                _bulat_atas(pl.col("_lp0"), skala),
            ),
        ).alias("_lb"),
    ).with_columns(
        pl.when(pl.col("_h1") == pl.col("_ub")).then(pl.lit(1))
        .when(pl.col("_h3") == pl.col("_ub")).then(pl.lit(3)).otherwise(pl.lit(2)).alias("_h"),
        pl.col("_pos").filter((pl.col("_pos") > pl.col("_kp")) & (pl.col("kenaikan") >= pl.col("_perlu") - pl.col("_kpg"))
                              & (pl.col("usaha") == pl.col("_c2"))).min().over("kode_wilayah").alias("_p2"),
        pl.col("_pos").filter((pl.col("_pos") < pl.col("_kp")) & (pl.col("kenaikan") <= pl.col("_kcg") - pl.col("_perlu"))
                              & (pl.col("usaha") == pl.col("_c3"))).max().over("kode_wilayah").alias("_p3"),
    )
    status = g.group_by("kode_wilayah").agg(
        pl.col("_perlu").first(), pl.col("_total").first(), pl.col("_ub").first(), pl.col("_lb").first())
    status = pemda.select("kode_wilayah", "lengkap", pl.col("_perlu").alias("_p")).join(status, on="kode_wilayah", how="left").with_columns(
        pl.when(~pl.col("lengkap")).then(pl.lit("tidak_lengkap"))
        .when(pl.col("_p") <= 0).then(pl.lit("sudah"))
        .when(pl.col("_total").is_null() | (pl.col("_total") < pl.col("_p"))).then(pl.lit("semua_celah"))
        .when(pl.lit(PAKAI_SERTIFIKAT) & (pl.col("_ub") <= pl.col("_lb") + 1e-9)).then(pl.lit("sertifikat"))
        .otherwise(pl.lit("milp")).alias("metode")
    ).select("kode_wilayah", "metode")
    g = g.join(status, on="kode_wilayah", how="left")
    pilih_cepat = g.filter(
        ((pl.col("metode") == "semua_celah"))
        | ((pl.col("metode") == "sertifikat") & (
            ((pl.col("_h") == 1) & (pl.col("_pos") <= pl.col("_kp")))
            | ((pl.col("_h") == 3) & (pl.col("_pos") <= pl.col("_kp")) & (pl.col("_pos") != pl.col("_p3")))
            | ((pl.col("_h") == 2) & ((pl.col("_pos") < pl.col("_kp")) | (pl.col("_pos") == pl.col("_p2"))))
        ))
    )["_id"]
    sisa = g.filter(pl.col("metode") == "milp").select("_id", "kode_wilayah", "usaha", "kenaikan", "_perlu")
    pilih_kelas, sisa, status = _dua_kelas(sisa, status, "target")
    pilih_milp = _milp_batch(sisa, "target")
    return pl.concat([pilih_cepat, pilih_kelas, pilih_milp]), status


def _rencana_anggaran(gaps: pl.DataFrame, pemda: pl.DataFrame, anggaran: float, skala: int | None) -> tuple[pl.Series, pl.DataFrame]:
    """Highest index within ``anggaran`` effort, for every pemda."""
    batas = anggaran if skala is None else float(np.floor((anggaran + 1e-9) * skala) / skala)
    g = gaps.select("_id", "kode_wilayah", "usaha", "kenaikan").with_columns(
        *_prefiks_rakus(), pl.col("usaha").sum().over("kode_wilayah").alias("_ctotal"))
    # greedy by gain per effort: the prefix that fits, then the best later item that still fits
    kritis = (pl.col("_cc") > batas + 1e-9) & (pl.col("_cc") - pl.col("usaha") <= batas + 1e-9)
    g = g.with_columns(*_item_kritis(kritis)).with_columns(
        (pl.col("_kpg") + pl.col("_kg") * (batas - pl.col("_kpc")) / pl.col("_kc")).alias("_ub"),
        pl.col("kenaikan").filter((pl.col("_pos") > pl.col("_kp")) & (pl.col("usaha") <= batas - pl.col("_kpc") + 1e-9))
        .max().over("kode_wilayah").fill_null(0.0).alias("_g2"),
    ).with_columns(
        (pl.col("_kpg") + pl.col("_g2")).alias("_lb"),
        # Martello–Toth: the optimum is at most the larger relaxation with the critical item out
        # (the later items continue the greedy order) or in (the prefix makes room for it)
        pl.coalesce(
            _per_pemda(
                pl.col("_cg") - pl.col("_kg") - pl.col("kenaikan")
                + pl.col("kenaikan") * (batas - (pl.col("_cc") - pl.col("_kc") - pl.col("usaha"))) / pl.col("usaha"),
                (pl.col("_pos") > pl.col("_kp")) & (pl.col("_cc") - pl.col("_kc") > batas)
                & (pl.col("_cc") - pl.col("_kc") - pl.col("usaha") <= batas),
            ),
            pl.col("kenaikan").sum().over("kode_wilayah") - pl.col("_kg"),
        ).alias("_ub0"),
        pl.when(pl.col("_kc") <= batas).then(
            pl.col("_kg") + _per_pemda(
                pl.col("_cg") - pl.col("kenaikan")
                + pl.col("kenaikan") * (batas - pl.col("_kc") - (pl.col("_cc") - pl.col("usaha"))) / pl.col("usaha"),
                (pl.col("_pos") < pl.col("_kp")) & (pl.col("_cc") > batas - pl.col("_kc"))
                & (pl.col("_cc") - pl.col("usaha") <= batas - pl.col("_kc")),
            )
        ).alias("_ub1"),
    ).with_columns(
        pl.min_horizontal("_ub", pl.max_horizontal("_ub0", "_ub1")).alias("_ub"),
        pl.col("_pos").filter((pl.col("_pos") > pl.col("_kp")) & (pl.col("usaha") <= batas - pl.col("_kpc") + 1e-9)
                              & (pl.col("kenaikan") == pl.col("_g2"))).min().over("kode_wilayah").alias("_p2"),
    )
    status = g.group_by("kode_wilayah").agg(pl.col("_ctotal").first(), pl.col("_ub").first(), pl.col("_lb").first())
    status = pemda.select("kode_wilayah", "lengkap").join(status, on="kode_wilayah", how="left").with_columns(
        pl.when(~pl.col("lengkap")).then(pl.lit("tidak_lengkap"))
        .when(pl.col("_ctotal").is_null()).then(pl.lit("sudah"))
        .when(pl.col("_ctotal") <= batas + 1e-9).then(pl.lit("semua_celah"))
        .when(pl.lit(PAKAI_SERTIFIKAT) & (pl.col("_lb") >= pl.col("_ub") - 1e-9)).then(pl.lit("sertifikat"))
        .otherwise(pl.lit("milp")).alias("metode")
    ).select("kode_wilayah", "metode")
    g = g.join(status, on="kode_wilayah", how="left")
    pilih_cepat = g.filter(
        (pl.col("metode") == "semua_celah")
        | ((pl.col("metode") == "sertifikat") & ((pl.col("_pos") < pl.col("_kp")) | (pl.col("_pos") == pl.col("_p2"))))
    )["_id"]
    sisa = g.filter(pl.col("metode") == "milp").select("_id", "kode_wilayah", "usaha", "kenaikan",
                                                       pl.lit(batas).alias("_batas"))
    pilih_kelas, sisa, status = _dua_kelas(sisa, status, "anggaran")
    return pl.concat([pilih_cepat, pilih_kelas, _milp_batch(sisa, "anggaran")]), status


# ------------------------------------------------------------------ two effort classes: enumeration
def _dua_kelas(sisa: pl.DataFrame, status: pl.DataFrame, mode: str) -> tuple[pl.Series, pl.DataFrame, pl.DataFrame]:
    """Exact plans, without the solver, for the pemda whose gaps carry at most two distinct efforts (the
    usual case: returned documents cost one effort, missing ones another; ~650 documents a pemda at
    real scale make the MILP slow). Among gaps of equal effort, a plan that takes k of them is best
    with the k largest gains (swap any other in: same effort, no less gain), so the optimum is the best
    (i, j) of "i largest of one class and j largest of the other", and every i is tried. Returns the
    chosen ids, the pemda left for the solver, and ``status`` with metode "kelas" for those solved."""
    kosong = pl.Series("_id", [], dtype=pl.UInt32)
    if not PAKAI_KELAS or sisa.is_empty():
        return kosong, sisa, status
    cocok = sisa.group_by("kode_wilayah").agg(pl.col("usaha").n_unique().alias("_k")).filter(pl.col("_k") <= 2)
    if cocok.is_empty():
        return kosong, sisa, status
    bagian = sisa.join(cocok.select("kode_wilayah"), on="kode_wilayah", how="semi").sort(
        "kode_wilayah", "usaha", pl.col("kenaikan"), descending=[False, False, True], maintain_order=True)
    pilih = []
    for _, df in bagian.group_by("kode_wilayah", maintain_order=True):  # one small problem per pemda
        kelas = [d for _, d in df.group_by("usaha", maintain_order=True)]
        biaya = [float(d["usaha"][0]) for d in kelas] + [0.0]
        untung = [np.concatenate(([0.0], np.cumsum(d["kenaikan"].to_numpy()))) for d in kelas] + [np.zeros(1)]
        a, b, pa, pb = biaya[0], biaya[1], untung[0], untung[1]
        i = np.arange(len(pa))
        if mode == "target":
            perlu = float(df["_perlu"][0])
            j = np.searchsorted(pb, perlu - pa, side="left")  # fewest of the second class that close the rest
            j = np.where((j < len(pb)) & (pa + pb[np.minimum(j, len(pb) - 1)] < perlu), j + 1, j)  # exact >= check
            sah = j < len(pb)
            nilai = np.where(sah, a * i + b * np.minimum(j, len(pb) - 1), np.inf)
            terbaik = int(np.argmin(nilai))  # least effort; the first (fewest of the first class) on a tie
        else:
            batas = float(df["_batas"][0])
            sah = a * i <= batas + 1e-9
            j = np.minimum(np.floor((batas + 1e-9 - a * i) / b).astype(np.int64) if b > 0 else len(pb) - 1, len(pb) - 1)
            j = np.where(sah, np.maximum(j, 0), 0)
            nilai = np.where(sah, pa + pb[j], -np.inf)
            biaya_ij = a * i + b * j
            terbaik = int(np.lexsort((biaya_ij, -nilai))[0])  # most gain; the least effort on a tie
        pilih.append(kelas[0]["_id"].head(int(i[terbaik])))
        if len(kelas) > 1:
            pilih.append(kelas[1]["_id"].head(int(j[terbaik])))
    status = status.with_columns(
        pl.when(pl.col("kode_wilayah").is_in(cocok["kode_wilayah"].implode())).then(pl.lit("kelas"))
        .otherwise(pl.col("metode")).alias("metode"))
    return (pl.concat(pilih).rename("_id") if pilih else kosong), sisa.join(cocok.select("kode_wilayah"),
                                                                          on="kode_wilayah", how="anti"), status


# ------------------------------------------------------------------------------------ MILP
def _milp_batch(sisa: pl.DataFrame, mode: str) -> pl.Series:
    """Solve the pemda in ``sisa`` exactly, UKURAN_BATCH pemda per ``milp`` call. Identical gaps of a
    pemda (same effort and gain) become one integer variable 0..count; the solution takes the first
    ones in the greedy order (then by code). Returns the ids of the chosen gaps."""
    if sisa.is_empty():
        return pl.Series("_id", [], dtype=pl.UInt32)
    # rows arrive in the greedy order per pemda; a class keeps its members in that order
    kelas = (
        sisa.with_columns(pl.col("kode_wilayah").rank("dense").cast(pl.Int64).sub(1).alias("_blok"))
        .group_by("_blok", "usaha", "kenaikan", maintain_order=True)
        .agg(pl.col("_id"), pl.len().alias("_m"), pl.col("_perlu" if mode == "target" else "_batas").first().alias("_rhs"))
        .sort("_blok", maintain_order=True)
    )
    blok = kelas["_blok"].to_numpy()
    c, g, m = kelas["usaha"].to_numpy(), kelas["kenaikan"].to_numpy(), kelas["_m"].to_numpy().astype(float)
    rhs = kelas.group_by("_blok", maintain_order=True).agg(pl.col("_rhs").first())["_rhs"].to_numpy()
    awal = np.searchsorted(blok, np.arange(len(rhs) + 1))
    x = np.zeros(len(c))
    for b0 in range(0, len(rhs), UKURAN_BATCH):
        b1 = min(b0 + UKURAN_BATCH, len(rhs))
        s, e = awal[b0], awal[b1]
        x[s:e] = _selesaikan(c[s:e], g[s:e], m[s:e], blok[s:e] - b0, rhs[b0:b1], mode)
    jumlah = np.rint(x).astype(np.int64)
    terpilih = kelas.with_columns(pl.Series("_ambil", jumlah)).filter(pl.col("_ambil") > 0)
    return terpilih.select(pl.col("_id").list.head(pl.col("_ambil")))["_id"].explode()


def _selesaikan(c, g, m, blok, rhs, mode: str) -> np.ndarray:
    """One block-diagonal MILP; rows are pemda. Exact (no optimality gap). HiGHS accepts a solution
    within its feasibility tolerance (1e-6); the rounded solution is checked in exact arithmetic and,
    if it misses the target or the budget by such a hair, solved again with a small margin."""
    from scipy.optimize import milp
    from scipy.sparse import csr_array

    n, k = len(c), len(rhs)
    baris = csr_array((g if mode == "target" else c, (blok, np.arange(n))), shape=(k, n))
    # HiGHS 1.12 prints a debug line to stdout after presolve in some budget problems; without
    # presolve it does not. The last attempt flips presolve in case a solve fails either way.
    presolve = mode == "target"
    for margin, pre in ((0.0, presolve), (2e-6, presolve), (2e-5, not presolve)):
        if mode == "target":
            batas, obj = (rhs + margin, np.full(k, np.inf)), c
        else:
            batas, obj = (np.full(k, -np.inf), rhs + 1e-9 - margin), -g
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = milp(obj, integrality=np.ones(n), bounds=(0, m), constraints=(baris, *batas),
                     options=dict(_OPSI_MILP, presolve=pre, time_limit=BATAS_WAKTU))
        if r.x is None:
            continue
        x = np.clip(np.rint(r.x), 0, m)
        if mode == "target":
            ok = np.bincount(blok, weights=g * x, minlength=k) >= rhs
        else:
            ok = np.bincount(blok, weights=c * x, minlength=k) <= rhs + 1e-9
        if ok.all():
            return x
    raise MCSPError(f"Solver MILP tidak menemukan rencana yang sah ({r.message}).",
                    f"The MILP solver found no valid plan ({r.message}).")


# ------------------------------------------------------------------------------------ summary
def _ringkas(data, dasar_, tahun, kode, pemda, item, metode, target, anggaran) -> pl.DataFrame:
    """Per pemda: the plan's effort and gain, and the index after closing the chosen items,
    re-scored by the engine (so it is what ``mcsp score`` prints)."""
    from mcsp_rules.perencanaan import simulasi as sim

    sesudah = sim.skor_setelah_tutup(data, dasar_, tahun, kode, item.select("kode_wilayah", "sub_indikator", "dokumen"))
    jumlah = item.group_by("kode_wilayah").agg(
        pl.len().cast(pl.Int64).alias("jumlah_item"), pl.col("usaha").sum().alias("usaha_total"),
        pl.col("kenaikan").sum().alias("kenaikan_total"))
    hasil = (
        pemda.drop("_perlu")
        .join(sesudah, on="kode_wilayah", how="left")
        .join(jumlah, on="kode_wilayah", how="left")
        .join(metode, on="kode_wilayah", how="left")
        .with_columns(pl.col("jumlah_item").fill_null(0), pl.col("usaha_total").fill_null(0.0),
                      pl.col("kenaikan_total").fill_null(0.0))
        .with_columns(
            pl.lit(tahun, dtype=pl.Int32).alias("tahun"),
            pl.lit(target, dtype=pl.Float64).alias("target"),
            pl.lit(anggaran, dtype=pl.Float64).alias("anggaran"),
        )
        .with_columns(  # the bands of the plan's year
            kategori(pl.col("indeks_sebelum"), data.registri).alias("kategori_sebelum"),
            kategori(pl.col("indeks_sesudah"), data.registri).alias("kategori_sesudah"),
        )
    )
    if target is None:
        tercapai = pl.col("lengkap")
    else:
        tercapai = pl.col("lengkap") & (pl.col("indeks_sesudah") >= target - TOLERANSI)
    return hasil.with_columns(
        tercapai.alias("tercapai"),
        pl.when(~pl.col("lengkap")).then(pl.lit("tidak_lengkap"))
        .when(pl.col("metode") == "sudah").then(pl.lit("sudah"))
        .when(pl.lit(target is not None) & ~tercapai).then(pl.lit("tidak_tercapai"))
        .otherwise(pl.lit("direncanakan")).alias("keadaan"),
    ).select(
        "tahun", "kode_wilayah", "nama_wilayah", "indeks_sebelum", "target", "anggaran", "indeks_sesudah",
        "kategori_sebelum", "kategori_sesudah", "jumlah_item", "usaha_total", "kenaikan_total", "tercapai", "keadaan",
        "metode", "lengkap", "area_hilang", "jumlah_verifikasi", "kenaikan_verifikasi",
    ).sort("kode_wilayah")
