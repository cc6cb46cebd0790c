#!/usr/bin/env python3
"""Hostile and unusual records, generated (nothing is fetched): each function writes one file.
Used by the robustness corpus test (robustness.py) and by the unit tests, e.g.

    python3 hostile.py pdf-text-strings OUT.pdf

Fictional data only: names invented, phones from the drama ranges, e-mails at example.org."""

import sys
import zlib

from pdf_writer import Pdf, hex_string, ref, text_page, utf16be, utf16le, utf8_bom

# What pdf_text_strings() hides where; the unit test checks each reaches the record decoded.
TEXT_STRINGS = {
    "info_title": "Zoë Okafor — safety plan",            # UTF-16BE
    "info_author": "Bartłomiej Nowak",                     # UTF-16LE
    "info_subject": "Referral from Ćiril Petrović",        # UTF-8 with BOM
    "info_keywords": "bullet \u2022 Fran\u00e7oise Dubois", # PDFDocEncoding (0x80 is U+2022)
    "outline": "Chapter about Siobhán Ní Bhriain",         # UTF-16LE
    "annotation": "Call Zoë on 07700 900431",              # UTF-16LE
    "annotation_author": "Grzegorz Wiśniewski",            # UTF-8 with BOM
    "field_name": "Name of Aoife Ó Súilleabháin",          # UTF-16LE
    "field_value": "Lives at 9 Quay Street, Rotherham",    # UTF-16BE
    "field_tooltip": "Tooltip naming Dörte Müller",        # UTF-8 with BOM
    "attachment_name": "plan für Zoë.txt",                 # UTF-16LE (name tree key and /UF)
    "attachment_description": "Notes by Łucja Kowalska",   # UTF-16BE
}


def pdf_doc(text: str) -> bytes:
    """PDFDocEncoding for the few characters used here (Latin-1 plus the bullet at 0x80)."""
    return text.replace("\u2022", "\x80").encode("latin-1")


def pdf_text_strings(path):
    """A one-page PDF whose metadata, outline, annotation, form field and attachment hold text
    strings in every encoding the PDF specification allows (and UTF-16LE, which it does not but
    which writers produce)."""
    s = TEXT_STRINGS
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    annot = pdf.add(b"<< /Type /Annot /Subtype /Text /Rect [400 700 420 720] /Contents " +
                    hex_string(utf16le(s["annotation"])) + b" /T " +
                    hex_string(utf8_bom(s["annotation_author"])) + b" >>")
    field = pdf.reserve()
    page = text_page(pdf, pages, ["A case note about the programme."],
                     extra=b" /Annots [%s %s]" % (ref(annot), ref(field)))
    pdf.set(field, b"<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [72 600 300 620] /P " +
            ref(page) + b" /T " + hex_string(utf16le(s["field_name"])) + b" /TU " +
            hex_string(utf8_bom(s["field_tooltip"])) + b" /V " +
            hex_string(utf16be(s["field_value"])) + b" >>")
    outlines = pdf.reserve()
    item = pdf.add(b"<< /Title " + hex_string(utf16le(s["outline"])) + b" /Parent " +
                   ref(outlines) + b" /Dest [" + ref(page) + b" /Fit] >>")
    pdf.set(outlines, b"<< /Type /Outlines /First %s /Last %s /Count 1 >>" % (ref(item), ref(item)))
    attached = pdf.stream(b"Attached note: the programme starts on Monday.\n",
                          extra=b" /Type /EmbeddedFile")
    filespec = pdf.add(b"<< /Type /Filespec /F (plan.txt) /UF " +
                       hex_string(utf16le(s["attachment_name"])) + b" /Desc " +
                       hex_string(utf16be(s["attachment_description"])) + b" /EF << /F " +
                       ref(attached) + b" >> >>")
    info = pdf.add(b"<< /Title " + hex_string(utf16be(s["info_title"])) + b" /Author " +
                   hex_string(utf16le(s["info_author"])) + b" /Subject " +
                   hex_string(utf8_bom(s["info_subject"])) + b" /Keywords " +
                   hex_string(pdf_doc(s["info_keywords"])) + b" >>")
    pdf.finish(path, catalog, pages, [page], info=info,
               catalog_extra=b" /Outlines " + ref(outlines) + b" /AcroForm << /Fields [" +
               ref(field) + b"] >> /Names << /EmbeddedFiles << /Names [" +
               hex_string(utf16le(s["attachment_name"])) + b" " + ref(filespec) + b"] >> >>")


