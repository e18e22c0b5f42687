"""The plain pandas side of the benchmarks: design.md §2's arithmetic (equal area weights) on a frame a
script has read, with no validation. Each benchmark reads its files its own way, then calls this."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

REGENCIES = Path(__file__).resolve().parent.parent / "mcsp_rules" / "data" / "wilayah" / "regencies.csv"
AREA_KABUPATEN = {"DESA"}  # domain.md: in 2019-2023 village finance is assessed for kabupaten only


@lru_cache(maxsize=1)
def _kota() -> frozenset[str]:
    import pandas as pd

    kab = pd.read_csv(REGENCIES, dtype=str)
    return frozenset(kab.loc[kab["name"].str.startswith("KOTA "), "code"])


def skor_pandas(df):
    """``df`` with tahun, kode_wilayah, area, bobot, status, nilai (numbers already numbers) → one row
    per pemda and year: indeks (NaN when an area of the year is missing) and kategori. Rows of an area
    a province or kota is not assessed on are left out, as the engine leaves them out of the index."""
    import numpy as np
    import pandas as pd

    bukan_kabupaten = ~df["kode_wilayah"].str.contains(".", regex=False) | df["kode_wilayah"].isin(_kota())
    df = df[~(df["area"].isin(AREA_KABUPATEN) & bukan_kabupaten)].copy()
    status = df["status"].str.strip().str.lower()
    df["wx"] = df["bobot"] * np.where(status == "diterima", df["nilai"].fillna(100.0), 0.0)
    area = df.groupby(["tahun", "kode_wilayah", "area"], as_index=False)[["wx", "bobot"]].sum()
    area["skor"] = area["wx"] / area["bobot"]
    per = area.groupby(["tahun", "kode_wilayah"], as_index=False).agg(indeks=("skor", "mean"), n=("area", "nunique"))
    # the areas a year requires: a kabupaten's full set (provinces and kota have the kabupaten-only ones left out)
    kab = area[area["kode_wilayah"].str.contains(".", regex=False) & ~area["kode_wilayah"].isin(_kota())]
    wajib_kab = (kab if len(kab) else area).groupby("tahun")["area"].nunique().rename("wajib")
    per = per.join(wajib_kab, on="tahun")
    lain = per["kode_wilayah"].str.contains(".", regex=False) & ~per["kode_wilayah"].isin(_kota())
    per.loc[~lain, "wajib"] -= area[area["area"].isin(AREA_KABUPATEN)].groupby("tahun")["area"].nunique().reindex(
        per.loc[~lain, "tahun"]).fillna(0).to_numpy()
    per.loc[per["n"] < per["wajib"], "indeks"] = np.nan
    per["kategori"] = pd.cut(per["indeks"], [0, 25, 50, 75, 100.0001], right=False,
                             labels=["Merah", "Kuning", "Biru", "Hijau"])
    return per
