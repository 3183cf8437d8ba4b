"""The chart's Chinese font is found whatever the installed family is called."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.output import fonts
from tests.factories import cjk_font_path


@pytest.fixture(autouse=True)
def _fresh_cache():
    fonts.chart_font_file.cache_clear()
    yield
    fonts.chart_font_file.cache_clear()


def test_any_installed_font_with_chinese_glyphs_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    cjk = cjk_font_path()
    if cjk is None:
        pytest.skip("no CJK font installed")
    latin = next((p for p in Path("/usr/share/fonts").rglob("DejaVuSans.ttf")), None)
    installed = {"AR PL Unknown Ming": cjk, **({"DejaVu Sans": str(latin)} if latin else {})}
    monkeypatch.setattr(fonts, "_installed", lambda: installed)
    assert fonts.chart_font_file() == Path(cjk)


def test_no_chinese_font_gives_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "_installed", lambda: {"Broken": str(broken)})
    assert fonts.chart_font_file() is None
