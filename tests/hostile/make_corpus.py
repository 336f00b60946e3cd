#!/usr/bin/env python3
"""恶意与畸形工作簿的语料：`python3 tests/hostile/make_corpus.py OUTDIR`。

只用标准库（zipfile、zlib），哪里都能跑；文件写进 OUTDIR（测试时是临时文件夹，不提交）。
每个文件的名字说明它是什么，`OUTDIR/INDEX.tsv` 列出：文件名、期望（refuse：一句中文错误；
preview：读出安全的预览）、说明。跑法与结果见 docs/reliability.md 的“恶意文件”。

`mulu-cli/tests/hostile.rs` 生成它们，逐个在子进程里 `mulu check --json --annotate` 读一遍：
每个文件都要在 10 秒、1 GB 内存之内自己结束，给出清楚的错误或正确、安全的预览。
"""

import os
import sys
import zipfile
import zlib

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{sheets}
{sst}
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

HEADER = ["序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体"]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col(c):
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def inline(r, c, text):
    return f'<c r="{col(c)}{r + 1}" t="inlineStr"><is><t xml:space="preserve">{esc(text)}</t></is></c>'


def catalog_rows(n=3, first=0, extra=None):
    """一张小目录：标题、表头、n 个事项（inline strings）。`extra(r)` 可改某一格。"""
    rows = [[f"某某县某某镇人民政府社会救助领域基层政务公开标准目录"], HEADER]
    for i in range(n):
        rows.append([str(i + 1), "最低生活保障", f"低保对象认定{i + 1}", "申请条件、办理流程",
                     "《社会救助暂行办法》", "信息形成之日起20个工作日内", "县民政局", "■政府网站 □公开查阅点"])
    out = []
    for r, row in enumerate(rows):
        cells = "".join(inline(first + r, c, t) for c, t in enumerate(row))
        out.append(f'<row r="{first + r + 1}">{cells}</row>')
    return "".join(out)


def sheet_xml(rows, merges=None, head=""):
    m = ""
    if merges:
        m = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{x}"/>' for x in merges) + "</mergeCells>"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{head}<worksheet {NS}><sheetData>{rows}</sheetData>{m}</worksheet>'


def write_xlsx(path, sheets, sst=None, level=6):
    """sheets：[(名称, 表的 XML（str、bytes 或产生 bytes 的函数）)]。"""
    names = "".join(f'<sheet name="{esc(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
    wb = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS}><sheets>{names}</sheets></workbook>'
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(sheets)))
    if sst is not None:
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    rels = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    ct_sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheets)))
    ct_sst = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
              if sst is not None else "")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", CT.format(sheets=ct_sheets, sst=ct_sst))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        if sst is not None:
            z.writestr("xl/sharedStrings.xml", sst)
        for i, (_, xml) in enumerate(sheets):
            name = f"xl/worksheets/sheet{i + 1}.xml"
            if callable(xml):
                with z.open(name, "w", force_zip64=True) as f:
                    for chunk in xml():
                        f.write(chunk)
            else:
                z.writestr(name, xml)


def repeated(head, unit, count, tail, chunk_units=1 << 16):
    """表的 XML 由 head + unit × count + tail 组成，分块产生（不在内存里拼出整段）。"""
    def gen():
        yield head.encode()
        block = (unit * chunk_units).encode()
        left = count
        while left >= chunk_units:
            yield block
            left -= chunk_units
        if left:
            yield (unit * left).encode()
        yield tail.encode()
    return gen


CASES = []


def case(expect, note):
    def wrap(f):
        CASES.append((f.__name__, expect, note, f))
        return f
    return wrap


# —— 今天会让程序崩溃或跑不完的 ——

@case("refuse", "一条 2,600 字的共享字符串被 400 万格引用（展开后约 10 GB 文字）")
def shared_string_4m(path):
    text = "社会救助" * 650
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="4000000" uniqueCount="1"><si><t>{text}</t></si></sst>'
    row = '<row>' + '<c t="s"><v>0</v></c>' * 4 + '</row>'
    write_xlsx(path, [("Sheet1", repeated(f'<?xml version="1.0"?><worksheet {NS}><sheetData>', row, 1_000_000,
                                           '</sheetData></worksheet>'))], sst=sst, level=1)


@case("refuse", "一格 32,767 字合并到 1,000,000 行 × 4 列")
def merged_long_cell(path):
    rows = '<row r="1">' + inline(0, 0, "救" * 32767) + '</row><row r="1000000">' + inline(999_999, 3, "x") + '</row>'
    write_xlsx(path, [("Sheet1", sheet_xml(rows, ["A1:D1000000"]))])


@case("refuse", "工作表名称长 1,000,000 字，1,000 行")
def long_sheet_name(path):
    write_xlsx(path, [("表" * 1_000_000, sheet_xml(catalog_rows(1000)))])


@case("refuse", "一格的位置写成 A1200000000（超出 Excel 的 1,048,576 行；变异模糊测试找到：曾按位置预留 29 GB）")
def cell_ref_huge(path):
    rows = catalog_rows(3) + '<row r="1200000000"><c r="A1200000000" t="inlineStr"><is><t>x</t></is></c></row>'
    write_xlsx(path, [("Sheet1", sheet_xml(rows))])


@case("refuse", "sharedStrings.xml 声明 uniqueCount=\"100000000000\"")
def unique_count(path):
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="100000000000" uniqueCount="100000000000"><si><t>公开事项</t></si></sst>'
    write_xlsx(path, [("Sheet1", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))], sst=sst)


