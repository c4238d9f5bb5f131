"""Pure formulas over plain values, no ORM: job evaluation (evaluasi) and the workload of a
position in an analysis period (beban; the period lives in anjab, so its figures do too —
abk sums them into rekap, peta and decree)."""

from anjab.calculations.beban import *  # noqa: F403
from anjab.calculations.evaluasi import *  # noqa: F403
