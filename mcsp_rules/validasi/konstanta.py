"""Names the validation modules share."""

INTI = "inti"  # the source label of the core's own rules
POS = "_pos"  # a row's position in the combined frame of all files
FORMAT = "_format"  # csv | xlsx, per row: some readings are only ambiguous in text files
TINGKAT_GALAT, TINGKAT_PERINGATAN = "galat", "peringatan"
