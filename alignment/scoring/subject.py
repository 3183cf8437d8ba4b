"""What a document is about, read as a reviewer reads it first: a 项目名称/建设内容 field (in a
line or in a table's cell), else the subject line of a notice or a news item's headline, else the
document's title. Never an index number, a date, a byline, a source, an issuer's name alone or a
numbered heading; the structure decides, not the words of one document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from alignment.config import ServiceSubject
from alignment.documents.headings import DUN, PAREN_OR_DIGIT, SHORT_ORDINAL
from alignment.documents.model import Document, Paragraph
from alignment.documents.text import is_metadata, is_web_furniture, value_below

# A form's field naming the project: "项目名称：河南省胸科医院内科综合楼项目；".
_NAME_FIELD = re.compile(r"^(?:建设)?项目名称\s*[：:]\s*(?P<name>[^；;。\n]{2,80})")
_NAME_LABEL = re.compile(r"^(?:建设)?项目名称\s*[：:]?$")
_NAME_HEADER = re.compile(r"^(?:建设)?项目名称$")
# An issuer's name on a line of its own (牟定县人民政府, 郑州市生态环境局金水分局): who signs, not
# what it is about.
_ISSUER = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|政府|委员会|办公室|办公厅|局|分局|厅|部|委)$"
)
_NUMBERED = re.compile(rf"^(?:{DUN}|{PAREN_OR_DIGIT}|{SHORT_ORDINAL}[章节条]|\d+[.．、])")
_SOURCE = re.compile(r"^(?:来源|时间|发布时间|作者|责任编辑)[：:]")
_HEAD_PARAGRAPHS = 12  # a subject line stands near the top
_FIELD_PARAGRAPHS = 60  # a form's fields may follow a notice's preamble
_LINE_MAX = 100


@dataclass(frozen=True)
class Subject:
    """The subject ``text``, the paragraph it stands in (-1: none) and where it came from."""

    text: str = ""
    paragraph: int = -1
    source: str = ""  # "项目名称", "标题" or ""


def find_subject(document: Document) -> Subject:
    paragraphs = list(document.paragraphs)
    field = _name_field(paragraphs[:_FIELD_PARAGRAPHS])
    if field is not None:
        return field
    for paragraph in paragraphs[:_HEAD_PARAGRAPHS]:
        if _is_subject_line(paragraph):
            return Subject(paragraph.text.strip().lstrip("#").strip(), paragraph.index, "标题")
    return Subject()


def _name_field(paragraphs: list[Paragraph]) -> Subject | None:
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        found = _NAME_FIELD.match(text)
        if found:
            return Subject(found["name"].strip(), paragraph.index, "项目名称")
        # A table kept as text, "序号|建设单位|项目名称|…" over its rows: the column's first value.
        if position + 1 < len(paragraphs):
            below = paragraphs[position + 1]
            name = value_below(text, below.text, _NAME_HEADER)
            if name:
                return Subject(name, below.index, "项目名称")
        # A table row "项目名称 | 河南省胸科医院…": the label's cell, then the value's.
        if paragraph.in_table and _NAME_LABEL.match(text) and position + 1 < len(paragraphs):
            value = paragraphs[position + 1]
            if value.in_table and value.text.strip():
                return Subject(value.text.strip(), value.index, "项目名称")
    return None


def _is_subject_line(paragraph: Paragraph) -> bool:
    raw = paragraph.text.strip()
    text = raw.lstrip("#【[").strip()
    return bool(
        2 <= len(text) <= _LINE_MAX
        and not paragraph.in_table
        and "|" not in text  # a table's row kept as text
        and not text.endswith(("：", ":"))  # 主送: the offices addressed
        and not is_metadata(raw)
        and not is_metadata(text)
        and not is_web_furniture(text)
        and not _ISSUER.match(text)
        and not _NUMBERED.match(text)
        and not _SOURCE.match(text)
    )


def service_of(subject: Subject, services: tuple[ServiceSubject, ...]) -> ServiceSubject | None:
    """The public service the subject names (the first of the rule file's that it names)."""
    return next((s for s in services if any(term in subject.text for term in s.any)), None)
