"""Pictures and PDFs for the demo, drawn locally with Pillow so the demo needs no network.

Every file is a pure function of its arguments: the same key always gives the same bytes.
"""

import io
import unicodedata
import zlib
from datetime import datetime
from functools import cache
from random import Random

from PIL import Image, ImageDraw, ImageFont

IMAGE_SIZE = (1200, 675)
# A4 at 150 dpi: sharp enough to read, small enough as a 1-bit page.
PAGE_SIZE = (1240, 1754)
PAGE_MARGIN = 110
# Fixed dates keep the PDF bytes identical from one run to the next.
PDF_DATE = datetime(2025, 2, 11, 9, 0, 0).timetuple()
# Fonts with ë and ç, tried first; Pillow's built-in font lacks them.
FONT_FILES = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "FreeSans.ttf")


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom) -> Image.Image:
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        column.putpixel((0, y), _mix(top, bottom, y / (height - 1)))
    return column.resize(size)


def _phone(draw, box, fill, screen):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=36, fill=fill)
    draw.rounded_rectangle((x0 + 18, y0 + 50, x1 - 18, y1 - 50), radius=14, fill=screen)
    draw.ellipse(((x0 + x1) // 2 - 12, y1 - 38, (x0 + x1) // 2 + 12, y1 - 14), fill=screen)


def _shield(draw, centre, size, fill, mark):
    cx, cy = centre
    half = size // 2
    draw.polygon(
        [
            (cx - half, cy - half),
            (cx + half, cy - half),
            (cx + half, cy),
            (cx, cy + half + half // 2),
            (cx - half, cy),
        ],
        fill=fill,
    )
    draw.line(
        [(cx - half // 2, cy), (cx - half // 8, cy + half // 3), (cx + half // 2, cy - half // 3)],
        fill=mark,
        width=max(8, size // 12),
        joint="curve",
    )


def _bubble(draw, box, fill, tail_left=True):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=(y1 - y0) // 3, fill=fill)
    tx = x0 + 40 if tail_left else x1 - 40
    draw.polygon(
        [(tx - 16, y1 - 2), (tx + 16, y1 - 2), (tx - 24 if tail_left else tx + 24, y1 + 28)],
        fill=fill,
    )


def _person(draw, centre, height, fill):
    cx, base = centre
    head = height // 5
    draw.ellipse((cx - head, base - height, cx + head, base - height + 2 * head), fill=fill)
    draw.rounded_rectangle(
        (cx - head * 3 // 2, base - height + 2 * head + 12, cx + head * 3 // 2, base),
        radius=head,
        fill=fill,
    )


def _motif(image, draw, motif: str, palette: list[tuple[int, int, int]], rng: Random):
    _, _, accent, light, dark = palette
    if motif == "shield":
        _shield(draw, (820, 300), 300, light, accent)
    elif motif == "phone":
        _phone(draw, (700, 120, 960, 600), dark, light)
        _shield(draw, (830, 330), 140, accent, light)
    elif motif == "chat":
        _bubble(draw, (620, 140, 1000, 260), light)
        _bubble(draw, (720, 310, 1100, 430), accent, tail_left=False)
        _bubble(draw, (620, 480, 940, 580), light)
    elif motif == "people":
        for i, x in enumerate((640, 800, 960)):
            _person(draw, (x, 600), 300 - (i % 2) * 60, light if i != 1 else accent)
    elif motif == "lock":
        draw.rounded_rectangle((700, 300, 980, 560), radius=30, fill=light)
        draw.arc((740, 150, 940, 400), start=180, end=360, fill=light, width=36)
        draw.ellipse((820, 390, 860, 430), fill=dark)
        draw.rectangle((832, 420, 848, 480), fill=dark)
    elif motif == "megaphone":
        draw.polygon([(660, 300), (960, 160), (960, 520), (660, 380)], fill=light)
        draw.rounded_rectangle((600, 290, 680, 390), radius=12, fill=accent)
        for r in (60, 110):
            draw.arc((960 - r, 340 - r, 960 + r, 340 + r), start=-40, end=40, fill=light, width=14)
    elif motif == "moon":
        # A crescent drawn through a mask, so the cut-out shows the gradient behind it.
        mask = Image.new("L", IMAGE_SIZE, 0)
        mask_draw = ImageDraw.Draw(mask)
        mask_draw.ellipse((700, 120, 1000, 420), fill=255)
        mask_draw.ellipse((770, 90, 1060, 380), fill=0)
        image.paste(light, mask=mask)
        for _ in range(9):
            x, y = rng.randrange(560, 1140), rng.randrange(60, 600)
            draw.ellipse((x - 6, y - 6, x + 6, y + 6), fill=light)
    elif motif == "book":
        draw.polygon([(620, 200), (820, 240), (820, 560), (620, 520)], fill=light)
        draw.polygon([(1020, 200), (820, 240), (820, 560), (1020, 520)], fill=accent)
        for y in (290, 340, 390, 440):
            draw.line([(660, y), (780, y + 24)], fill=dark, width=8)
    elif motif == "eye":
        draw.ellipse((600, 220, 1080, 460), fill=light)
        draw.ellipse((760, 260, 920, 420), fill=accent)
        draw.ellipse((810, 310, 870, 370), fill=dark)
    else:
        draw.ellipse((700, 180, 1000, 480), fill=light)


def illustration_png(*, key: str, colours: list[str], motif: str) -> bytes:
    """A flat 1200x675 illustration: gradient, soft circles, a motif on the right.

    colours: five hex colours (gradient top, gradient bottom, accent, light, dark).
    """
    palette = [_hex(c) for c in colours]
    rng = Random(zlib.crc32(key.encode()))
    image = _gradient(IMAGE_SIZE, palette[0], palette[1])
    circles = Image.new("RGBA", IMAGE_SIZE, (0, 0, 0, 0))
    circles_draw = ImageDraw.Draw(circles)
    for _ in range(5):
        r = rng.randrange(60, 200)
        x, y = rng.randrange(0, 560), rng.randrange(0, IMAGE_SIZE[1])
        circles_draw.ellipse((x - r, y - r, x + r, y + r), fill=(*palette[3], 38))
    image = Image.alpha_composite(image.convert("RGBA"), circles).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((70, 470, 430, 520), radius=25, fill=palette[3])
    draw.rounded_rectangle((70, 545, 330, 585), radius=20, fill=palette[2])
    _motif(image, draw, motif, palette, rng)
    # A small palette keeps the PNG well under 60 KB.
    quantised = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    quantised.save(out, "PNG", optimize=True)
    return out.getvalue()


def _wrap(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


@cache
def _font(size: int):
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _drawable(font, text: str) -> str:
    """The text, with accents dropped when the font has no glyph for them (e.g. ë becomes e)."""

    def missing(ch: str) -> bool:
        mask = font.getmask(ch)
        return (mask.size, bytes(mask)) == _notdef(font)

    if not any(ord(ch) > 127 and missing(ch) for ch in set(text)):
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _notdef(font):
    mask = font.getmask("\uffff")
    return (mask.size, bytes(mask))


def _new_page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    page = Image.new("1", PAGE_SIZE, 1)
    return page, ImageDraw.Draw(page)


def document_pages(*, title: str, subtitle: str, sections: list[tuple[str, str]]):
    """A4 page images of a text document: a title band, then headed sections."""
    title_font, subtitle_font, heading_font, body_font = (_font(s) for s in (54, 30, 36, 28))
    title, subtitle = _drawable(title_font, title), _drawable(subtitle_font, subtitle)
    sections = [(_drawable(heading_font, h), _drawable(body_font, t)) for h, t in sections]
    text_width = PAGE_SIZE[0] - 2 * PAGE_MARGIN
    bottom = PAGE_SIZE[1] - PAGE_MARGIN

    pages = []
    page, draw = _new_page()
    header = [(title_font, line, 66) for line in _wrap(title, title_font, text_width)]
    header += [(subtitle_font, line, 40) for line in _wrap(subtitle, subtitle_font, text_width)]
    band_height = 90 + sum(step for _font, _line, step in header) + 70
    draw.rectangle((0, 0, PAGE_SIZE[0], band_height), fill=0)
    y = 90
    for font, line, step in header:
        draw.text((PAGE_MARGIN, y), line, font=font, fill=1)
        y += step
    y = band_height + 60

    for heading, text in sections:
        blocks = [(heading_font, line, 48) for line in _wrap(heading, heading_font, text_width)]
        blocks += [(body_font, line, 40) for line in _wrap(text, body_font, text_width)]
        for index, (font, line, step) in enumerate(blocks):
            if y + step > bottom:
                pages.append(page)
                page, draw = _new_page()
                y = PAGE_MARGIN
            if index == 0:
                y += 12
            draw.text((PAGE_MARGIN, y), line, font=font, fill=0)
            y += step
        y += 24
    pages.append(page)
    return pages


def document_pdf(*, title: str, subtitle: str, sections: list[tuple[str, str]]) -> bytes:
    """A text document as a PDF of rendered A4 pages (see document_pages)."""
    pages = document_pages(title=title, subtitle=subtitle, sections=sections)
    out = io.BytesIO()
    pages[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=150.0,
        title=title,
        author="iSIGURT.al",
        creationDate=PDF_DATE,
        modDate=PDF_DATE,
    )
    return out.getvalue()