def simple_pdf(path, lines, width=612, height=792, page_count=1, extra_page=b""):
    """A plain text PDF (every page the same lines)."""
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    kids = [text_page(pdf, pages, lines, width, height, extra_page) for _ in range(page_count)]
    pdf.finish(path, catalog, pages, kids)


def good_pdf(path):
    simple_pdf(path, ["Session note: the programme review went well.",
                      "Next session booked for the spring."])


def truncated_pdf(path):
    """A PDF cut off half way: no cross-reference table, no trailer."""
    good_pdf(path)
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[: len(data) // 3])


def flate_bomb(total: int) -> bytes:
    """`total` bytes of spaces, deflated (about 1000:1), made in chunks."""
    z = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    out = bytearray()
    for _ in range(total // len(chunk)):
        out += z.compress(chunk)
    return bytes(out + z.flush())


def bomb_pdf(path):
    """A page whose content stream inflates to 512 MiB of spaces: a decompression bomb."""
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    contents = pdf.stream(flate_bomb(512 << 20), b" /Filter /FlateDecode")
    page = pdf.add(b"<< /Type /Page /Parent %s /MediaBox [0 0 612 792] /Contents %s >>" %
                   (ref(pages), ref(contents)))
    pdf.finish(path, catalog, pages, [page])


def image_bomb_pdf(path):
    """An image that declares 200000 x 200000 pixels."""
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    image = pdf.stream(b"\0" * 4096, b" /Type /XObject /Subtype /Image /Width 200000 "
                       b"/Height 200000 /ColorSpace /DeviceGray /BitsPerComponent 8", True)
    contents = pdf.stream(b"q 612 0 0 792 0 0 cm /Im0 Do Q")
    page = pdf.add(b"<< /Type /Page /Parent %s /MediaBox [0 0 612 792] /Contents %s "
                   b"/Resources << /XObject << /Im0 %s >> >> >>" %
                   (ref(pages), ref(contents), ref(image)))
    pdf.finish(path, catalog, pages, [page])


def huge_page_pdf(path):
    """The largest page PDF allows (200 x 200 inches), with ordinary text."""
    simple_pdf(path, ["A floor plan note about the programme venue."], 14400, 14400)


def many_pages_pdf(path):
    """10001 pages sharing one content stream: one page past the default limit."""
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    font = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    contents = pdf.stream(b"BT /F1 12 Tf 72 720 Td (A page of the programme log.) Tj ET")
    kids = [pdf.add(b"<< /Type /Page /Parent %s /MediaBox [0 0 612 792] /Contents %s "
                    b"/Resources << /Font << /F1 %s >> >> >>" %
                    (ref(pages), ref(contents), ref(font))) for _ in range(10001)]
    pdf.finish(path, catalog, pages, kids)


def missing_page_pdf(path):
    """Two pages announced, one present: Poppler cannot open the second."""
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    page = text_page(pdf, pages, ["Page one of the programme report: attendance was good."])
    pdf.finish(path, catalog, pages, [page, b"999 0 R"])


def shading_pdf(path):
    """A page filled by a function-based shading whose PostScript function is long: slow to
    draw at a high resolution."""
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    body = b"{ " + b"2 copy add 0.5 mul 3 1 roll pop " * 2000 + b"pop }"
    function = pdf.stream(body, b" /FunctionType 4 /Domain [0 1 0 1] /Range [0 1]")
    shading = pdf.add(b"<< /ShadingType 1 /ColorSpace /DeviceGray /Domain [0 1 0 1] "
                      b"/Function %s >>" % ref(function))
    contents = pdf.stream(b"q 14400 0 0 14400 0 0 cm /Sh0 sh Q")
    page = pdf.add(b"<< /Type /Page /Parent %s /MediaBox [0 0 14400 14400] /Contents %s "
                   b"/Resources << /Shading << /Sh0 %s >> >> >>" %
                   (ref(pages), ref(contents), ref(shading)))
    pdf.finish(path, catalog, pages, [page])


def shared_field_pdf(path):
    """A form whose unnamed field is shared by two parents and is its own ancestor."""
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    shared, parent = pdf.reserve(), pdf.reserve()
    page = text_page(pdf, pages, ["Referral form for the programme."],
                     extra=b" /Annots [%s]" % ref(shared))
    pdf.set(shared, b"<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [72 600 300 620] /P %s "
            b"/Parent %s /Kids [%s] /V (Referral accepted) >>" % (ref(page), ref(parent), ref(shared)))
    pdf.set(parent, b"<< /Kids [%s %s] /Parent %s >>" % (ref(shared), ref(shared), ref(shared)))
    pdf.finish(path, catalog, pages, [page], catalog_extra=b" /AcroForm << /Fields [%s %s %s] >>" %
               (ref(parent), ref(shared), ref(parent)))


def deep_mime(path, depth=60):
    """A message whose multiparts nest `depth` deep, with a text part at every level."""
    lines = ["From: Programme Office <office@example.org>",
             "To: Case Worker <worker@example.org>",
             "Subject: Nested forwards about the programme",
             "Date: Mon, 2 Mar 2026 10:00:00 +0000",
             "MIME-Version: 1.0",
             'Content-Type: multipart/mixed; boundary="b0"', "", "preamble"]
    for level in range(depth):
        lines += ["--b%d" % level, "Content-Type: text/plain", "",
                  "Level %d of the forwarded thread: session notes." % level,
                  "--b%d" % level,
                  'Content-Type: multipart/mixed; boundary="b%d"' % (level + 1), ""]
    lines += ["--b%d" % depth, "Content-Type: text/plain", "", "The innermost note.",
              "--b%d--" % depth]
    for level in reversed(range(depth)):
        lines.append("--b%d--" % level)
    with open(path, "w", newline="\r\n") as f:
        f.write("\n".join(lines) + "\n")


def many_parts_mime(path, parts=1200):
    """A message with more attachments than the default limit."""
    lines = ["From: Programme Office <office@example.org>",
             "To: Case Worker <worker@example.org>",
             "Subject: Many small notes", "Date: Mon, 2 Mar 2026 10:00:00 +0000",
             "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"', "",
             "--b", "Content-Type: text/plain", "", "Cover note about the programme."]
    for i in range(parts):
        lines += ["--b", "Content-Type: text/plain",
                  'Content-Disposition: attachment; filename="note-%d.txt"' % i, "",
                  "Note %d: attended." % i]
    lines.append("--b--")
    with open(path, "w", newline="\r\n") as f:
        f.write("\n".join(lines) + "\n")


def good_mime(path):
    with open(path, "w", newline="\r\n") as f:
        f.write("From: Programme Office <office@example.org>\nTo: Case Worker "
                "<worker@example.org>\nSubject: Session booked\nDate: Mon, 2 Mar 2026 "
                "10:00:00 +0000\n\nThe next session of the programme is booked.\n")


def long_line_text(path, megabytes=50):
    """One line of ordinary words, `megabytes` long, no line break."""
    words = b"the programme session was attended and the review went well today "
    with open(path, "wb") as f:
        for _ in range((megabytes << 20) // len(words)):
            f.write(words)


GENERATORS = {
    "pdf-text-strings": pdf_text_strings,
    "good-pdf": good_pdf,
    "truncated-pdf": truncated_pdf,
    "bomb-pdf": bomb_pdf,
    "image-bomb-pdf": image_bomb_pdf,
    "huge-page-pdf": huge_page_pdf,
    "many-pages-pdf": many_pages_pdf,
    "missing-page-pdf": missing_page_pdf,
    "shading-pdf": shading_pdf,
    "shared-field-pdf": shared_field_pdf,
    "deep-mime": deep_mime,
    "many-parts-mime": many_parts_mime,
    "good-mime": good_mime,
    "long-line-text": long_line_text,
}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in GENERATORS:
        sys.exit("usage: hostile.py {%s} OUT" % ",".join(GENERATORS))
    GENERATORS[sys.argv[1]](sys.argv[2])
