"""Built-in areas of KPK's MCP 2023.

Areas (as the MCP 2023 launch reported them, shared/seeds/000_*): Perencanaan dan Penganggaran APBD,
Pengadaan Barang dan Jasa (PBJ), Perizinan, Pengawasan APIP, Manajemen ASN, Optimalisasi Pajak Daerah,
Pengelolaan Barang Milik Daerah (BMD) and Tata Kelola Keuangan Desa; 3 indicators each with 2–3
sub-indicators (49 sub-indicators; KPK reported 30 indicators and 63 sub-indicators for 2023, this
catalogue is deliberately smaller).

Where the names come from: the area names are KPK's. The indicators and sub-indicators are a
plausible reconstruction from public reporting of what each area asks for (SIPD and pokir DPRD,
UKPBJ and certified procurement officials, OSS and PTSP, the inspectorate's capability and staff,
LHKPN and the merit system, tapping boxes and tax arrears, the asset database and land
certification, Siskeudes and village fund oversight). KPK's exact list and its sub-indicator
weights are not public in our sources: the codes, names and ``bobot`` below (which add up to 100
per area) are this project's, not official figures. Indicator codes use the prefix ``PP`` for
PERENCANAAN_PENGANGGARAN.

Area weights in the index are equal, which ``AreaPlugin`` labels as an assumption.
"""

from mcsp_rules.plugin.kit import Area, AreaPlugin, Indikator, SubIndikator

TAHUN = (2023,)