@case("refuse", "一张表解压后 1 GiB 的空格（<c/>）")
def empty_cells_1gib(path):
    write_xlsx(path, [("Sheet1", repeated(f'<?xml version="1.0"?><worksheet {NS}><sheetData><row>', "<c/>",
                                          (1 << 30) // 4, '</row></sheetData></worksheet>'))], level=1)


@case("refuse", "一张表解压后 100 MB 的空格（部件大小之内，读的时候按格数截止）")
def empty_cells_100mb(path):
    write_xlsx(path, [("Sheet1", repeated(f'<?xml version="1.0"?><worksheet {NS}><sheetData><row>', "<c/>",
                                          (100 << 20) // 4, '</row></sheetData></worksheet>'))], level=1)


@case("refuse", "100,000 个相同的合并区域，各覆盖 1,000,000 行 × 4 列")
def merges_identical(path):
    rows = '<row r="1">' + inline(0, 0, "公开事项") + '</row><row r="1000000">' + inline(999_999, 3, "x") + '</row>'
    write_xlsx(path, [("Sheet1", sheet_xml(rows, ["A1:D1000000"] * 100_000))])


@case("preview", "100,000 个不同的合并区域（每行 A:B 合并），审核并写批注工作簿")
def merges_100k(path):
    def rows():
        yield catalog_rows(3).encode()
        for r in range(10, 100_010):
            yield f'<row r="{r + 1}"><c r="A{r + 1}" t="inlineStr"><is><t>{r}</t></is></c></row>'.encode()
    def gen():
        yield f'<?xml version="1.0"?><worksheet {NS}><sheetData>'.encode()
        yield from rows()
        yield b'</sheetData><mergeCells count="100000">'
        for r in range(10, 100_010):
            yield f'<mergeCell ref="A{r + 1}:B{r + 1}"/>'.encode()
        yield b'</mergeCells></worksheet>'
    write_xlsx(path, [("Sheet1", gen)])


@case("preview", "目录里一格 5 MB 文字（截断到 32,767 字并在那一格给“错误”）")
def cell_5mb(path):
    rows = catalog_rows(3).replace("《社会救助暂行办法》", "《社会救助暂行办法》" + "条" * ((5 << 20) // 3), 1)
    write_xlsx(path, [("社会救助", sheet_xml(rows))])


# —— 今天已经没事的 ——

@case("refuse", "实体展开（billion laughs）")
def billion_laughs(path):
    ents = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    head = f"<!DOCTYPE worksheet [{ents}]>"
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row>'
    write_xlsx(path, [("Sheet1", sheet_xml(rows, head=head))])


@case("refuse", "外部实体（file:///etc/passwd）")
def external_entity(path):
    head = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    rows = catalog_rows(1).replace("县民政局", "&xxe;", 1)
    write_xlsx(path, [("Sheet1", sheet_xml(rows, head=head))])


@case("refuse", "1,048,576 行（每行一格）")
def rows_1m(path):
    write_xlsx(path, [("Sheet1", repeated(f'<?xml version="1.0"?><worksheet {NS}><sheetData>',
                                          '<row><c t="inlineStr"><is><t>1</t></is></c></row>', 1_048_576,
                                          '</sheetData></worksheet>'))], level=1)


@case("refuse", "2,000 张工作表")
def sheets_2000(path):
    xml = sheet_xml(catalog_rows(1))
    write_xlsx(path, [(f"表{i}", xml) for i in range(2000)])


@case("preview", "深层嵌套的 XML（一格里 100 万层 <r>）")
def deep_nesting(path):
    depth = 1_000_000
    rows = catalog_rows(1) + '<row r="10"><c r="A10" t="inlineStr"><is>' + "<r>" * depth + "<t>x</t>" + "</r>" * depth + "</is></c></row>"
    write_xlsx(path, [("Sheet1", sheet_xml(rows))])


@case("refuse", "截断的 zip（只有前一半）")
def truncated(path):
    write_xlsx(path, [("社会救助", sheet_xml(catalog_rows(50)))])
    data = open(path, "rb").read()
    open(path, "wb").write(data[: len(data) // 2])


@case("refuse", "不是工作簿（文字改了扩展名）")
def not_a_workbook(path):
    open(path, "w").write("这不是工作簿。\n" * 100)


@case("refuse", "表里有不合法的 UTF-8 字节")
def invalid_utf8(path):
    rows = catalog_rows(2).encode().replace("县民政局".encode(), b"\xff\xfe\xc3(", 1)
    write_xlsx(path, [("社会救助", sheet_xml("").encode().replace(b"<sheetData></sheetData>", b"<sheetData>" + rows + b"</sheetData>"))])


@case("preview", "公式与 <script> 文字（照文字读，不执行、不写成公式）")
def formula_script(path):
    rows = (catalog_rows(2)
            .replace("最低生活保障", esc('=CMD|" /C calc"!A0'), 1)
            .replace("县民政局", esc("<script>alert(1)</script><img src=x onerror=alert(2)>"), 1))
    write_xlsx(path, [("社会救助", sheet_xml(rows))])


def main():
    if len(sys.argv) != 2:
        print("用法：make_corpus.py OUTDIR", file=sys.stderr)
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    only = set(os.environ.get("HOSTILE_ONLY", "").split(",")) - {""}
    with open(os.path.join(out, "INDEX.tsv"), "w") as index:
        for name, expect, note, make in CASES:
            if only and name not in only:
                continue
            make(os.path.join(out, name + ".xlsx"))
            index.write(f"{name}.xlsx\t{expect}\t{note}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
