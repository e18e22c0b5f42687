"""Built-in areas of KPK's MCP 2024 and MCSP 2025 (the same eight areas both years).

Areas: Perencanaan, Penganggaran, Pengadaan Barang dan Jasa (PBJ), Pelayanan Publik, Pengawasan APIP,
Manajemen ASN, Pengelolaan Barang Milik Daerah (BMD) and Optimalisasi Pajak Daerah, with 3 indicators
of 2 sub-indicators each (48 sub-indicators per year).

Where the names come from: the area names are KPK's (MCP/MCSP portal, jaga.id, news reports; see
shared/domain.md). The indicators and sub-indicators are a plausible reconstruction from what public
reporting says the areas ask for (asset database and land certification for BMD, a staffed UKPBJ and
certified procurement officials for PBJ, the inspectorate's budget, staff and independence for APIP,
tax arrears collection and tapping boxes for Pajak, SIPD, SP4N-LAPOR!, LHKPN, the merit system...).
KPK's exact list and its sub-indicator weights are not public in our sources: the codes, names and
``bobot`` below (which add up to 100 per area) are this project's, not official figures.

Names vary by year: 2025 calls Pajak "Optimalisasi Penerimaan Daerah" and APIP "Penguatan APIP";
those spellings are aliases, so exports of either year are recognised.
Area weights in the index are equal, which ``AreaPlugin`` labels as an assumption; a plugin that
knows the official weights can override them (see docs/plugins.md).
"""

from mcsp_rules.plugin.kit import Area, AreaPlugin, Indikator, SubIndikator

TAHUN = (2024, 2025)

