"""The 说明 tab: how the verdict is reached, in the interface's language, with the thresholds of
the rules in force (the words come from alignment.output.wording, as the report's appendix)."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from alignment.config import Rules
from alignment.output.wording import method_html
from gui.i18n import language


class MethodPanel(QTextBrowser):
    def show_rules(self, rules: Rules) -> None:
        self.setHtml(method_html(rules, english=language() == "en"))
