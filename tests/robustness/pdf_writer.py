"""A minimal PDF writer for hostile test inputs: objects are given as raw bytes, so a test can
put any byte sequence in a string (UTF-16 with either byte-order mark, UTF-8 with a BOM, invalid
UTF-16) or any structure in a dictionary. No library writes such files on purpose."""

import zlib


def hex_string(raw: bytes) -> bytes:
    """A PDF hexadecimal string holding exactly `raw`."""
    return b"<" + raw.hex().upper().encode() + b">"


def utf16be(text: str) -> bytes:
    return b"\xfe\xff" + text.encode("utf-16-be")


def utf16le(text: str) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


def utf8_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.encode("utf-8")


class Pdf:
    """Objects numbered from 1 in the order added; `ref(n)` refers to object n."""

    def __init__(self):
        self.objects = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects)

    def set(self, number: int, body: bytes):
        self.objects[number - 1] = body

    def stream(self, data: bytes, extra: bytes = b"", compress: bool = False) -> int:
        """A stream object; `extra` goes into its dictionary, after /Length."""
        if compress:
            data = zlib.compress(data, 9)
            extra += b" /Filter /FlateDecode"
        return self.add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data +
                        b"\nendstream")

    def finish(self, path, catalog: int, pages: int, kids, count=None, catalog_extra=b"",
               info: int = 0):
        """Writes the page tree (`kids`, announcing `count` pages) and the catalog, then the
        file."""
        self.set(pages, b"<< /Type /Pages /Kids [%s] /Count %d >>" %
                 (b" ".join(k if isinstance(k, bytes) else ref(k) for k in kids),
                  len(kids) if count is None else count))
        self.set(catalog, b"<< /Type /Catalog /Pages %s%s >>" % (ref(pages), catalog_extra))
        self.write(path, catalog, info)

    def write(self, path, root: int, info: int = 0, trailer_extra: bytes = b""):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + (body or b"null") + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        out += b"trailer\n<< /Size %d /Root %d 0 R" % (len(self.objects) + 1, root)
        if info:
            out += b" /Info %d 0 R" % info
        out += trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        with open(path, "wb") as f:
            f.write(out)


def ref(n: int) -> bytes:
    return b"%d 0 R" % n


def text_page(pdf: Pdf, pages: int, lines, width=612, height=792, extra: bytes = b"") -> int:
    """A page showing `lines` in Helvetica; returns the page object's number."""
    font = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    content = b"BT /F1 12 Tf 72 %d Td 14 TL\n" % (height - 72)
    for line in lines:
        content += b"(" + line.encode("latin-1").replace(b"\\", b"\\\\").replace(
            b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*\n"
    content += b"ET"
    contents = pdf.stream(content)
    return pdf.add(b"<< /Type /Page /Parent %s /MediaBox [0 0 %d %d] /Contents %s "
                   b"/Resources << /Font << /F1 %s >> >>%s >>" %
                   (ref(pages), width, height, ref(contents), ref(font), extra))
