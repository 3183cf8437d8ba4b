"""Chinese fonts: official-document font chains for Word, and a CJK font file for charts."""

from __future__ import annotations

import functools
from pathlib import Path

# GB/T 9704 fonts, each chain best first; the last of each is on every Chinese Windows.
TITLE_FONTS = ("方正小标宋简体", "华文中宋", "宋体")
BODY_FONTS = ("仿宋_GB2312", "仿宋")
HEADING1_FONTS = ("黑体",)
HEADING2_FONTS = ("楷体_GB2312", "楷体")
PAGE_NUMBER_FONTS = ("宋体",)
LATIN_FONT = "Times New Roman"

# Font files report their English family names.
_ENGLISH_NAMES = {
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
    "华文中宋": ("STZhongsong",),
    "宋体": ("SimSun",),
    "仿宋_GB2312": ("FangSong_GB2312",),
    "仿宋": ("FangSong",),
    "黑体": ("SimHei",),
    "楷体_GB2312": ("KaiTi_GB2312",),
    "楷体": ("KaiTi",),
}
# Fonts with Chinese glyphs for matplotlib, best first.
_CHART_FAMILIES = (
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimSun",
    "Noto Serif CJK SC",
    "Noto Serif CJK JP",
)


@functools.lru_cache(maxsize=1)
def _installed() -> dict[str, str]:
    """Installed font family names → a font file, as matplotlib finds them (no network)."""
    from matplotlib import font_manager

    return {entry.name: entry.fname for entry in font_manager.fontManager.ttflist}


def pick_font(chain: tuple[str, ...]) -> str:
    """The first font of ``chain`` installed here, else the chain's last (Word substitutes)."""
    installed = _installed()
    for name in chain:
        if name in installed or any(e in installed for e in _ENGLISH_NAMES.get(name, ())):
            return name
    return chain[-1]


@functools.lru_cache(maxsize=1)
def chart_font_file() -> Path | None:
    """A font file with Chinese glyphs for charts, or None when the machine has none.

    The fonts are those matplotlib's font manager finds the platform's way (the Windows fonts
    folder and registry, .ttc collections included; fontconfig on Linux; macOS's folders): a
    preferred family first, else any installed font that has the report's characters.
    """
    installed = _installed()
    for family in _CHART_FAMILIES:
        if family in installed:
            return Path(installed[family])
    for name in sorted(installed):
        if _has_chinese(installed[name]):
            return Path(installed[name])
    return None


def _has_chinese(path: str) -> bool:
    from matplotlib import ft2font

    try:
        face = ft2font.FT2Font(path)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(face.get_char_index(ord(ch)) for ch in "信息科技产业得分")
