"""The what-if scenario model (``Skenario``, ``Aksi``) and its JSON form (docs/skenario.md).

A scenario has a scope (one pemda, every pemda of a province, or the whole country), a year, and a
list of actions applied in order; ``perencanaan.simulasi`` computes their effect. This module only
describes and checks scenarios: it computes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from mcsp_rules.galat import MCSPError

VERSI_SKENARIO = 1

# jenis aksi → the status it closes (None: any status / not an item action)
JENIS_AKSI: dict[str, str | None] = {
    "terima_verifikasi": "proses verifikasi",
    "perbaiki": "perlu perbaikan",
    "unggah": "belum diunggah",
    "pilih": None,
    "skor_area": None,
}
NAMA_AKSI = {  # (Indonesian, English) labels for pages and the CLI
    # not the pemda's action: KPK's verifier accepts (the simulation shows it apart; the plan leaves it out)
    "terima_verifikasi": ("Terima dokumen dalam verifikasi (oleh verifikator KPK)",
                          "Accept documents in verification (by KPK's verifier)"),
    "perbaiki": ("Perbaiki dokumen yang dikembalikan", "Fix returned documents"),
    "unggah": ("Unggah dokumen yang belum diunggah", "Upload missing documents"),
    "pilih": ("Tutup sub-indikator pilihan", "Close chosen sub-indicators"),
    "skor_area": ("Tetapkan skor area", "Set an area score"),
}


# ---------------------------------------------------------------------------------- scenario model
def _tuple_teks(nilai: Any, kunci: str, tempat: str) -> tuple[str, ...]:
    if nilai is None:
        return ()
    if isinstance(nilai, str):
        nilai = [nilai]
    if not isinstance(nilai, (list, tuple)) or not all(isinstance(v, (str, int, float)) for v in nilai):
        raise MCSPError(f"{tempat}: '{kunci}' harus berupa daftar teks.", f"{tempat}: '{kunci}' must be a list of text.")
    return tuple(str(v).strip() for v in nilai)


def _angka(nilai: Any, kunci: str, tempat: str) -> float:
    if isinstance(nilai, str):
        nilai = nilai.strip().replace(",", ".")
    try:
        if isinstance(nilai, bool):
            raise TypeError
        return float(nilai)
    except (TypeError, ValueError):
        raise MCSPError(f"{tempat}: '{kunci}' harus berupa angka, bukan {nilai!r}.",
                        f"{tempat}: '{kunci}' must be a number, not {nilai!r}.") from None


@dataclass(frozen=True)
class Aksi:
    """One action of a scenario. Filters left empty mean "all"."""

    jenis: str
    area: tuple[str, ...] = ()  # area codes (or names) the action is limited to
    sub_indikator: tuple[str, ...] = ()  # chosen sub-indicators (required for ``pilih``)
    jumlah: int | None = None  # at most this many items per pemda, largest index gain first
    wilayah: tuple[str, ...] = ()  # pemda (kode_wilayah) inside the scope the action is limited to
    skor: float | None = None  # ``skor_area`` only: the area's new score, 0–100

    KUNCI = ("jenis", "area", "sub_indikator", "jumlah", "wilayah", "skor")

    def ke_dict(self) -> dict:
        d: dict[str, Any] = {"jenis": self.jenis}
        for k in ("area", "sub_indikator", "wilayah"):
            if getattr(self, k):
                d[k] = list(getattr(self, k))
        if self.jumlah is not None:
            d["jumlah"] = self.jumlah
        if self.skor is not None:
            d["skor"] = self.skor
        return d

    @classmethod
    def dari_dict(cls, d: Mapping, nomor: int = 1) -> "Aksi":
        tempat = f"aksi ke-{nomor}"
        if not isinstance(d, Mapping):
            raise MCSPError(f"{tempat} harus berupa objek JSON.", f"action {nomor} must be a JSON object.")
        asing = sorted(set(d) - set(cls.KUNCI))
        if asing:
            raise MCSPError(f"{tempat}: kunci tidak dikenal {', '.join(asing)} (yang dikenal: {', '.join(cls.KUNCI)}).",
                            f"action {nomor}: unknown keys {', '.join(asing)} (known: {', '.join(cls.KUNCI)}).")
        jenis = str(d.get("jenis", "")).strip()
        if jenis not in JENIS_AKSI:
            raise MCSPError(f"{tempat}: jenis '{jenis}' tidak dikenal; pilih salah satu dari {', '.join(JENIS_AKSI)}.",
                            f"action {nomor}: unknown kind '{jenis}'; choose one of {', '.join(JENIS_AKSI)}.")
        jumlah = d.get("jumlah")
        if jumlah is not None:
            j = _angka(jumlah, "jumlah", tempat)
            if j < 0 or j != int(j):
                raise MCSPError(f"{tempat}: 'jumlah' harus bilangan bulat ≥ 0, bukan {jumlah!r}.",
                                f"action {nomor}: 'jumlah' must be a whole number ≥ 0, not {jumlah!r}.")
            jumlah = int(j)
        skor = d.get("skor")
        if skor is not None:
            skor = _angka(skor, "skor", tempat)
        aksi = cls(jenis, _tuple_teks(d.get("area"), "area", tempat), _tuple_teks(d.get("sub_indikator"), "sub_indikator", tempat),
                   jumlah, _tuple_teks(d.get("wilayah"), "wilayah", tempat), skor)
        aksi.periksa(nomor)
        return aksi

    def periksa(self, nomor: int = 1) -> None:
        """Checks that need no data; raises MCSPError with one sentence."""
        tempat, place = f"aksi ke-{nomor} ({self.jenis})", f"action {nomor} ({self.jenis})"
        if self.jenis not in JENIS_AKSI:
            raise MCSPError(f"aksi ke-{nomor}: jenis '{self.jenis}' tidak dikenal; pilih salah satu dari {', '.join(JENIS_AKSI)}.",
                            f"action {nomor}: unknown kind '{self.jenis}'; choose one of {', '.join(JENIS_AKSI)}.")
        if self.jenis == "pilih" and not self.sub_indikator:
            raise MCSPError(f"{tempat}: sebutkan sub_indikator yang ditutup.", f"{place}: name the sub_indikator to close.")
        if self.jenis == "skor_area":
            if len(self.area) != 1 or self.skor is None:
                raise MCSPError(f"{tempat}: butuh tepat satu 'area' dan 'skor'.", f"{place}: needs exactly one 'area' and a 'skor'.")
            if not 0 <= self.skor <= 100:
                raise MCSPError(f"{tempat}: skor harus 0–100, bukan {self.skor:g}.", f"{place}: the score must be 0–100, not {self.skor:g}.")
            if self.sub_indikator or self.jumlah is not None:
                raise MCSPError(f"{tempat}: 'sub_indikator' dan 'jumlah' tidak berlaku untuk skor area.",
                                f"{place}: 'sub_indikator' and 'jumlah' do not apply to an area score.")
        elif self.skor is not None:
            raise MCSPError(f"{tempat}: 'skor' hanya untuk aksi skor_area.", f"{place}: 'skor' is for skor_area actions only.")
        if self.jumlah is not None and self.jumlah < 0:
            raise MCSPError(f"{tempat}: 'jumlah' harus ≥ 0.", f"{place}: 'jumlah' must be ≥ 0.")

    def keterangan(self, bahasa: str = "id") -> str:
        """A one-line description for pages and the CLI."""
        teks = NAMA_AKSI[self.jenis][0 if bahasa == "id" else 1]
        bagian = []
        if self.jumlah is not None:
            bagian.append((f"paling banyak {self.jumlah} per pemda" if bahasa == "id" else f"at most {self.jumlah} per pemda"))
        if self.area:
            bagian.append(("area " if bahasa == "id" else "areas ") + ", ".join(self.area))
        if self.sub_indikator:
            bagian.append("sub-indikator " + ", ".join(self.sub_indikator))
        if self.wilayah:
            bagian.append(("wilayah " if bahasa == "id" else "regions ") + ", ".join(self.wilayah))
        if self.skor is not None:
            bagian.append(("skor " if bahasa == "id" else "score ") + f"{self.skor:g}")
        return teks + (f" ({'; '.join(bagian)})" if bagian else "")


@dataclass(frozen=True)
class Skenario:
    """A named, reproducible what-if: scope, year, actions, and the area weights it was made with.

    Scope: ``kode_wilayah`` (one pemda; "62" is the provincial government itself), or
    ``kode_provinsi`` (every pemda of the province), or neither (every pemda in the data).
    ``tahun`` None means the latest year in the data. ``bobot`` {area: weight} overrides the
    plugins' area weights for the scenario's year, so a scenario made with other weights replays
    with them.
    """

    nama: str = "Skenario"
    tahun: int | None = None
    kode_wilayah: str | None = None
    kode_provinsi: str | None = None
    aksi: tuple[Aksi, ...] = ()
    bobot: Mapping[str, float] = field(default_factory=dict)
    catatan: str = ""
    versi: int = VERSI_SKENARIO

    KUNCI = ("versi", "nama", "tahun", "kode_wilayah", "kode_provinsi", "aksi", "bobot", "catatan")

    def __post_init__(self) -> None:
        if self.kode_wilayah and self.kode_provinsi:
            raise MCSPError("Skenario: isi kode_wilayah atau kode_provinsi, jangan keduanya.",
                            "Scenario: give kode_wilayah or kode_provinsi, not both.")
        for i, a in enumerate(self.aksi, 1):
            a.periksa(i)
        for area, w in self.bobot.items():
            if not (isinstance(w, (int, float)) and w > 0):
                raise MCSPError(f"Skenario: bobot area {area} harus angka > 0, bukan {w!r}.",
                                f"Scenario: the weight of area {area} must be a number > 0, not {w!r}.")

    # -- JSON --------------------------------------------------------------------------------------
    def ke_dict(self) -> dict:
        d: dict[str, Any] = {"versi": self.versi, "nama": self.nama, "tahun": self.tahun}
        if self.kode_wilayah:
            d["kode_wilayah"] = self.kode_wilayah
        if self.kode_provinsi:
            d["kode_provinsi"] = self.kode_provinsi
        d["aksi"] = [a.ke_dict() for a in self.aksi]
        if self.bobot:
            d["bobot"] = dict(self.bobot)
        if self.catatan:
            d["catatan"] = self.catatan
        return d

    def ke_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.ke_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def dari_dict(cls, d: Mapping) -> "Skenario":
        if not isinstance(d, Mapping):
            raise MCSPError("Skenario harus berupa objek JSON ({...}).", "A scenario must be a JSON object ({...}).")
        asing = sorted(set(d) - set(cls.KUNCI))
        if asing:
            raise MCSPError(f"Skenario: kunci tidak dikenal {', '.join(asing)} (yang dikenal: {', '.join(cls.KUNCI)}).",
                            f"Scenario: unknown keys {', '.join(asing)} (known: {', '.join(cls.KUNCI)}).")
        versi = d.get("versi", VERSI_SKENARIO)
        if not isinstance(versi, int) or isinstance(versi, bool) or versi < 1 or versi > VERSI_SKENARIO:
            raise MCSPError(f"Skenario versi {versi!r} tidak didukung (versi ini membaca sampai versi {VERSI_SKENARIO}).",
                            f"Scenario version {versi!r} is not supported (this version reads up to version {VERSI_SKENARIO}).")
        tahun = d.get("tahun")
        if tahun is not None:
            t = _angka(tahun, "tahun", "Skenario")
            if t != int(t):
                raise MCSPError(f"Skenario: tahun harus bilangan bulat, bukan {tahun!r}.",
                                f"Scenario: the year must be a whole number, not {tahun!r}.")
            tahun = int(t)
        aksi = d.get("aksi", [])
        if not isinstance(aksi, list):
            raise MCSPError("Skenario: 'aksi' harus berupa daftar.", "Scenario: 'aksi' must be a list.")
        bobot = d.get("bobot") or {}
        if not isinstance(bobot, Mapping):
            raise MCSPError("Skenario: 'bobot' harus berupa objek {area: bobot}.", "Scenario: 'bobot' must be an object {area: weight}.")
        kode = {k: (str(d[k]).strip() if d.get(k) not in (None, "") else None) for k in ("kode_wilayah", "kode_provinsi")}
        return cls(
            nama=str(d.get("nama", "Skenario")), tahun=tahun, kode_wilayah=kode["kode_wilayah"],
            kode_provinsi=kode["kode_provinsi"],
            aksi=tuple(Aksi.dari_dict(a, i) for i, a in enumerate(aksi, 1)),
            bobot={str(k): _angka(v, f"bobot {k}", "Skenario") for k, v in bobot.items()},
            catatan=str(d.get("catatan", "")), versi=versi,
        )

    @classmethod
    def dari_json(cls, teks: str | bytes) -> "Skenario":
        try:
            d = json.loads(teks)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise MCSPError(f"Skenario bukan JSON yang sah: {e}.", f"The scenario is not valid JSON: {e}.") from None
        return cls.dari_dict(d)


def baca_skenario(path: str | Path) -> Skenario:
    """Read a scenario file; errors name the file."""
    p = Path(path)
    try:
        teks = p.read_bytes()
    except OSError as e:
        raise MCSPError(f"file skenario tidak bisa dibaca: {e.strerror}.", f"the scenario file cannot be read: {e.strerror}.",
                        file=p.name) from None
    if len(teks) > 1_000_000:
        raise MCSPError("file skenario lebih dari 1 MB.", "the scenario file is larger than 1 MB.", file=p.name)
    try:
        return Skenario.dari_json(teks)
    except MCSPError as e:
        raise MCSPError(e.pesan, e.message, file=p.name) from None
