#!/usr/bin/env python3
"""Builds layout-pdf-fixture.pdf, the digital-PDF test input of PdfReaderTests.

The PDF is committed, so tests need no LibreOffice; run this script again only to change it:
    python3 make-pdf-fixture.py   (needs soffice: apt-get install libreoffice-writer-nogui)

It writes a flat ODT with the layout of a party document (two-column letterhead table, centred
kind line, justified body with first-line indents, a footnote, a running header, centred page
numbers, a signature table) and converts it with LibreOffice headless. The body text is made-up
wording in the style of party documents; the expected texts live in PdfReaderTests.
"""
import os
import subprocess
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

BODY = [
    "Thực hiện chương trình công tác năm, Ban Thường vụ yêu cầu các cấp ủy, tổ chức đảng tập trung lãnh đạo, chỉ đạo thực hiện tốt các nhiệm vụ trọng tâm sau đây, bảo đảm thiết thực, hiệu quả và đúng tiến độ đề ra.",
    "1. Quán triệt sâu rộng nội dung của văn bản đến toàn thể cán bộ, đảng viên; xây dựng kế hoạch cụ thể, phân công rõ trách nhiệm của từng tổ chức, từng cá nhân trong việc triển khai thực hiện (hoàn thành trong quý I năm 2025).",
    "2. Tăng cường công tác kiểm tra, giám sát việc thực hiện; kịp thời phát hiện, chấn chỉnh những hạn chế, thiếu sót; biểu dương, khen thưởng những tập thể, cá nhân có thành tích tiêu biểu trong quá trình thực hiện nhiệm vụ.",
    "3. Đổi mới nội dung, phương thức tuyên truyền; phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong việc vận động nhân dân tham gia thực hiện, tạo sự đồng thuận cao trong xã hội.",
    "4. Các cơ quan tham mưu, giúp việc cấp ủy theo chức năng, nhiệm vụ được giao chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, đôn đốc việc thực hiện; định kỳ sáu tháng báo cáo kết quả về Ban Thường vụ.",
    "5. Ủy ban Kiểm tra chủ trì, phối hợp với Ban Tổ chức tham mưu việc kiểm tra, giám sát chuyên đề; tổng hợp những vấn đề phát sinh, đề xuất biện pháp xử lý kịp thời, không để tồn đọng kéo dài.",
    "6. Văn phòng theo dõi, tổng hợp tình hình thực hiện; tham mưu sơ kết, tổng kết, rút kinh nghiệm; đề xuất những nội dung cần sửa đổi, bổ sung cho phù hợp với tình hình thực tiễn của địa phương.",
    "Quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Thường trực để xem xét, giải quyết theo thẩm quyền hoặc báo cáo cấp có thẩm quyền xem xét, quyết định.",
]

NOTE = "Theo Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương Đảng."


def para(style, text):
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def main():
    paragraphs = []
    for round_index in range(4):
        for i, text in enumerate(BODY):
            body = escape(text)
            if round_index == 0 and i == 0:
                body += ('<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                         f'<text:note-body>{para("Note", escape(NOTE))}</text:note-body></text:note>')
            paragraphs.append(para("Body", body))
    cell = lambda *lines: "<table:table-cell>" + "".join(para("Cell", escape(l)) for l in lines) + "</table:table-cell>"
    letterhead = ('<table:table table:name="Letterhead" table:style-name="Grid"><table:table-column table:number-columns-repeated="2"/>'
                  "<table:table-row>" + cell("BAN CHẤP HÀNH TRUNG ƯƠNG", "*") + cell("ĐẢNG CỘNG SẢN VIỆT NAM") + "</table:table-row>"
                  "<table:table-row>" + cell("Số 999-QĐ/TW") + cell("Hà Nội, ngày 14 tháng 02 năm 2025") + "</table:table-row></table:table>")
    signature = ('<table:table table:name="Signature" table:style-name="Grid"><table:table-column table:number-columns-repeated="2"/>'
                 "<table:table-row>" + cell("Nơi nhận:", "- Các tỉnh ủy, thành ủy,", "- Lưu Văn phòng.") + cell("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A") + "</table:table-row></table:table>")
    content = (letterhead + para("Kind", "QUY ĐỊNH") + para("Title", "VỀ VIỆC THỰC HIỆN THỬ NGHIỆM CÁC NHIỆM VỤ TRỌNG TÂM CỦA CẤP ỦY, TỔ CHỨC ĐẢNG TRONG NĂM 2025")
               + "".join(paragraphs) + signature)
    document = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt" fo:language="vi" fo:country="VN" fo:hyphenate="false"/></style:default-style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Kind" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.6cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Note" style:family="paragraph"><style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt"/></style:style>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout>
 <style:style style:name="Grid" style:family="table"><style:table-properties style:width="16cm" table:align="center"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">
 <style:header>{para("Header", "QĐ999.THUNGHIEM.DOC")}</style:header>
 <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{content}</office:text></office:body></office:document>'''
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "layout-pdf-fixture.fodt")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(document)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", HERE, source], check=True, capture_output=True)


if __name__ == "__main__":
    main()
