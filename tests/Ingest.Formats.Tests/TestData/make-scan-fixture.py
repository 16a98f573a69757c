#!/usr/bin/env python3
"""Builds scanned-pdf-fixture.pdf, the image-only test input of the OCR tests.

Page 1 of layout-pdf-fixture.pdf is rendered at 200 dpi with pdftoppm, given a slight skew and
noise with ImageMagick (as a scanner would), saved as JPEG and wrapped in a one-page PDF with no
text layer. The PDF is committed; run this again only to change it (needs poppler-utils and
imagemagick). ImageMagick's PDF writer is disabled by the usual security policy, so the PDF is
written here directly.
"""
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf_with_jpeg(jpeg, width, height, dpi):
    page_w, page_h = width * 72.0 / dpi, height * 72.0 / dpi
    content = f"q {page_w:.2f} 0 0 {page_h:.2f} 0 0 cm /Im0 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w:.2f} {page_h:.2f}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpeg)} >>\nstream\n".encode() + jpeg + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def main():
    with tempfile.TemporaryDirectory() as work:
        base = os.path.join(work, "page")
        subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-gray", "-png", "-singlefile",
                        os.path.join(HERE, "layout-pdf-fixture.pdf"), base], check=True)
        jpeg_path = os.path.join(work, "page.jpg")
        subprocess.run(["convert", base + ".png", "-background", "white", "-rotate", "0.5", "-attenuate", "0.4",
                        "+noise", "Gaussian", "-colorspace", "Gray", "-quality", "60", jpeg_path], check=True)
        size = subprocess.run(["identify", "-format", "%w %h", jpeg_path], check=True, capture_output=True, text=True).stdout.split()
        with open(jpeg_path, "rb") as handle:
            jpeg = handle.read()
        with open(os.path.join(HERE, "scanned-pdf-fixture.pdf"), "wb") as handle:
            handle.write(pdf_with_jpeg(jpeg, int(size[0]), int(size[1]), 200))


if __name__ == "__main__":
    main()
