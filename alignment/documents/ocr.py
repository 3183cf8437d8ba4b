"""Text from page images — scanned PDF pages, photos and scans of pages — by offline OCR.

RapidOCR runs PP-OCR's Chinese detection and recognition models, shipped inside its wheel, on ONNX
Runtime on the CPU; nothing is downloaded. It is an install extra (``pip install -e '.[ocr]'``);
without it a scan is refused with a message saying how to get it.

Each page: red seals whited out, text lines recognised, a page that reads better turned (a scan
fed sideways or upside down) turned, low-confidence lines dropped and counted, lines put in
reading order, paragraph breaks marked where a line is indented or a gap opens. The lines then go
the way a PDF's text layer goes (page numbers and running headers dropped, wrapped lines rejoined:
:mod:`alignment.documents.pdf`).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import itertools
import logging
import statistics
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alignment.documents.model import OcrInfo, Paragraph, Reading
from alignment.documents.pages import paragraphs_of_pages
from alignment.errors import DocumentReadError, DocumentTooLargeError

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
# At about 2-3 s a page on two cores, 100 pages is five minutes: the longest wait worth offering.
MAX_OCR_PAGES = 100
# Pixels of one page image before it is decoded (an A4 page at 300 dpi is 8.7 million).
MAX_PIXELS = 60_000_000
# PP-OCR reads body text well from about 25 pixels a line: 16-point body text at 150 dpi is 33.
# At 200 dpi a page took twice the time and 950 MB instead of 630 (bench/ocr.py).
RENDER_DPI = 150
# An image's longer side is brought down to this before recognition (a 6000-pixel photo of a
# page gains nothing and costs nine times the time and memory).
MAX_SIDE = 2000
# Lines recognised less surely than this are dropped (counted in OcrInfo.dropped_lines).
MIN_CONFIDENCE = 0.6
# A page this sure of this share of its characters is taken as upright; below, the other three
# turns are tried and the best kept.
_UPRIGHT_CONFIDENCE = 0.85
_INSTALL_HINT = 'pip install -e ".[ocr]"'


@dataclass(frozen=True)
class Line:
    """One recognised text line and its box (pixels, from the page's top left)."""

    text: str
    score: float
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.right - self.left


@dataclass(frozen=True)
class Page:
    """A recognised page: its lines in reading order (paragraph breaks as ""), and the counts."""

    lines: list[str]
    kept: list[Line]
    dropped: int


def available() -> bool:
    """Whether the OCR extra is installed (without importing it: that takes a second)."""
    return all(importlib.util.find_spec(m) for m in ("rapidocr", "onnxruntime", "pypdfium2"))


def missing(name: str, what: str = "扫描件（没有文字层）") -> DocumentReadError:
    return DocumentReadError(
        f"{name} 是{what}，读取需要文字识别（OCR）组件。请安装：{_INSTALL_HINT}"
        "（Windows 安装包已自带）。",
        f"{name} has no text layer (a scan or an image); reading it needs the OCR extra: "
        f"{_INSTALL_HINT}.",
    )


@functools.cache
def _engine() -> Any:
    """RapidOCR with its bundled models, loaded once per process (about 1 s)."""
    from rapidocr import RapidOCR

    return RapidOCR(
        params={
            "Global.log_level": "error",
            # Off: an upside-down line is then recognised badly, which is how a turned page shows.
            "Global.use_cls": False,
            "Global.max_side_len": MAX_SIDE,
        }
    )


def recognise(image: Any) -> list[Line]:
    """The text lines RapidOCR finds in ``image`` (an RGB array), in its order."""
    output = _engine()(image[..., ::-1].copy())  # RapidOCR takes arrays in OpenCV's BGR order
    if output.boxes is None or output.txts is None:
        return []
    lines = []
    for box, text, score in zip(output.boxes, output.txts, output.scores, strict=True):
        xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
        lines.append(Line(text.strip(), float(score), min(xs), min(ys), max(xs), max(ys)))
    return [line for line in lines if line.text]


def read_page(image: Any) -> Page:
    """Recognise one page image (an RGB array): seals out, turned upright, in reading order."""
    import numpy as np

    image = without_seals(np.ascontiguousarray(image))
    lines = recognise(image)
    if not _upright(lines):
        # Lines standing on end: the page lies on its side; lying but unreadable: upside down.
        tall = sum(not _wide(x) for x in lines) > len(lines) / 2
        turns = [lines]
        for k in (1, 3, 2) if tall else (2, 1, 3):
            turns.append(recognise(np.ascontiguousarray(np.rot90(image, k))))
            if _upright(turns[-1]):
                break
        lines = max(turns, key=_quality)
    kept = [line for line in lines if line.score >= MIN_CONFIDENCE]
    return Page(reading_order(kept), kept, len(lines) - len(kept))


def _wide(line: Line) -> bool:
    return line.width >= line.height or len(line.text) < 2


def _quality(lines: list[Line]) -> float:
    """Characters recognised surely in lines that run across the page."""
    return sum(len(x.text) * x.score for x in lines if x.score >= MIN_CONFIDENCE and _wide(x))


def _upright(lines: list[Line]) -> bool:
    characters = sum(len(x.text) for x in lines)
    if not characters:
        return True  # a blank page: no turn reads better
    sure = sum(len(x.text) for x in lines if x.score >= _UPRIGHT_CONFIDENCE and _wide(x))
    return sure >= 0.8 * characters


def without_seals(image: Any) -> Any:
    """``image`` with round red seals taken out: a seal's ring of text is not the document's
    text. Red that is not round and seal-sized (a red-header issuer's name, a red rule) stays;
    black text under a seal stays too."""
    import cv2
    import numpy as np

    red = image[..., 0].astype(np.int16)
    mask = (red > 120) & (red - image[..., 1] > 50) & (red - image[..., 2] > 50)
    if not mask.any():
        return image
    # Joined up, a seal's ring, star and characters are one shape.
    joined = cv2.dilate(mask.astype(np.uint8), np.ones((9, 9), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined)
    side = min(image.shape[:2])
    cleaned = image.copy()
    for x, y, w, h, _area in stats[1:count]:
        if 0.07 * side <= min(w, h) and max(w, h) <= 0.45 * side and 0.75 <= w / h <= 1.33:
            # Inside a seal, the red channel alone: red ink is bright in it, black and grey text
            # keep their darkness. Ink on paper (bright, or tinted and fairly bright: a JPEG's
            # fringes) turns white; ink over a character stays the character's grey.
            region = cleaned[y : y + h, x : x + w]
            r = region[..., 0].astype(np.int16)
            tinted = (r - region[..., 1] > 12) & (r - region[..., 2] > 12) & (r > 120)
            region[...] = np.where((r > 170) | tinted, 255, r)[..., None]
    return cleaned


def reading_order(lines: list[Line]) -> list[str]:
    """Lines top to bottom, boxes on one row left to right; a wide gap within a row becomes a tab
    (a table's cells, read as cells), and an indented line or a blank band before a line becomes a
    paragraph break ("")."""
    if not lines:
        return []
    height = statistics.median(x.height for x in lines)
    margin = min(x.left for x in lines)
    result: list[str] = []
    previous_bottom: float | None = None
    for row in _rows(lines):
        text = row[0].text
        for before, line in itertools.pairwise(row):
            text += "\t" if line.left - before.right > 2 * height else ""
            text += line.text
        top = min(x.top for x in row)
        indented = row[0].left - margin > 1.5 * height
        gap = previous_bottom is not None and top - previous_bottom > 1.2 * height
        if result and (indented or gap):
            result.append("")
        result.append(text)
        previous_bottom = max(x.bottom for x in row)
    return result


def _rows(lines: list[Line]) -> Iterator[list[Line]]:
    """Lines grouped into rows: a line joins the row whose vertical middle it overlaps."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda x: x.top):
        middle = (line.top + line.bottom) / 2
        row = rows[-1] if rows else None
        if row is not None and min(x.top for x in row) <= middle <= max(x.bottom for x in row):
            row.append(line)
        else:
            rows.append([line])
    for row in rows:
        yield sorted(row, key=lambda x: x.left)


def recognise_pages(
    images: Generator[Any, None, None], count: int, name: str, reading: Reading
) -> list[Page]:
    """Recognise the ``count`` page images ``images`` yields (made one at a time, so a long
    scan never holds every page in memory); progress and cancel between pages."""
    if count > MAX_OCR_PAGES:
        raise DocumentTooLargeError(
            f"{name} 需要文字识别的扫描页过多（{count} 页，上限 {MAX_OCR_PAGES} 页）；"
            "请拆分文件后分别审查。",
            f"{name} has too many scanned pages to recognise ({count}, limit {MAX_OCR_PAGES}); "
            "split the file.",
        )
    pages = []
    with contextlib.closing(images):  # its file is closed on a cancel or an error too
        for done, image in enumerate(images):
            # The step's name, then a counter the interface shows as it is, in either language.
            reading.report(done / count, f"文字识别 {done + 1}/{count}")
            pages.append(read_page(image))
    reading.report(1.0, "文字识别完成")
    return pages


def summary(pages: list[Page]) -> OcrInfo:
    kept = [line for page in pages for line in page.kept]
    mean = statistics.fmean(x.score for x in kept) if kept else 0.0
    return OcrInfo(len(pages), round(mean, 3), sum(page.dropped for page in pages))


def read_image(path: Path, reading: Reading | None = None) -> list[Paragraph]:
    """The paragraphs of an image file's pages (a multi-page TIFF has several)."""
    if not available():
        raise missing(path.name, "图片")
    reading = reading if reading is not None else Reading()
    count = _frame_count(path)
    pages = recognise_pages(_frames(path), count, path.name, reading)
    reading.ocr = summary(pages)
    return paragraphs_of_pages([page.lines for page in pages])


def _frame_count(path: Path) -> int:
    """The image's pages; the pixel limit is checked on every page from its header, before any
    page is decoded (a multi-page TIFF's second page may be the huge one)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            for number in range(frames):
                image.seek(number)
                _check_pixels(path, *image.size)
    except Image.DecompressionBombError as exc:  # Pillow's own cap, past twice its default
        raise _too_large(path, "") from exc
    except (UnidentifiedImageError, OSError, ValueError, EOFError) as exc:
        raise DocumentReadError(
            f"{path.name} 不是有效的图片文件或已损坏。",
            f"{path.name} is not a valid image or is corrupt.",
        ) from exc
    return frames


def _check_pixels(path: Path, width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise _too_large(path, f"{width}×{height}")


def _too_large(path: Path, size: str) -> DocumentTooLargeError:
    shown = f"{size} 像素，" if size else ""
    shown_en = f"{size} pixels, " if size else ""
    return DocumentTooLargeError(
        f"{path.name} 图片过大（{shown}上限 {MAX_PIXELS // 1_000_000} 百万像素）；请降低分辨率后重试。",
        f"{path.name} is too large ({shown_en}limit {MAX_PIXELS // 1_000_000} megapixels); "
        "lower the resolution.",
    )


def _frames(path: Path) -> Generator[Any, None, None]:
    """Each page of an image file as an RGB array, the file opened once."""
    import numpy as np
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        for number in range(getattr(image, "n_frames", 1)):
            try:
                image.seek(number)
                frame = ImageOps.exif_transpose(image).convert("RGB")  # a phone photo's own turn
            except (OSError, ValueError, EOFError) as exc:
                raise DocumentReadError(
                    f"{path.name} 的第 {number + 1} 页图片已损坏。",
                    f"Page {number + 1} of {path.name} is corrupt.",
                ) from exc
            frame.thumbnail((MAX_SIDE, MAX_SIDE))
            yield np.asarray(frame)


def rendered_pdf_pages(path: Path, numbers: list[int]) -> Generator[Any, None, None]:
    """Pages ``numbers`` (from 0) of a PDF as RGB arrays at :data:`RENDER_DPI`, or less where a
    page is so large that it would pass :data:`MAX_PIXELS`; the file is opened once."""
    import numpy as np
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise DocumentReadError(
            f"{path.name} 的扫描页无法渲染（{exc}）。",
            f"Cannot render the scanned pages of {path.name}.",
        ) from exc
    try:
        for number in numbers:
            page = document[number]
            width, height = page.get_size()  # points
            scale = min(RENDER_DPI / 72, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
            yield np.asarray(page.render(scale=scale).to_pil().convert("RGB"))
    finally:
        document.close()
