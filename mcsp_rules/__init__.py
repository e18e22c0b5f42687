"""mcsp_rules — read, validate and score KPK MCP/MCSP exports, with area rules as pluggy plugins.

    import mcsp_rules
    data = mcsp_rules.load(["jateng.csv", "kalteng.xlsx"])   # frames plus the validation report
    mcsp_rules.score(data, level="wilayah")                  # one row per pemda and year
    mcsp_rules.simulate(data, "skenario.json").tabel()       # a what-if, as `mcsp simulate` prints it
    mcsp_rules.plan(data, "62.03", target=75).tabel()        # the least-effort checklist, as `mcsp plan`

The dashboard, the ``mcsp`` command and notebooks all go through these functions (``mcsp_rules.api``).
"""

import os as _os
import sys as _sys

if "polars" not in _sys.modules:  # the allocator reads this once, when Polars loads
    # Polars' allocator on Linux (jemalloc) keeps freed pages for 0.5 s and lazily freed ("muzzy") ones,
    # still counted as resident, for 1 s (Polars' own defaults, to which it appends this variable): within
    # a real-scale load, frames freed a moment ago then add ~60 MB to a 410 MB peak, in a short `mcsp` run
    # and in the dashboard's server alike. Release them at once; a value the user set wins.
    _os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:200,muzzy_decay_ms:0")

from mcsp_rules.api import bobot_dipakai, load, pita_dipakai, plan, score, simulate
from mcsp_rules.galat import FileTidakTerbaca, MCSPError
from mcsp_rules.model import Data
from mcsp_rules.plugin.registri import Registri, registri_bawaan

__all__ = ["Data", "MCSPError", "FileTidakTerbaca", "load", "score", "simulate", "plan", "bobot_dipakai", "pita_dipakai",
           "Registri",
           "registri_bawaan"]
