"""The HTML report: `build_report` computes its content, `render_report` writes the page."""
from .build import build_report
from .model import Figure, Report, Section, Table
from .render import render_report

__all__ = ["build_report", "render_report", "Report", "Section", "Figure", "Table"]