AREAS = (
    Area(
        kode="PERENCANAAN_PENGANGGARAN",
        nama="Perencanaan dan Penganggaran APBD",
        name="Regional Budget (APBD) Planning and Budgeting",
        tahun=TAHUN,
        alias=(
            "Perencanaan dan Penganggaran APBD",
            "Perencanaan dan Penganggaran",
            "Perencanaan & Penganggaran",
            "PP",
        ),
        indikator=(
            Indikator("PP.1", "Perencanaan APBD", (
                SubIndikator("PP.1.1", "RKPD ditetapkan tepat waktu dan disusun melalui SIPD", 15),
                SubIndikator("PP.1.2", "Pokok-pokok pikiran DPRD diinput melalui SIPD sesuai jadwal", 15),
                SubIndikator("PP.1.3", "Standar Satuan Harga (SSH) ditetapkan dengan peraturan kepala daerah", 10),
            )),
            Indikator("PP.2", "Penganggaran APBD", (
                SubIndikator("PP.2.1", "APBD ditetapkan tepat waktu", 15),
                SubIndikator("PP.2.2", "Kesesuaian KUA-PPAS dan APBD dengan RKPD", 15),
            )),
            Indikator("PP.3", "Belanja hibah dan bantuan sosial", (
                SubIndikator("PP.3.1", "Peraturan kepala daerah tentang tata cara pemberian hibah dan bansos", 15),
                SubIndikator("PP.3.2", "Penetapan penerima hibah/bansos dan NPHD sebelum pencairan", 15),
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
                SubIndikator("PBJ.2.1", "RUP diumumkan di SiRUP tepat waktu", 20),
                SubIndikator("PBJ.2.2", "Tender dan e-purchasing melalui SPSE dan katalog elektronik", 20),
            )),
            Indikator("PBJ.3", "Pengendalian pengadaan", (
                SubIndikator("PBJ.3.1", "Pencatatan kontrak dan serah terima pekerjaan di SPSE", 15),
                SubIndikator("PBJ.3.2", "Pengendalian kontrak dan pengelolaan pengaduan pengadaan", 15),
            )),
        ),
    ),
    Area(
        kode="PERIZINAN",
        nama="Perizinan",
        name="Licensing",
        tahun=TAHUN,
        alias=("Perizinan", "Pelayanan Perizinan", "Pelayanan Terpadu Satu Pintu"),
        indikator=(
            Indikator("PERIZINAN.1", "Layanan perizinan terpadu", (
                SubIndikator("PERIZINAN.1.1", "Pendelegasian kewenangan perizinan kepada DPMPTSP", 15),
                SubIndikator("PERIZINAN.1.2", "Perizinan berusaha berbasis risiko melalui OSS", 20),
            )),
            Indikator("PERIZINAN.2", "Transparansi layanan perizinan", (
                SubIndikator("PERIZINAN.2.1", "Standar pelayanan perizinan dipublikasikan", 15),
                SubIndikator("PERIZINAN.2.2", "Pelacakan status permohonan izin secara daring", 15),
            )),
            Indikator("PERIZINAN.3", "Pengaduan dan pengawasan perizinan", (
                SubIndikator("PERIZINAN.3.1", "Pengaduan layanan perizinan dikelola dan ditindaklanjuti", 15),
                SubIndikator("PERIZINAN.3.2", "Pengawasan kepatuhan pelaku usaha pasca perizinan", 20),
            )),
        ),
    ),
    Area(
        kode="APIP",
        nama="Pengawasan APIP",
        name="Internal Government Oversight (APIP)",
        tahun=TAHUN,
        alias=("Pengawasan APIP", "Penguatan APIP", "APIP", "Kapabilitas APIP"),
        indikator=(
            Indikator("APIP.1", "Anggaran dan SDM pengawasan", (
                SubIndikator("APIP.1.1", "Anggaran Inspektorat memenuhi persentase minimal belanja daerah", 15),
                SubIndikator("APIP.1.2", "Pemenuhan auditor dan P2UPD sesuai analisis beban kerja", 20),
            )),
            Indikator("APIP.2", "Kapabilitas APIP", (
                SubIndikator("APIP.2.1", "Kapabilitas APIP (IACM) minimal level 3", 15),
                SubIndikator("APIP.2.2", "Reviu dokumen perencanaan dan penganggaran oleh APIP", 15),
            )),
            Indikator("APIP.3", "Pengendalian gratifikasi dan pengaduan", (
                SubIndikator("APIP.3.1", "Unit Pengendalian Gratifikasi (UPG) berfungsi", 15),
                SubIndikator("APIP.3.2", "Whistleblowing system dan tindak lanjut pengaduan", 20),
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
                SubIndikator("ASN.1.1", "Penerapan sistem merit dalam manajemen ASN", 20),
                SubIndikator("ASN.1.2", "Pengisian jabatan pimpinan tinggi melalui seleksi terbuka", 15),
            )),
            Indikator("ASN.2", "Integritas ASN", (
                SubIndikator("ASN.2.1", "Kepatuhan LHKPN penyelenggara negara wajib lapor", 20),
                SubIndikator("ASN.2.2", "Penegakan disiplin dan kode etik ASN", 10),
            )),
            Indikator("ASN.3", "Data dan penghasilan ASN", (
                SubIndikator("ASN.3.1", "Pemutakhiran data kepegawaian (SIASN)", 15),
                SubIndikator("ASN.3.2", "Tambahan Penghasilan Pegawai (TPP) berbasis kinerja", 20),
            )),
        ),
    ),
    Area(
        kode="PAJAK",
        nama="Optimalisasi Pajak Daerah",
        name="Regional Tax Optimisation",
        tahun=TAHUN,
        alias=("Optimalisasi Pajak Daerah", "Optimalisasi Pendapatan Daerah", "Pajak Daerah", "Pajak"),
        indikator=(
            Indikator("PAJAK.1", "Regulasi dan pendataan", (
                SubIndikator("PAJAK.1.1", "Regulasi pajak daerah dan SOP pemungutan", 15),
                SubIndikator("PAJAK.1.2", "Pemutakhiran basis data wajib pajak dan NJOP", 15),
            )),
            Indikator("PAJAK.2", "Digitalisasi pajak", (
                SubIndikator("PAJAK.2.1", "Pemasangan dan pemantauan alat rekam transaksi (tapping box)", 20),
                SubIndikator("PAJAK.2.2", "Integrasi data BPHTB dengan BPN", 15),
            )),
            Indikator("PAJAK.3", "Penagihan dan kinerja penerimaan", (
                SubIndikator("PAJAK.3.1", "Penagihan tunggakan pajak daerah", 20),
                SubIndikator("PAJAK.3.2", "Realisasi penerimaan pajak daerah terhadap target", 15),
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
            Indikator("BMD.1", "Basis data dan regulasi BMD", (
                SubIndikator("BMD.1.1", "Basis data aset tanah, gedung dan kendaraan yang mutakhir", 15),
                SubIndikator("BMD.1.2", "Regulasi pengelolaan BMD (perda/perkada) mutakhir", 10),
            )),
            Indikator("BMD.2", "Pengamanan aset", (
                SubIndikator("BMD.2.1", "Sertifikasi tanah milik pemerintah daerah", 25),
                SubIndikator("BMD.2.2", "Pengamanan fisik dan hukum aset gedung dan kendaraan", 15),
            )),
            Indikator("BMD.3", "Pemanfaatan dan penertiban aset", (
                SubIndikator("BMD.3.1", "Pemanfaatan BMD (sewa, kerja sama) dengan perjanjian", 15),
                SubIndikator("BMD.3.2", "Penertiban dan pemulihan aset bermasalah", 20),
            )),
        ),
    ),
    Area(
        kode="DESA",
        nama="Tata Kelola Keuangan Desa",
        name="Village Finance Governance",
        tahun=TAHUN,
        alias=("Tata Kelola Keuangan Desa", "Tata Kelola Dana Desa", "Keuangan Desa", "Desa"),
        indikator=(
            Indikator("DESA.1", "Regulasi keuangan desa", (
                SubIndikator("DESA.1.1", "Peraturan kepala daerah tentang pengelolaan keuangan desa", 15),
                SubIndikator("DESA.1.2", "Peraturan kepala daerah tentang pengadaan barang/jasa di desa", 15),
            )),
            Indikator("DESA.2", "Sistem keuangan desa", (
                SubIndikator("DESA.2.1", "Penggunaan Siskeudes/aplikasi keuangan desa online", 20),
                SubIndikator("DESA.2.2", "Transparansi APBDes kepada masyarakat", 15),
            )),
            Indikator("DESA.3", "Pengawasan dana desa", (
                SubIndikator("DESA.3.1", "Pengawasan dana desa oleh APIP", 20),
                SubIndikator("DESA.3.2", "Pembinaan dan evaluasi pengelolaan keuangan desa oleh kecamatan", 15),
            )),
        ),
    ),
)

plugin = AreaPlugin(AREAS)
