"""The grammar of Chinese headings, in one place: how official documents number their chapters,
sections and items (第三章, 第二节, 一、, （一）, 1., 1.2). Readers that know a paragraph's level
from its style (Word's 标题 1, Markdown's #) set ``Paragraph.level``; plain text and PDFs have only
these markers, and each reader of structure (the plan parser, the sentence reader, the kind and
sub-plan checks, the PDF line joiner) composes its patterns from the pieces here."""

from __future__ import annotations

CN = "一二三四五六七八九十"  # the numerals of 一、 and （一） headings
NUMERAL = rf"[{CN}百零〇两\d]+"  # a chapter's or item's number: 十二, 两, 12
ORDINAL = rf"第[{CN}百零〇\d]+"  # 第三, 第12
SHORT_ORDINAL = rf"第[{CN}百\d]+"  # as a PDF line or a document's opening writes one
DUN = rf"[{CN}]+、"  # 一、
PAREN = rf"[（(][{CN}]+[)）]"  # （一）
PAREN_OR_DIGIT = rf"[（(][{CN}\d]+[)）]"  # （一）, (1)
ARABIC = r"\d+[.．、]"  # 1. 1、
DECIMAL = r"\d+(?:[.．]\d+)+"  # 1.2, 1.2.3