AREAS = (
    Area(
        kode="PERENCANAAN",
        nama="Perencanaan",
        name="Planning",
        tahun=TAHUN,
        alias=("Perencanaan", "Perencanaan Daerah", "Perencanaan Pembangunan Daerah"),
        indikator=(
            Indikator("PERENCANAAN.1", "Kualitas dokumen perencanaan", (
                SubIndikator("PERENCANAAN.1.1", "RKPD ditetapkan tepat waktu dan disusun melalui SIPD", 20),
                SubIndikator("PERENCANAAN.1.2", "Keselarasan program dan kegiatan RKPD dengan RPJMD/RPD", 15),
            )),
            Indikator("PERENCANAAN.2", "Pokok-pokok pikiran DPRD", (
                SubIndikator("PERENCANAAN.2.1", "Pokir DPRD diinput melalui SIPD sesuai jadwal", 20),
                SubIndikator("PERENCANAAN.2.2", "Verifikasi usulan pokir oleh Bappeda dan perangkat daerah", 15),
            )),
            Indikator("PERENCANAAN.3", "Standar harga dan analisis standar belanja", (
                SubIndikator("PERENCANAAN.3.1", "Standar Satuan Harga (SSH) ditetapkan dengan peraturan kepala daerah", 15),
                SubIndikator("PERENCANAAN.3.2", "Analisis Standar Belanja (ASB) diterapkan dalam RKA perangkat daerah", 15),
            )),
        ),
    ),
    Area(
        kode="PENGANGGARAN",
        nama="Penganggaran",
        name="Budgeting",
        tahun=TAHUN,
        alias=("Penganggaran", "Penganggaran APBD", "Penganggaran Daerah"),
        indikator=(
            Indikator("PENGANGGARAN.1", "Penetapan dan transparansi APBD", (
                SubIndikator("PENGANGGARAN.1.1", "APBD ditetapkan tepat waktu", 15),
                SubIndikator("PENGANGGARAN.1.2", "Publikasi APBD dan realisasinya di laman resmi pemda", 12.5),
            )),
            Indikator("PENGANGGARAN.2", "Konsistensi perencanaan dan penganggaran", (
                SubIndikator("PENGANGGARAN.2.1", "Kesesuaian KUA-PPAS dan APBD dengan RKPD", 20),
                SubIndikator("PENGANGGARAN.2.2", "Penganggaran pokir DPRD sesuai hasil verifikasi", 17.5),
            )),
            Indikator("PENGANGGARAN.3", "Belanja hibah dan bantuan sosial", (
                SubIndikator("PENGANGGARAN.3.1", "Peraturan kepala daerah tentang tata cara pemberian hibah dan bansos", 15),
                SubIndikator("PENGANGGARAN.3.2", "Penetapan penerima hibah/bansos dan NPHD sebelum pencairan", 20),
            )),
        ),
    ),
    Area(
        kode="PBJ",
        nama="Pengadaan Barang dan Jasa",
        name="Procurement of Goods and Services",
        tahun=TAHUN,
        alias=("Pengadaan Barang dan Jasa", "PBJ", "Pengadaan Barang/Jasa", "Pengadaan Barang dan Jasa (PBJ)"),
        indikator=(
            Indikator("PBJ.1", "Kelembagaan UKPBJ", (
                SubIndikator("PBJ.1.1", "UKPBJ berbentuk struktural dengan SDM yang memadai", 15),
                SubIndikator("PBJ.1.2", "Pengelola pengadaan bersertifikat kompetensi/jabatan fungsional PPBJ", 15),
            )),
            Indikator("PBJ.2", "Pengadaan secara elektronik", (
                SubIndikator("PBJ.2.1", "RUP diumumkan di SiRUP tepat waktu", 15),
                SubIndikator("PBJ.2.2", "Tender dan e-purchasing melalui SPSE dan katalog elektronik", 20),
            )),
            Indikator("PBJ.3", "Pengendalian dan pengawasan pengadaan", (
                SubIndikator("PBJ.3.1", "Pencatatan kontrak dan serah terima pekerjaan di SPSE", 15),
                SubIndikator("PBJ.3.2", "Realisasi belanja produk dalam negeri dan usaha kecil/koperasi", 20),
            )),
        ),
    ),
    Area(
        kode="PELAYANAN_PUBLIK",
        nama="Pelayanan Publik",
        name="Public Services",
        tahun=TAHUN,
        alias=("Pelayanan Publik", "Layanan Publik", "Perizinan dan Pelayanan Publik"),
        indikator=(
            Indikator("PELAYANAN_PUBLIK.1", "Pelayanan terpadu dan perizinan", (
                SubIndikator("PELAYANAN_PUBLIK.1.1", "Perizinan berusaha berbasis risiko melalui OSS", 15),
                SubIndikator("PELAYANAN_PUBLIK.1.2", "Penyelenggaraan Mal Pelayanan Publik (MPP)", 20),
            )),
            Indikator("PELAYANAN_PUBLIK.2", "Standar pelayanan", (
                SubIndikator("PELAYANAN_PUBLIK.2.1", "Standar pelayanan ditetapkan dan dipublikasikan", 15),
                SubIndikator("PELAYANAN_PUBLIK.2.2", "Survei kepuasan masyarakat dan tindak lanjutnya", 15),
            )),
            Indikator("PELAYANAN_PUBLIK.3", "Pengelolaan pengaduan", (
                SubIndikator("PELAYANAN_PUBLIK.3.1", "Pengaduan dikelola melalui SP4N-LAPOR!", 20),
                SubIndikator("PELAYANAN_PUBLIK.3.2", "Pengaduan ditindaklanjuti dalam batas waktu", 15),
            )),
        ),
    ),
    Area(
        kode="APIP",
        nama="Pengawasan APIP",
        name="Internal Government Oversight (APIP)",
        tahun=TAHUN,
        alias=("Pengawasan APIP", "Penguatan APIP", "APIP", "Penguatan Aparat Pengawasan Intern Pemerintah"),
        indikator=(
            Indikator("APIP.1", "Anggaran pengawasan", (
                SubIndikator("APIP.1.1", "Anggaran Inspektorat memenuhi persentase minimal belanja daerah", 15),
                SubIndikator("APIP.1.2", "Realisasi anggaran pengawasan", 10),
            )),
            Indikator("APIP.2", "Sumber daya manusia dan kapabilitas APIP", (
                SubIndikator("APIP.2.1", "Pemenuhan auditor dan P2UPD sesuai analisis beban kerja", 20),
                SubIndikator("APIP.2.2", "Kapabilitas APIP (IACM) minimal level 3", 15),
            )),
            Indikator("APIP.3", "Independensi dan peran pengawasan", (
                SubIndikator("APIP.3.1", "Independensi Inspektorat dan pelaporan langsung kepada kepala daerah", 15),
                SubIndikator("APIP.3.2", "Tindak lanjut hasil pengawasan dan pengaduan (WBS)", 25),
            )),
        ),
    ),
    Area(
        kode="ASN",
        nama="Manajemen ASN",
        name="Civil Service Management",
        tahun=TAHUN,
        alias=("Manajemen ASN", "ASN", "Manajemen Aparatur Sipil Negara"),
        indikator=(
            Indikator("ASN.1", "Sistem merit", (
                SubIndikator("ASN.1.1", "Penerapan sistem merit dan manajemen talenta", 15),
                SubIndikator("ASN.1.2", "Pengisian jabatan pimpinan tinggi melalui seleksi terbuka", 20),
            )),
            Indikator("ASN.2", "Integritas ASN", (
                SubIndikator("ASN.2.1", "Kepatuhan LHKPN penyelenggara negara wajib lapor", 20),
                SubIndikator("ASN.2.2", "Pengendalian gratifikasi (UPG) dan penegakan disiplin ASN", 15),
            )),
            Indikator("ASN.3", "Data dan penghasilan ASN", (
                SubIndikator("ASN.3.1", "Pemutakhiran data kepegawaian di SIASN", 15),
                SubIndikator("ASN.3.2", "Tambahan Penghasilan Pegawai (TPP) berbasis kinerja", 15),
            )),
        ),
    ),
    Area(
        kode="BMD",
        nama="Pengelolaan Barang Milik Daerah",
        name="Regional Asset Management",
        tahun=TAHUN,
        alias=("Pengelolaan Barang Milik Daerah", "Pengelolaan BMD", "BMD", "Manajemen Aset Daerah"),
        indikator=(
            Indikator("BMD.1", "Basis data BMD", (
                SubIndikator("BMD.1.1", "Basis data aset tanah, gedung dan kendaraan yang mutakhir", 15),
                SubIndikator("BMD.1.2", "Rekonsiliasi BMD antara pengelola dan pengguna barang", 10),
            )),
            Indikator("BMD.2", "Pengamanan aset", (
                SubIndikator("BMD.2.1", "Sertifikasi tanah milik pemerintah daerah", 25),
                SubIndikator("BMD.2.2", "Pengamanan fisik dan hukum aset gedung dan kendaraan", 15),
            )),
            Indikator("BMD.3", "Pemanfaatan dan penertiban aset", (
                SubIndikator("BMD.3.1", "Pemanfaatan BMD (sewa, kerja sama) dengan perjanjian dan kontribusi", 20),
                SubIndikator("BMD.3.2", "Penertiban dan pemulihan aset bermasalah", 15),
            )),
        ),
    ),
    Area(
        kode="PAJAK",
        nama="Optimalisasi Pajak Daerah",
        name="Regional Tax and Revenue Optimisation",
        tahun=TAHUN,
        alias=(
            "Optimalisasi Pajak Daerah",
            "Optimalisasi Penerimaan Daerah",
            "Optimalisasi Pendapatan Daerah",
            "Pajak Daerah",
            "Pajak",
        ),
        indikator=(
            Indikator("PAJAK.1", "Regulasi dan transparansi", (
                SubIndikator("PAJAK.1.1", "Perda pajak dan retribusi daerah sesuai UU HKPD", 15),
                SubIndikator("PAJAK.1.2", "Publikasi target dan realisasi penerimaan daerah", 10),
            )),
            Indikator("PAJAK.2", "Digitalisasi dan inovasi", (
                SubIndikator("PAJAK.2.1", "Pemasangan dan pemantauan alat rekam transaksi (tapping box)", 20),
                SubIndikator("PAJAK.2.2", "Integrasi data BPHTB dan PBB-P2 dengan data pertanahan (BPN)", 15),
            )),
            Indikator("PAJAK.3", "Penagihan dan pengawasan", (
                SubIndikator("PAJAK.3.1", "Penagihan tunggakan pajak dan retribusi daerah", 25),
                SubIndikator("PAJAK.3.2", "Pemeriksaan dan pengawasan wajib pajak", 15),
            )),
        ),
    ),
)

plugin = AreaPlugin(AREAS)
