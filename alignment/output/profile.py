"""Who files the review: the office's unit, the addressee, the document number, who reviewed and
who checked it, and the office's own report template. The GUI keeps it in its settings; the CLI
reads it from a TOML profile or flags::

    unit = "金水区发展和改革委员会"     # 落款
    recipient = "区政府"               # 主送
    number = "金发改审〔2026〕12号"     # 文号
    reviewer = "张三"                  # 审查人
    checker = "李四"                   # 复核
    template = "红头模板.docx"          # relative to the profile's folder
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from alignment.errors import ProfileError
from alignment.files import PROFILE_BYTES, read_capped_text

MAX_FIELD = 120  # characters: a unit's full name is ~30; longer is a paste gone wrong


@dataclass(frozen=True)
class OfficeProfile:
    """Every field may be empty: the report then leaves a blank line to sign by hand."""

    unit: str = ""
    recipient: str = ""
    number: str = ""
    reviewer: str = ""
    checker: str = ""
    template: str = ""

    def merged(self, **overrides: str | None) -> OfficeProfile:
        """This profile with the given non-empty fields replaced (CLI flags over a profile)."""
        return replace(self, **{k: v for k, v in overrides.items() if v})


FIELD_NAMES = {
    "unit": "审查单位（落款）",
    "recipient": "主送",
    "number": "文号",
    "reviewer": "审查人",
    "checker": "复核人",
    "template": "报告模板",
}


def load_profile(path: str | Path) -> OfficeProfile:
    """Read a TOML profile; a relative ``template`` is taken from the profile's folder.

    Raises
    ------
    ProfileError
        The file is missing, not TOML, has an unknown key or a value that is not text.
    """
    path = Path(path)
    try:
        data = tomllib.loads(read_capped_text(path, PROFILE_BYTES))
    except FileNotFoundError as exc:
        raise ProfileError(f"找不到审查单位配置文件：{path}", f"Profile not found: {path}") from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(
            f"审查单位配置文件 {path.name} 无法读取：{exc}", f"Cannot read profile {path}: {exc}"
        ) from exc
    known = {f.name for f in fields(OfficeProfile)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ProfileError(
            f"审查单位配置文件 {path.name} 有未知的项：{'、'.join(unknown)}"
            f"（可用：{'、'.join(sorted(known))}）。",
            f"Unknown keys in profile {path.name}: {', '.join(unknown)}.",
        )
    for key, value in data.items():
        if not isinstance(value, str) or len(value) > MAX_FIELD:
            raise ProfileError(
                f"审查单位配置文件 {path.name} 的“{key}”应为不超过{MAX_FIELD}字的文字。",
                f"Profile {path.name}: '{key}' must be text of at most {MAX_FIELD} characters.",
            )
    profile = OfficeProfile(**{k: v.strip() for k, v in data.items()})
    if profile.template and not Path(profile.template).is_absolute():
        profile = replace(profile, template=str(path.parent / profile.template))
    return profile
