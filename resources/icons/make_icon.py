"""Draw Haichi's icon: the kanji 配 in white on a teal rounded square.

    QT_QPA_PLATFORM=offscreen uv run python resources/icons/make_icon.py [OUTPUT_DIR]

Writes haichi.png (256 px) and haichi.ico (16, 24, 32, 48, 64, 128 and 256 px). The small sizes are
stored as classic 32-bit DIBs and 256 px as PNG, the layout every Windows version and Inno Setup accept.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
BACKGROUND = QColor("#0f7b8a")  # teal: readable on light and dark taskbars
GLYPH = "配"
FONTS = ["Yu Gothic UI", "Meiryo UI", "Noto Sans CJK JP", "IPAGothic", "IPAPGothic"]


def draw(size: int) -> QImage:
    """The icon drawn at `size` × `size` pixels (ARGB32, transparent corners); returns the image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = max(size / 32, 0.5)
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BACKGROUND)
    painter.drawRoundedRect(box, size * 0.18, size * 0.18)
    font = QFont()
    font.setFamilies(FONTS)
    font.setBold(True)
    font.setPixelSize(100)
    path = QPainterPath()
    path.addText(0, 0, font, GLYPH)
    # Scale the glyph's outline to 72 % of the square, centred, so every font fills it alike.
    bounds = path.boundingRect()
    scale = size * 0.72 / max(bounds.width(), bounds.height())
    painter.translate(size / 2, size / 2)
    painter.scale(scale, scale)
    painter.translate(-bounds.center())
    painter.setBrush(QColor("white"))
    painter.drawPath(path)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG; returns the bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """The image as an ICO entry's DIB: header, bottom-up BGRA rows, then the 1-bit AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = [bytes(argb.constScanLine(y))[: size * 4] for y in range(size)]  # BGRA on little-endian
    mask_row = b"\0" * (((size + 31) // 32) * 4)  # all visible: alpha decides
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_bytes(images: list[QImage]) -> bytes:
    """A multi-size .ico holding `images` (256 px as PNG, smaller as DIB); returns the file's bytes."""
    entries = [png_bytes(i) if i.width() >= 256 else dib_bytes(i) for i in images]
    offset = 6 + 16 * len(images)
    directory = b""
    for image, data in zip(images, entries):
        side = image.width() % 256  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(entries)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need an application
    images = [draw(size) for size in SIZES]
    images[-1].save(str(out / "haichi.png"), "PNG")
    (out / "haichi.ico").write_bytes(ico_bytes(images))
    print(f"wrote {out / 'haichi.png'} and {out / 'haichi.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
