from __future__ import annotations

import pytest

from alignment.documents.text import chinese_numeral, normalise, split_sentences


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“ 十三五 ” 发展成就", "“十三五”发展成就"),
        ("达到 1807 亿元", "达到1807亿元"),
        ("到 2025 年", "到2025年"),
        ("二 〇 三五年远景目标", "二〇三五年远景目标"),
        ("编制,是金水", "编制，是金水"),
        ("0.1 : 9.9 : 90", "0.1:9.9:90"),
        ("共 1,000 人", "共1,000人"),
        ("培育未来产业新动能( X )", "培育未来产业新动能（X）"),
        ("创新智城 · 品质金水", "创新智城·品质金水"),
        ("PlanAlign version 1", "PlanAlign version 1"),
        # Full-width letters, digits and ％ as the rule file and target patterns write them.
        ("建设５Ｇ基站３０００个，比例达到４２％", "建设5G基站3000个，比例达到42%"),
        ("引进ＡＩ和ｌｏＴ企业", "引进AI和loT企业"),
    ],
)
def test_normalise_removes_spacing_without_changing_words(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_split_sentences_keeps_offsets() -> None:
    text = "做大做强信息科技产业。信息科技产业是重要方向；力争突破！"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "做大做强信息科技产业。",
        "信息科技产业是重要方向；",
        "力争突破！",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十", 10), ("十四", 14), ("二十一", 21), ("7", 7)]
)
def test_chinese_numeral(text: str, value: int) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("首页 > 新闻中心 > 区县动态", True),
        ("当前位置：首页>政务公开", True),
        ("发布时间：2023-05-12 10:32 来源：金水区人民政府 浏览次数：1286", True),
        ("【字体：大 中 小】", True),
        ("打印本页 关闭窗口", True),
        ("上一篇：金水区召开安全生产工作会议", True),
        # The site's name above the article and its footer (session 5: the name was the title).
        ("金水区人民政府门户网站", True),
        ("来源：金水区商务局", True),
        ("版权所有：郑州市金水区人民政府  豫ICP备12345678号", True),
        ("相关链接：河南省人民政府 | 郑州市人民政府", True),
        ("中原某融资租赁公司总部落户金水区", False),
        ("建设金水区政务服务门户网站二期工程。", False),
        ("项目将发挥首页展示和数据分析功能，提升服务效率。", False),
    ],
)
def test_web_page_furniture(line: str, furniture: bool) -> None:
    from alignment.documents.text import is_web_furniture

    assert is_web_furniture(line) is furniture


def test_an_article_copied_with_its_breadcrumb_keeps_its_title() -> None:
    from alignment.documents.model import Document, Paragraph

    lines = (
        "首页 > 新闻中心 > 区县动态",
        "发布时间：2023-05-12 来源：金水区人民政府",
        "某公司总部落户金水区",
    )
    document = Document("t.txt", tuple(Paragraph(n, t) for n, t in enumerate(lines, 1)))
    assert document.title == "某公司总部落户金水区"


@pytest.mark.parametrize(
    ("line", "metadata"),
    [
        ("• 12345678X/2021-00063", True),  # a government site's index number
        ("•生态环境", True),
        ("• 2021-12-29", True),
        ("2024-01-08 14:33", True),
        ("记者王某某", True),
        ("通讯员张某李某", True),
        ("【来源：某某晚报】", True),
        ("某自然资预〔2020〕61号", True),
        ("索引号：000014349/2021-00012", True),
        ("主送：各区县人民政府", True),
        ("关于某某中学新校区项目的公示", False),
        ("记者从项目部了解到，该项目一期工程将于年内完工。", False),
        ("到2025年，高新技术企业达到1000家。", False),
    ],
)
def test_lines_that_file_or_sign_a_text(line: str, metadata: bool) -> None:
    from alignment.documents.text import is_metadata

    assert is_metadata(line) is metadata


def test_a_notice_page_keeps_its_title_below_its_filing_lines() -> None:
    from alignment.documents.model import Document, Paragraph

    lines = (
        "• 12345678X/2021-00063",
        "•某市生态环境局某分局",
        "• 2021-12-29",
        "各有关单位：",
        "关于拟对某中学新校区项目环评文件作出审批意见的公示",
        "经审议，我局拟对以下建设项目环境影响评价文件作出审批意见。",
    )
    document = Document("t.txt", tuple(Paragraph(n, t) for n, t in enumerate(lines, 1)))
    assert document.title == "关于拟对某中学新校区项目环评文件作出审批意见的公示"
