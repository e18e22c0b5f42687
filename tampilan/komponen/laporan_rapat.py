"""The meeting report (Laporan rapat): the current filters' view as an A4 PDF to hand out or print.

``buat_laporan(...)`` is a plain function from the derived frames (``analisis.Hasil``), the filters
(``analisis.Saring``) and a language to PDF bytes; it reads no session state, so a download button can
build it when clicked. Charts are the same Altair builders the pages use (``grafik``), rendered to PNG
by vl-convert; numbers are written the Indonesian way (76,15) in Indonesian. Every page carries the
scope and the link of the view in its footer.

Print and projector quality: band cells are filled with the band colour AND carry the band word, so a
grayscale print still tells them apart; tables wrap long names instead of cutting them.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode

from mcsp_rules.format import angka
from mcsp_rules.hitung import analisis as an
from mcsp_rules.model import KOLOM_STATUS, STATUS_URUT
from mcsp_rules.teks import t as _t
from tampilan.komponen import grafik
from tampilan.komponen.teks import dengan_bahasa

FONT = Path(__file__).resolve().parent / "font"
HITAM = (0, 0, 0)
PUTIH = (255, 255, 255)
ABU_KEPALA = (225, 228, 232)
# text on each band's fill: white on the dark bands, black on the light ones (readable in grayscale too)
TEKS_DI_ATAS = {"Merah": PUTIH, "Kuning": HITAM, "Biru": PUTIH, "Hijau": HITAM, None: HITAM}
BATAS_GRAFIK_PERINGKAT = 40  # as the overview: up to this many pemda one bar each, else lowest/highest 15
N_CELAH = 15
N_RENCANA = 20
LEBAR_GRAFIK = 180  # mm, the text width of A4 with 15 mm margins
LEBAR_PNG_PDF = 600  # px of the chart's plot before vl-convert adds axes and legend


@dataclass
class Laporan:
    """What a report needs besides the frames (all plain values, captured when the page runs)."""

    saring: an.Saring
    bahasa: str = "id"
    cakupan: str = ""  # the page's scope line ("Kalimantan Tengah · Semua · 15 pemda")
    tautan: str = ""  # the absolute URL of the view, or "" for uploaded data
    nama_file: tuple[str, ...] = ()
    pemda: str | None = None  # a profile report of this pemda
    dibuat: dt.datetime | None = None  # when the report is built (None: at build time, i.e. the click)


def _rgb(hex_: str) -> tuple[int, int, int]:
    h = hex_.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class _Pdf(FPDF):
    def __init__(self, kaki: str, bahasa: str):
        super().__init__(format="A4", unit="mm")
        self.kaki = kaki
        self.bahasa_ = bahasa
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)
        self.add_font("DejaVu", "", str(FONT / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT / "DejaVuSans-Bold.ttf"))
        self.set_font("DejaVu", size=10)
        self.alias_nb_pages("{nb}")

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("DejaVu", size=7.5)
        self.set_text_color(80, 80, 80)
        halaman = _t("lap_halaman", self.bahasa_, a=self.page_no(), b="{nb}")
        lebar_h = self.get_string_width(halaman) + 2
        awal = self.get_x()
        kaki = self.kaki
        while kaki and self.get_string_width(kaki) > self.epw - lebar_h - 4:
            kaki = kaki[:-2]
        link = self.kaki if self.kaki.startswith("http") else ""
        self.cell(self.epw - lebar_h, 5, kaki if kaki == self.kaki else kaki + "…", link=link)
        self.set_x(awal + self.epw - lebar_h)
        self.cell(lebar_h, 5, halaman, align="R")
        self.set_text_color(0, 0, 0)


class _Penulis:
    """Headings, paragraphs, tables and charts with the report's fonts and spacing."""

    def __init__(self, pdf: _Pdf, bahasa: str):
        self.pdf = pdf
        self.b = bahasa

    def t(self, kunci: str, **isi) -> str:
        return _t(kunci, self.b, **isi)

    def f(self, x, d: int = 2) -> str:
        return angka(x, self.b, d)

    def judul(self, teks: str) -> None:
        self.pdf.set_font("DejaVu", "B", 17)
        self.pdf.multi_cell(0, 8, teks, align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_font("DejaVu", size=10)

    def sub(self, teks: str) -> None:
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 65:  # a heading never sits alone at the foot of a page
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 12.5)
        pdf.multi_cell(0, 6.5, teks, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=10)
        pdf.ln(1)

    def paragraf(self, teks: str, ukuran: float = 10) -> None:
        self.pdf.set_font("DejaVu", size=ukuran)
        self.pdf.multi_cell(0, ukuran * 0.5, teks, align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_font("DejaVu", size=10)
        self.pdf.ln(1)

    def tabel(self, kepala: list[str], baris: list[list[str]], lebar: tuple[float, ...], rata: tuple[str, ...],
              kategori: list[str | None] | None = None, kolom_kategori: int | None = None,
              ukuran: float = 8.5) -> None:
        """A table that wraps long text and repeats its headings on a new page. With ``kolom_kategori``,
        that column's cell is filled with the band colour of ``kategori[i]`` and keeps the band word."""
        pdf = self.pdf
        pdf.set_font("DejaVu", size=ukuran)
        gaya_kepala = FontFace(emphasis="BOLD", fill_color=ABU_KEPALA)
        with pdf.table(col_widths=lebar, text_align=rata, headings_style=gaya_kepala, line_height=ukuran * 0.5,
                       repeat_headings=1, cell_fill_mode=TableCellFillMode.NONE, borders_layout="HORIZONTAL_LINES",
                       padding=(0.8, 1.2)) as tb:
            r = tb.row()
            for k in kepala:
                r.cell(k)
            for i, isi in enumerate(baris):
                r = tb.row()
                for j, sel in enumerate(isi):
                    if kategori is not None and j == kolom_kategori:
                        k = kategori[i]
                        warna = _rgb(grafik.WARNA_KATEGORI[k]) if k else _rgb(grafik.WARNA_TIDAK_LENGKAP)
                        r.cell(sel, style=FontFace(emphasis="BOLD", fill_color=warna, color=TEKS_DI_ATAS.get(k, HITAM)))
                    else:
                        r.cell(sel)
        pdf.set_font("DejaVu", size=10)
        pdf.ln(2)

    def tabel_cepat(self, kepala: list[str], baris: list[list[str]], lebar: tuple[float, ...], rata: tuple[str, ...],
                    kategori: list[str | None] | None = None, kolom_kategori: int | None = None,
                    ukuran: float = 8.5) -> None:
        """One line per row, for long lists (every pemda of the country): about ten times faster than
        ``tabel``. A text wider than its cell is set in a smaller size until it fits (never cut);
        headings repeat on every page."""
        pdf = self.pdf
        lebar_mm = [pdf.epw * x for x in lebar]
        tinggi = ukuran * 0.6
        align = {"LEFT": "L", "RIGHT": "R", "CENTER": "C"}

        def tulis_kepala() -> None:
            pdf.set_fill_color(*ABU_KEPALA)
            susun = []
            for k, w in zip(kepala, lebar_mm):  # each heading's size: its longest word fits its column
                besar = ukuran
                pdf.set_font("DejaVu", "B", besar)
                while besar > 5.5 and max(pdf.get_string_width(x) for x in k.split() or [""]) > w - 2 * pdf.c_margin - 0.3:
                    besar -= 0.5
                    pdf.set_font_size(besar)
                susun.append((besar, self._pecah(k, w - 2 * pdf.c_margin - 0.3)))
            n = max(len(b) for _, b in susun)
            y0 = pdf.get_y()
            for j, ((besar, isi), w) in enumerate(zip(susun, lebar_mm)):
                pdf.set_font("DejaVu", "B", besar)
                pdf.set_xy(pdf.l_margin + sum(lebar_mm[:j]), y0)
                pdf.multi_cell(w, tinggi * n / len(isi), "\n".join(isi), border="B", align=align[rata[j]], fill=True,
                               new_x="RIGHT", new_y="TOP")
            pdf.set_xy(pdf.l_margin, y0 + tinggi * n)

        tulis_kepala()
        for i, isi in enumerate(baris):
            if pdf.get_y() + tinggi > pdf.page_break_trigger:
                pdf.add_page()
                tulis_kepala()
            for j, (sel, w) in enumerate(zip(isi, lebar_mm)):
                tebal = kategori is not None and j == kolom_kategori
                besar = ukuran
                pdf.set_font("DejaVu", "B" if tebal else "", besar)
                while besar > 5.5 and pdf.get_string_width(sel) > w - 2 * pdf.c_margin - 0.3:
                    besar -= 0.5
                    pdf.set_font_size(besar)
                if tebal:
                    k = kategori[i]
                    pdf.set_fill_color(*(_rgb(grafik.WARNA_KATEGORI[k]) if k else _rgb(grafik.WARNA_TIDAK_LENGKAP)))
                    pdf.set_text_color(*TEKS_DI_ATAS.get(k, HITAM))
                pdf.cell(w, tinggi, sel, border="B", align=align[rata[j]], fill=tebal)
                pdf.set_text_color(0, 0, 0)
            pdf.ln(tinggi)
        pdf.set_font("DejaVu", size=10)
        pdf.ln(2)

    def _pecah(self, teks: str, lebar: float) -> list[str]:
        """A heading split into lines that fit ``lebar`` mm in the current font."""
        kata, baris = teks.split(), [""]
        for k in kata:
            coba = (baris[-1] + " " + k).strip()
            if self.pdf.get_string_width(coba) <= lebar or not baris[-1]:
                baris[-1] = coba
            else:
                baris.append(k)
        return baris

    def grafik(self, chart, catatan: str, judul: str | None = None, lebar_px: int | None = None) -> None:
        """An Altair chart of the pages, as PNG at print resolution, with the weights note under it
        (and the section heading ``judul`` above it, kept on the same page)."""
        png = png_grafik(chart, lebar_px or LEBAR_PNG_PDF)
        pdf = self.pdf
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            lebar_px, tinggi_px = im.size
        tinggi = LEBAR_GRAFIK * tinggi_px / lebar_px
        if pdf.get_y() + tinggi + 8 + (12 if judul else 0) > pdf.h - 18:
            pdf.add_page()
        if judul:
            self.sub(judul)
        pdf.image(io.BytesIO(png), x=pdf.l_margin, w=LEBAR_GRAFIK, h=tinggi)
        pdf.set_font("DejaVu", size=7.5)
        pdf.set_text_color(70, 70, 70)
        pdf.multi_cell(0, 3.6, catatan, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", size=10)
        pdf.ln(2)


# ------------------------------------------------------------------------------------- the parts
def png_grafik(chart, lebar: int = LEBAR_PNG_PDF) -> bytes:
    """A chart of the pages as PNG for A4: the screen spec at a width (``LEBAR_PNG_PDF`` px) where
    its 12 px labels print at about 9 pt across the 180 mm text width, on white, at 2× resolution."""
    import json

    import vl_convert

    spec = {**grafik.spesifikasi(chart, rapat=False), "background": "white"}
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet")):
        spec["width"] = lebar
    return vl_convert.vegalite_to_png(json.dumps(spec), scale=2.5)


def tanggal_data(rincian: pl.DataFrame | None, tahun: int | None, kode: list[str]) -> dt.date | None:
    """The data's date: the latest upload or verification date among the rows in scope (None when the
    data carries no dates, e.g. summary exports)."""
    if rincian is None or rincian.is_empty() or tahun is None:
        return None
    kol = [c for c in ("tanggal_unggah", "tanggal_verifikasi") if c in rincian.columns]
    if not kol:
        return None
    r = rincian.filter((pl.col("tahun") == tahun) & pl.col("kode_wilayah").is_in(kode))
    if r.is_empty():
        return None
    tanggal = r.select(pl.max_horizontal([pl.col(c).max() for c in kol])).item()
    return tanggal


def _tgl(d: dt.date | dt.datetime | None, bahasa: str, jam: bool = False) -> str:
    if d is None:
        return "–"
    if jam and isinstance(d, dt.datetime):
        return d.strftime("%d/%m/%Y %H:%M %Z" if bahasa == "id" else "%Y-%m-%d %H:%M %Z").strip()
    return d.strftime("%d/%m/%Y" if bahasa == "id" else "%Y-%m-%d")


def _teks_bobot(h: an.Hasil, tahun: int, b: str) -> tuple[str, pl.DataFrame, bool]:
    """(one line naming the weights and whether they are assumed, the weight rows, assumed?)."""
    bb = h.bobot.filter(pl.col("tahun") == tahun).sort("area")
    if bb.is_empty():
        return "–", bb, False
    asumsi = bool(bb["bobot_asumsi"].any())
    sumber = "; ".join(sorted(set(bb["sumber_bobot"].to_list())))
    status = _t("lap_bobot_asumsi" if asumsi else "lap_bobot_bukan_asumsi", b)
    return f"{sumber} — {status}", bb, asumsi


def _pita(b: str) -> str:
    """The year's bands as the report prints them: names, boundaries and their source."""
    p = grafik.pita_aktif()
    if p.bawaan:
        return _t("lap_pita_isi", b, **{k.lower(): grafik.label_kat(k) for k in p.nama})
    batas = [0, *p.batas, 100]
    bagian = [f"{grafik.label_kat(k)} {angka(batas[i], b, 0)} – {'<' if i < len(p.nama) - 1 else ''}{angka(batas[i + 1], b, 0)}"
              for i, k in enumerate(p.nama)]
    return " · ".join(bagian) + f" ({p.sumber})"


def _kepala(w: _Penulis, lap: Laporan, h: an.Hasil, judul: str, kode: list[str], rincian) -> str:
    """Title and the meta block (scope, year, date of the data, files, bands, weights, link)."""
    b, s = lap.bahasa, lap.saring
    w.judul(judul)
    teks_bobot, bb, _ = _teks_bobot(h, s.tahun, b)
    tgl = tanggal_data(rincian, s.tahun, kode)
    isi_tgl = _t("lap_tanggal_isi", b, tanggal=_tgl(tgl, b)) if tgl else _t("lap_tanggal_tidak_ada", b)
    baris = [
        [_t("lap_cakupan", b), lap.cakupan],
        [_t("tahun", b), str(s.tahun)],
        [_t("lap_tanggal_data", b), isi_tgl],
        [_t("lap_sumber", b), ", ".join(lap.nama_file) or "–"],
        [_t("lap_pita", b), _pita(b)],
        [_t("lap_bobot", b), teks_bobot],
        [_t("lap_dibuat", b), _tgl(lap.dibuat, b, jam=True)],
        [_t("lap_tautan", b), lap.tautan or _t("lap_tautan_unggahan", b, cakupan=lap.cakupan)],
    ]
    pdf = w.pdf
    pdf.set_font("DejaVu", size=9)
    with pdf.table(col_widths=(0.24, 0.76), text_align=("LEFT", "LEFT"), first_row_as_headings=False,
                   line_height=4.5, borders_layout="NONE", padding=(0.6, 1)) as tb:
        for k, v in baris:
            r = tb.row()
            r.cell(k, style=FontFace(emphasis="BOLD"))
            r.cell(v)
    pdf.ln(2)
    # the weights themselves, per area
    if not bb.is_empty():
        nama = dict(zip(h.nama_area.filter(pl.col("tahun") == s.tahun)["area"].to_list(),
                        h.nama_area.filter(pl.col("tahun") == s.tahun)["nama" if b == "id" else "name"].to_list()))
        total = float(bb["bobot"].sum()) or 1.0
        w.tabel([_t("k_area", b), _t("k_nama_area", b), _t("k_bobot", b), "%", _t("k_asumsi", b)],
                [[a, nama.get(a, a), w.f(x), w.f(100 * x / total, 1), _t("ya" if asu else "tidak", b)]
                 for a, x, asu in bb.select("area", "bobot", "bobot_asumsi").rows()],
                (0.2, 0.44, 0.12, 0.12, 0.12), ("LEFT", "LEFT", "RIGHT", "RIGHT", "CENTER"), ukuran=8)
    return teks_bobot


def _tabel_pemda(w: _Penulis, urut: pl.DataFrame) -> None:
    b = w.b
    baris, kat = [], []
    for r in urut.iter_rows(named=True):
        kat.append(r["kategori"])
        baris.append([str(r["peringkat"]) if r["indeks"] is not None else "–", r["kode_wilayah"], r["nama_wilayah"],
                      _t(f"{r['jenis_pemda']}_j", b) if r["jenis_pemda"] else "–", w.f(r["indeks"]),
                      grafik.label_kat(r["kategori"]),
                      (("+" if (r["perubahan"] or 0) > 0 else "") + w.f(r["perubahan"])) if r["perubahan"] is not None else "–",
                      _t("dari", b, a=r["peringkat_provinsi"], b=r["jumlah_provinsi"]) if r["indeks"] is not None else "–"])
    w.tabel_cepat([_t("k_peringkat", b), _t("k_kode_wilayah", b), _t("k_pemda", b), _t("k_jenis", b), _t("k_indeks", b),
             _t("k_kategori", b), _t("k_perubahan", b), _t("k_peringkat_prov", b)], baris,
            (0.085, 0.075, 0.28, 0.105, 0.085, 0.1, 0.12, 0.15),
            ("RIGHT", "LEFT", "LEFT", "LEFT", "RIGHT", "CENTER", "RIGHT", "RIGHT"), kategori=kat, kolom_kategori=5)


def _perhatian(w: _Penulis, h: an.Hasil, s: an.Saring, wil: pl.DataFrame) -> None:
    b = w.b
    perlu = wil.filter(pl.col("kategori").is_in(["Merah", "Kuning"])).sort("indeks")
    w.sub(_t("perhatian", b))
    if perlu.is_empty():
        w.paragraf(_t("perhatian_kosong", b))
        return
    w.paragraf(_t("lap_perhatian_intro", b), 9)
    kode = perlu["kode_wilayah"].to_list()
    kol = "nama" if b == "id" else "name"
    a = an.saring_area(h, an.Saring(tahun=s.tahun), kode).sort("skor")
    if perlu.height > 40:  # a long list is one line per pemda: area codes (named in the area table below)
        kol = "area"
    terendah = {k: ", ".join(f"{n} {w.f(x)}" for n, x in g.head(2).select(kol, "skor").rows())
                for (k,), g in a.group_by("kode_wilayah", maintain_order=True)}
    dok = h.dokumen.filter((pl.col("tahun") == s.tahun) & pl.col("kode_wilayah").is_in(kode))
    belum = dict(dok.group_by("kode_wilayah").agg(pl.col("belum_diunggah").sum()).rows()) if dok.height else {}
    baris = [[r["nama_wilayah"], w.f(r["indeks"]), grafik.label_kat(r["kategori"]),
              terendah.get(r["kode_wilayah"], "–"), angka(belum.get(r["kode_wilayah"]), b, 0)]
             for r in perlu.iter_rows(named=True)]
    tabel = w.tabel if len(baris) <= 40 else w.tabel_cepat
    tabel([_t("k_pemda", b), _t("k_indeks", b), _t("k_kategori", b), _t("lap_perhatian_kenapa", b),
           _t("belum diunggah", b)], baris, (0.28, 0.1, 0.12, 0.38, 0.12),
          ("LEFT", "RIGHT", "CENTER", "LEFT", "RIGHT"), kategori=perlu["kategori"].to_list(), kolom_kategori=2)


def _area(w: _Penulis, h: an.Hasil, s: an.Saring, kode: list[str], catatan: str) -> None:
    b = w.b
    rata = an.rata_area(h, s, kode)
    if rata.is_empty():
        return
    judul = (_t("rata_area_lalu", b, tahun=s.tahun, lalu=s.tahun - 1) if rata["skor_lalu"].is_not_null().any()
             else _t("rata_area", b))
    w.grafik(grafik.batang_area(rata, judul, s.tahun), catatan, judul=_t("lap_area", b))
    semua = h.area.filter(pl.col("tahun") == s.tahun)
    if s.area:
        semua = semua.filter(pl.col("area").is_in(list(s.area)))
    nas = dict(semua.group_by("area").agg(pl.col("skor").mean()).rows())
    kepala = [_t("k_area", b), _t("k_nama_area", b), _t("lap_rata_cakupan", b)]
    lebar = [0.21, 0.34, 0.15]
    prov = {}
    if s.kode_provinsi:
        prov = dict(semua.filter(pl.col("kode_provinsi") == s.kode_provinsi).group_by("area")
                    .agg(pl.col("skor").mean()).rows())
        kepala.append(_t("k_rata_prov", b))
        lebar.append(0.15)
    kepala.append(_t("k_rata_nas", b))
    lebar.append(0.15)
    kol = "nama" if b == "id" else "name"
    baris = []
    for r in rata.iter_rows(named=True):
        x = [r["area"], r[kol], w.f(r["skor"])] + ([w.f(prov.get(r["area"]))] if s.kode_provinsi else [])
        baris.append(x + [w.f(nas.get(r["area"]))])
    w.tabel(kepala, baris, tuple(lebar), ("LEFT", "LEFT") + ("RIGHT",) * (len(kepala) - 2))


def _dokumen(w: _Penulis, total: dict[str, int]) -> None:
    b = w.b
    w.sub(_t("lap_dokumen", b))
    wajib = total.get("dokumen_wajib", 0)
    if not wajib:
        w.paragraf(_t("dok_tidak_ada", b))
        return
    baris = [[_t(st_, b), angka(total.get(KOLOM_STATUS[st_], 0), b, 0),
              angka(100 * total.get(KOLOM_STATUS[st_], 0) / wajib, b, 1) + " %"] for st_ in STATUS_URUT]
    baris.append([_t("k_dok_jumlah", b), angka(wajib, b, 0), "100 %"])
    w.tabel([_t("k_status", b), _t("jumlah", b), "%"], baris, (0.5, 0.25, 0.25), ("LEFT", "RIGHT", "RIGHT"))


def _celah(w: _Penulis, h: an.Hasil, s: an.Saring, kode: list[str]) -> None:
    b = w.b
    w.sub(_t("lap_celah", b))
    c = an.celah_wilayah(h, kode, s.tahun)  # the scope's items only, computed when the report is asked for
    if s.area and c.height:
        c = c.filter(pl.col("area").is_in(list(s.area)))
    if c.is_empty() or c["kenaikan"].is_null().all():
        w.paragraf(_t("lap_celah_kosong", b))
        return
    c = c.filter(pl.col("kenaikan").is_not_null()).sort(["kenaikan", "kode_wilayah", "sub_indikator"],
                                                         descending=[True, False, False]).head(N_CELAH)
    c = an._nama_dari_katalog(c, h, s.tahun)  # the catalogue's names where the export has none
    if "dokumen" in c.columns:  # a document-level export: which document of the sub-indicator
        c = c.with_columns(pl.when(pl.col("dokumen").is_not_null())
                           .then(pl.format("{} · {}", "sub_indikator", "dokumen")).otherwise("sub_indikator")
                           .alias("sub_indikator"))
    baris = [[r["nama_wilayah"], r["sub_indikator"], r["nama_sub_indikator"] or "–", _t(r["status"], b),
              "+" + w.f(r["kenaikan"])] for r in c.iter_rows(named=True)]
    w.tabel([_t("k_pemda", b), _t("k_sub", b), _t("k_nama_sub", b), _t("k_status", b), _t("k_kenaikan", b)], baris,
            (0.2, 0.23, 0.3, 0.15, 0.12), ("LEFT", "LEFT", "LEFT", "LEFT", "RIGHT"))


# ---------------------------------------------------------------------------------------- reports
def _laporan_cakupan(w: _Penulis, lap: Laporan, h: an.Hasil, rincian) -> None:
    b, s = lap.bahasa, lap.saring
    wil = an.saring_wilayah(h, s)
    kode = wil["kode_wilayah"].to_list()
    teks_bobot = _kepala(w, lap, h, _t("lap_judul", b, tahun=s.tahun), kode, rincian)
    catatan = _t("lap_bobot_grafik", b, bobot=teks_bobot) + " " + lap.cakupan
    r = an.ringkasan_indeks(wil)
    jumlah = dict(an.jumlah_kategori(wil).rows())
    rincian_kat = ", ".join(f"{grafik.label_kat(k)} {jumlah.get(k, 0)}" for k in grafik.pita_aktif().nama)
    if jumlah.get("Tidak lengkap"):
        rincian_kat += f", {grafik.label_kat(None)} {jumlah['Tidak lengkap']}"
    w.sub(_t("lap_ringkasan", b))
    w.paragraf(_t("lap_ringkasan_isi", b, judul=_t("indeks" if r["jumlah"] == 1 else "indeks_rata", b),
                  indeks=w.f(r["indeks"]), kategori=grafik.label_kat(r["kategori"]), n=angka(r["jumlah"], b, 0),
                  lengkap=angka(r["lengkap"], b, 0), rincian=rincian_kat))
    w.grafik(grafik.batang_kategori(an.jumlah_kategori(wil), f"{_t('per_kategori', b)} {s.tahun}"), catatan)
    urut = an.peringkat(wil)
    if urut.height <= BATAS_GRAFIK_PERINGKAT:
        w.grafik(grafik.batang_peringkat(urut, f"{_t('peringkat', b)} {s.tahun}"), catatan)
    else:
        lengkap = urut.filter(pl.col("indeks").is_not_null())
        w.grafik(grafik.batang_peringkat(lengkap.tail(15).reverse(), _t("terendah", b, n=15) + f" {s.tahun}"), catatan)
    if not s.kode_provinsi and not s.pemda:  # the whole country: the provinces on the tile map
        from tampilan.komponen import peta

        agr = an.provinsi_agregat(h, an.Saring(tahun=s.tahun, jenis=s.jenis))
        w.grafik(peta.grafik_peta(agr, f"{_t('peta_judul', b)} {s.tahun}"), catatan, judul=_t("peta_judul", b),
                 lebar_px=900)
    _perhatian(w, h, s, wil)
    _area(w, h, s, kode, catatan)
    _dokumen(w, an.total_dokumen(h, s, kode))
    _celah(w, h, s, kode)
    w.sub(_t("lap_daftar", b, n=angka(wil.height, b, 0)))
    _tabel_pemda(w, urut)


def _rencana_ke_pita_berikut(w: _Penulis, data, p: dict, s: an.Saring) -> bool:
    """The action plan's checklist: the least-effort plan (``mcsp_rules.plan``, as on the Rencana aksi
    page) that lifts the pemda into the next band. False when there is none to show (index incomplete,
    already in the top band, or nothing to plan), so the caller lists the top gaps instead."""
    import mcsp_rules

    b = w.b
    pita = grafik.pita_aktif()
    if p["indeks"] is None or p["kategori"] not in pita.nama or p["kategori"] == pita.nama[-1]:
        return False
    berikut = pita.nama[pita.nama.index(p["kategori"]) + 1]
    target = float(dict(zip(pita.nama, (0.0, *pita.batas)))[berikut])
    try:
        r = mcsp_rules.plan(data, p["kode_wilayah"], tahun=s.tahun, target=target)
    except Exception:  # noqa: BLE001 - a plan that cannot be made leaves the gap list in its place
        return False
    if r.item.is_empty() or not r.tercapai:
        return False
    ring = r.ringkasan.row(0, named=True)
    w.paragraf(_t("lap_rencana_target", b, target=w.f(target, 0), kategori=grafik.label_kat(berikut),
                  n=ring["jumlah_item"], awal=w.f(ring["indeks_sebelum"]), akhir=w.f(ring["indeks_sesudah"])))
    baris = [["☐", r_["sub_indikator"], r_["nama_sub_indikator"] or "–", _t(r_["status"], b),
              "+" + w.f(r_["kenaikan"])] for r_ in r.daftar_periksa().iter_rows(named=True)]
    w.tabel([_t("lap_selesai", b), _t("k_sub", b), _t("k_nama_sub", b), _t("k_status", b), _t("k_kenaikan", b)],
            baris, (0.1, 0.24, 0.38, 0.16, 0.12), ("CENTER", "LEFT", "LEFT", "LEFT", "RIGHT"))
    return True


def _laporan_profil(w: _Penulis, lap: Laporan, h: an.Hasil, rincian, data=None) -> None:
    b, s = lap.bahasa, lap.saring
    p = an.profil(h, lap.pemda, s.tahun)
    teks_bobot = _kepala(w, lap, h, _t("lap_judul_profil", b, tahun=s.tahun, nama=p["nama_wilayah"]),
                         [lap.pemda], rincian)
    catatan = _t("lap_bobot_grafik", b, bobot=teks_bobot) + " " + lap.cakupan
    w.sub(_t("lap_ringkasan", b))
    if p["indeks"] is not None:
        w.paragraf(_t("ringkas_profil", b, nama=p["nama_wilayah"], indeks=w.f(p["indeks"]),
                      kategori=grafik.label_kat(p["kategori"]), rp=p["peringkat_provinsi"], np=p["jumlah_provinsi"],
                      rn=p["peringkat_nasional"], nn=p["jumlah_nasional"]))
    else:
        w.paragraf(_t("tidak_lengkap_pemda", b, area="–"))
    w.grafik(grafik.pita(p["indeks"], f"{_t('indeks', b)} {p['nama_wilayah']} {s.tahun}"), catatan)
    df = an.area_profil(h, lap.pemda, s.tahun, s.area)
    if not df.is_empty():
        w.grafik(grafik.area_profil(df, f"{_t('area_vs', b)} — {p['nama_wilayah']} {s.tahun}", False,
                                    f"{_t('k_rata_prov', b)} {p['provinsi']}", _t("k_rata_nas", b)), catatan, judul=_t("area_vs", b))
        kol = "nama" if b == "id" else "name"
        w.tabel([_t("k_area", b), _t("k_nama_area", b), _t("k_skor", b), _t("k_kategori", b), _t("k_rata_prov", b),
                 _t("k_rata_nas", b)],
                [[r["area"], r[kol], w.f(r["skor"]), grafik.label_kat(an.kategori_dari(r["skor"])), w.f(r["rata_provinsi"]),
                  w.f(r["rata_nasional"])] for r in df.iter_rows(named=True)],
                (0.21, 0.3, 0.1, 0.11, 0.14, 0.14), ("LEFT", "LEFT", "RIGHT", "CENTER", "RIGHT", "RIGHT"),
                kategori=[an.kategori_dari(x) for x in df["skor"].to_list()], kolom_kategori=3)
    _dokumen(w, an.total_dokumen(h, an.Saring(tahun=s.tahun, area=s.area), [lap.pemda]))
    c = an.celah_pemda(h, lap.pemda, s.tahun, s.area)
    w.sub(_t("lap_rencana", b))
    if data is not None and _rencana_ke_pita_berikut(w, data, p, s):
        return
    if c.is_empty():
        w.paragraf(_t("celah_kosong", b))
        return
    n = min(N_RENCANA, c.height)
    if p["indeks"] is not None and c["kenaikan"].is_not_null().any():
        w.paragraf(_t("celah_pesan", b, n=n, dari=w.f(p["indeks"]), ke=w.f(c["indeks_jika_ditutup"][n - 1])))
        w.grafik(grafik.celah_teratas(c.head(min(10, n)), f"{_t('celah', b)} — {p['nama_wilayah']} {s.tahun}"), catatan)
    # a document-level export's gap row stands for several documents of the sub-indicator
    baris = [["☐", r["sub_indikator"] + (f" ({r['jumlah_dokumen']} {_t('dok_singkat', b)})" if r.get("jumlah_dokumen") else ""),
              r["nama_sub_indikator"] or "–", _t(r["status"], b),
              ("+" + w.f(r["kenaikan"])) if r["kenaikan"] is not None else "–", w.f(r["indeks_jika_ditutup"])]
             for r in c.head(n).iter_rows(named=True)]
    w.tabel([_t("lap_selesai", b), _t("k_sub", b), _t("k_nama_sub", b), _t("k_status", b), _t("k_kenaikan", b),
             _t("k_indeks_kumulatif", b)], baris, (0.1, 0.22, 0.3, 0.14, 0.11, 0.13),
            ("CENTER", "LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT"))


def buat_laporan(h: an.Hasil, lap: Laporan, rincian: pl.DataFrame | None = None, data=None) -> bytes:
    """The meeting report of ``lap.saring`` (or of the pemda ``lap.pemda``) as PDF bytes, in ``lap.bahasa``.
    ``rincian``: the detail rows (``Data.rincian``), for the date of the data; ``data`` (the loaded
    ``Data``): a profile's action plan is then the least-effort plan to the next band."""
    if lap.dibuat is None:
        from dataclasses import replace

        lap = replace(lap, dibuat=dt.datetime.now().astimezone())
    with dengan_bahasa(lap.bahasa):
        kaki = lap.tautan or lap.cakupan
        pdf = _Pdf(kaki, lap.bahasa)
        pdf.set_title(_t("lap_judul", lap.bahasa, tahun=lap.saring.tahun))
        pdf.set_creator("mcsp_rules dashboard")
        pdf.add_page()
        w = _Penulis(pdf, lap.bahasa)
        if lap.pemda and an.profil(h, lap.pemda, lap.saring.tahun) is not None:
            _laporan_profil(w, lap, h, rincian, data)
        else:
            _laporan_cakupan(w, lap, h, rincian)
        return bytes(pdf.output())
