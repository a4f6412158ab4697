"""The HTML report: `build_report` computes its content, `render_report` writes the page.

Layout: `options` (checked once), `inputs` (every table, computed once from the analysis),
`sections/` (one module per section, in page order), `figures` and `tables` (pure builders),
`model` (the report as data), `render` (the page)."""
from .build import build_report, report_from
from .inputs import ReportInputs, gather
from .model import Figure, Report, Section, Table
from .options import ReportOptions
from .render import render_report

__all__ = ["build_report", "report_from", "gather", "render_report", "Report", "ReportInputs", "ReportOptions",
           "Section", "Figure", "Table"]
