"""The document a report starts from: python-docx's blank one, or the office's own template (its
红头, styles and page setup), checked like any input before it is opened."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from alignment.documents.safety import MAX_FILE_BYTES, check_file, open_docx_zip
from alignment.errors import AlignmentError, ProfileError
from alignment.output.docx_layout import set_page


def base_document(template: str) -> Any:
    """A new document, or the office's template with its 红头, styles and page setup; the report
    is appended after whatever the template's body holds.

    Raises
    ------
    ProfileError
        The template is missing or not a usable .docx.
    """
    import docx

    if not template:
        return docx.Document()
    path = Path(template)
    try:
        check_file(path, MAX_FILE_BYTES)
        open_docx_zip(path).close()  # zip bombs and encrypted files refused before parsing
        document = docx.Document(str(path))
        body = document.element.body
        if body.sectPr is None:  # a template without page setup gets the report's own
            body.get_or_add_sectPr()
            set_page(document.sections[0])
        return document
    except (AlignmentError, OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        reason = exc.message if isinstance(exc, AlignmentError) else str(exc)
        raise ProfileError(
            f"报告模板无法使用：{path.name}（{reason}）。请选择 .docx 格式的模板。",
            f"Cannot use the report template {path.name}: {reason}",
        ) from exc
