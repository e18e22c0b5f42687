"""Pages of the dashboard (one file per page) and what they share (umum, grafik, teks)."""
