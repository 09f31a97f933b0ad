#!/usr/bin/env python3
"""Makes the document-reading fixtures in tests/fixtures/import/ from seed 002.

Run once; the files it writes are committed, so the tests need neither Python
nor LibreOffice. Needs python-docx, pypdf and LibreOffice (`soffice`) with the
hyphen-en-us patterns:

    apt-get install -y libreoffice-writer-nogui hyphen-en-us
    pip install python-docx pypdf
    python3 tools/make_import_fixtures.py

What it writes, each from tests/fixtures/import/seed002.txt:
- seed002.docx: the plan as Word writes it. The printed numbers "I.", "1."
  and "(1)" are automatic list numbering (w:numPr, rebuilt from
  word/numbering.xml), not text; one paragraph carries a tracked deletion and
  insertion whose accepted text is the seed's.
- seed002.pdf: that document (without the tracked changes) printed by
  LibreOffice: proportional type, justified lines broken at the page width,
  words hyphenated at line ends, a running header and page numbers.
- seed002.html: the plan as a government portal page: a menu, breadcrumbs,
  share buttons, scripts, styles, related stories and a footer around an
  article that has no <article> or <main> element.
- encrypted.pdf: the first page of seed002.pdf behind a user password.
"""

import copy
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
import pypdf

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "fixtures", "import")
SEED = os.path.join(FIXTURES, "seed002.txt")

ROMAN = re.compile(r"^([IVX]+)\.\s(.*)$")
DECIMAL = re.compile(r"^(\d+)\.\s(.*)$")
ITEM = re.compile(r"^\((\d+)\)\s(.*)$")

# The paragraph that carries a tracked change, and the words changed.
TRACKED_WORD = "expand the research layout"


def paragraphs():
    with open(SEED, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def numbering_xml(numbering):
    """Adds one list (abstractNum 90, num 90): I. / 1. / (1), each level
    restarting after the level above, as Word writes outline lists."""
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, (fmt, text, indent) in enumerate(
        [("upperRoman", "%1.", 0), ("decimal", "%2.", 360), ("decimal", "(%3)", 720)]
    ):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in [
            ("w:start", "1"),
            ("w:numFmt", fmt),
            ("w:lvlText", text),
            ("w:lvlJc", "left"),
        ]:
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        suff = OxmlElement("w:suff")
        suff.set(qn("w:val"), "space")
        lvl.append(suff)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(indent))
        ind.set(qn("w:hanging"), "0")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    # abstractNum elements must come before num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def set_numbered(paragraph, ilvl):
    # get_or_add_numPr puts w:numPr where the schema's order wants it.
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = 90


def run_element(text, deleted=False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def add_tracked(paragraph, text):
    """The paragraph's text with "widen" deleted and "expand" inserted in
    its place, as Word records a reviewer's edit."""
    before, after = text.split(TRACKED_WORD, 1)
    paragraph.add_run(before)
    for tag, words, deleted in [("w:del", "widen", True), ("w:ins", "expand", False)]:
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if deleted else "2")
        change.set(qn("w:author"), "Reviewer")
        change.set(qn("w:date"), "2025-03-01T00:00:00Z")
        change.append(run_element(words, deleted))
        paragraph._p.append(change)
    paragraph.add_run(TRACKED_WORD[len("expand"):] + after)


def add_page_number(paragraph):
    paragraph.add_run("Page ")
    run = paragraph.add_run()
    for kind, text in [("begin", None), (None, " PAGE "), ("end", None)]:
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def make_docx(path, tracked):
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(12)
    settings = document.settings.element
    hyphenation = OxmlElement("w:autoHyphenation")
    settings.append(hyphenation)
    numbering_xml(document.part.numbering_part.element)
    section = document.sections[0]
    section.header.paragraphs[0].text = "Medical Artificial Intelligence Working Plan"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_number(footer)
    for text in paragraphs():
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for pattern, ilvl in [(ROMAN, 0), (DECIMAL, 1), (ITEM, 2)]:
            m = pattern.match(text)
            if m:
                set_numbered(p, ilvl)
                text = m.group(2)
                break
        if tracked and TRACKED_WORD in text:
            add_tracked(p, text)
        else:
            p.add_run(text)
    document.save(path)


def make_pdf(docx_path, out):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, docx_path],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        name = os.path.splitext(os.path.basename(docx_path))[0] + ".pdf"
        shutil.copy(os.path.join(tmp, name), out)


def make_encrypted(pdf, out):
    reader = pypdf.PdfReader(pdf)
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[0])
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    with open(out, "wb") as f:
        writer.write(f)


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Shanghai Municipal People's Government</title>
<style>body {{ font-family: Arial; }} .nav li {{ display: inline; }}</style>
<script>window.dataLayer = window.dataLayer || []; function gtag() {{ dataLayer.push(arguments); }}</script>
</head>
<body>
<div class="header">
  <div class="logo"><a href="/">Shanghai Municipal People's Government</a></div>
  <ul class="nav">
    <li><a href="/en/">Home</a></li><li><a href="/en/news/">News</a></li>
    <li><a href="/en/policies/">Policies</a></li><li><a href="/en/services/">Services</a></li>
    <li><a href="/en/about/">About Shanghai</a></li><li><a href="/en/search/">Search</a></li>
  </ul>
</div>
<div class="breadcrumb"><a href="/en/">Home</a> &gt; <a href="/en/policies/">Policies</a> &gt; <a href="/en/policies/latest/">Latest Policies</a></div>
<div class="main-wrap">
  <div class="share">Share: <a href="#">WeChat</a> <a href="#">Weibo</a> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="javascript:window.print()">Print</a></div>
  <div class="TRS_Editor">
{body}
  </div>
  <div class="related">
    <h3>Related stories</h3>
    <ul>
      <li><a href="/en/1">Shanghai releases action plan for embodied intelligence</a></li>
      <li><a href="/en/2">Measures to support the high-quality development of the biomedicine industry</a></li>
      <li><a href="/en/3">Shanghai issues plan on AI-assisted public services</a></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p>Copyright &copy; Shanghai Municipal People's Government. All rights reserved.</p>
  <p><a href="/en/sitemap">Sitemap</a> | <a href="/en/contact">Contact Us</a> | <a href="/en/privacy">Privacy</a></p>
</div>
<script src="/js/stat.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</body>
</html>
"""


def make_html(out):
    lines = paragraphs()
    # "Related stories" closes the seed: the portal's own block, not the plan's.
    if lines[-1] == "Related stories":
        lines = lines[:-1]
    title = lines[0]
    body = [f"    <h1>{html.escape(title)}</h1>"]
    body += [f'    <p class="info">{html.escape(lines[1])}</p>']
    for text in lines[2:]:
        tag = "h2" if ROMAN.match(text) else "p"
        # Some paragraphs are written across source lines, as editors save them.
        escaped = html.escape(text).replace(". We shall", ".\n      We shall", 1)
        body.append(f"    <{tag}>{escaped}</{tag}>")
    with open(out, "w", encoding="utf-8") as f:
        f.write(PAGE.format(title=html.escape(title), body="\n".join(body)))


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice (LibreOffice) is needed")
    make_docx(os.path.join(FIXTURES, "seed002.docx"), tracked=True)
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "seed002.docx")
        make_docx(clean, tracked=False)
        make_pdf(clean, os.path.join(FIXTURES, "seed002.pdf"))
    make_encrypted(os.path.join(FIXTURES, "seed002.pdf"), os.path.join(FIXTURES, "encrypted.pdf"))
    make_html(os.path.join(FIXTURES, "seed002.html"))


if __name__ == "__main__":
    main()
