"""Names the validation modules share."""

INTI = "inti"  # the source label of the core's own rules
POS = "_pos"  # a row's position in the combined frame of all files
FORMAT = "_format"  # csv | xlsx, per row: some readings are only ambiguous in text files
# galat sets the row aside; peringatan keeps it and flags it; catatan is a note that flags nothing
# (e.g. a code outside a catalogue that is not KPK's official list)
TINGKAT_GALAT, TINGKAT_PERINGATAN, TINGKAT_CATATAN = "galat", "peringatan", "catatan"
