"""The Word file's page, as the PDF's: A4 with templates/dokumen/dokumen.css's margins, the
body font, Indonesian hyphenation and "Halaman X dari Y" at the foot (config.dokumen_word
writes the content)."""

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Bookman Old Style"
UKURAN = Pt(11)
# The PDF's @page margins (templates/dokumen/dokumen.css).
MARGIN = {"top": Cm(2), "right": Cm(2), "bottom": Cm(2.2), "left": Cm(2.5)}
A4 = (Cm(21), Cm(29.7))


def _nomor_halaman(section):
    """ "Halaman X dari Y" at the foot of every page, right-aligned, as the PDF's @bottom-right."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def teks(t):
        r = p.add_run(t)
        r.font.size = Pt(9)
        r.font.color.rgb = RGBColor(0x33, 0x33, 0x33)

    def medan(kode):
        for jenis, isi in (("begin", None), (None, kode), ("end", None)):
            r = p.add_run()
            r.font.size = Pt(9)
            if jenis:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), jenis)
                r._r.append(fc)
            else:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = f" {isi} "
                r._r.append(it)

    teks("Halaman ")
    medan("PAGE")
    teks(" dari ")
    medan("NUMPAGES")


# The elements that follow w:autoHyphenation in w:settings (ECMA-376 §17.15.1.78).
_SETELAH_HYPHENATION = (
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
    "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
    "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults",
    "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip


def dokumen_baru(*, mendatar: bool):
    """An empty A4 document (landscape when `mendatar`) set up as the PDF: font, language,
    hyphenation, margins and the page numbers."""
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = FONT
    gaya.font.size = UKURAN
    gaya.paragraph_format.space_before = Pt(0)
    gaya.paragraph_format.space_after = Pt(2)
    rpr = gaya.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(atribut), FONT)
    bahasa = OxmlElement("w:lang")
    bahasa.set(qn("w:val"), "id-ID")
    rpr.append(bahasa)
    # Prose columns hyphenate, as the PDF's (hyphens: auto, language id).
    settings = doc.settings.element
    settings.insert_element_before(
        OxmlElement("w:autoHyphenation"),
        *(f"w:{t}" for t in _SETELAH_HYPHENATION),
    )
    section = doc.sections[0]
    lebar, tinggi = A4
    if mendatar:
        section.orientation = WD_ORIENT.LANDSCAPE
        lebar, tinggi = tinggi, lebar
    section.page_width, section.page_height = lebar, tinggi
    section.top_margin = MARGIN["top"]
    section.right_margin = MARGIN["right"]
    section.bottom_margin = MARGIN["bottom"]
    section.left_margin = MARGIN["left"]
    _nomor_halaman(section)
    return doc
