"""Finding rule-file terms: whole Latin words, longest first, exclusions, negated red lines."""

from __future__ import annotations

import pytest

from alignment.config import Industry, RedLine, TermGroup, load_rules
from alignment.scoring.lexicon import (
    denied,
    find_terms,
    industry_hits,
    industry_lists,
    not_the_projects,
    red_line_terms,
)


def test_latin_terms_stand_as_whole_words() -> None:
    terms = ("AR", "VR", "5G")
    assert find_terms("发展VR/AR和5G应用", terms) == [("VR", 2), ("AR", 5), ("5G", 8)]
    assert find_terms("CAR、ARM和5GHz都不算", terms) == []
    assert find_terms("15G不是词但5G是", terms) == [("5G", 1), ("5G", 7)]


def test_a_rejected_latin_match_does_not_hide_a_later_one() -> None:
    # "AR" inside "CAR" is refused; the search must go on to the "AR" after the slash.
    assert find_terms("CAR/AR", ("AR",)) == [("AR", 4)]


def test_longer_term_wins_where_two_start_together() -> None:
    found = find_terms("发展跨境电商和电商直播", ("电商", "跨境电商", "AR"))
    assert found == [("跨境电商", 2), ("电商", 7)]


def test_exclusions_hide_terms_inside_them() -> None:
    industry = Industry(
        id="it",
        name="信息科技",
        color="#1f77b4",
        defining_measures=(),
        related_measures=(),
        groups=(TermGroup(weight=2.0, any=("信息安全", "数据")),),
        exclude=("数据来源",),
    )
    hits = industry_hits("数据来源：统计局。建设信息安全和数据平台。", industry)
    assert [(h.term, h.start) for h in hits] == [("信息安全", 11), ("数据", 16)]


def test_red_line_negation_and_the_term_itself() -> None:
    rule = RedLine(
        id="eco",
        name="生态保护红线",
        basis=(),
        quote="",
        any=("生态保护红线",),
        requires=(),
        negations=("保护", "不占用"),
    )
    # "保护" inside the term is not a negation; "不占用" in the same clause is.
    assert [h.term for h in red_line_terms("项目用地涉及生态保护红线。", rule).crossing] == [
        "生态保护红线"
    ]
    assert red_line_terms("项目不占用生态保护红线。", rule).crossing == []


def test_red_line_pattern_overlapping_a_term_counts_once() -> None:
    rule = RedLine(
        id="coal",
        name="禁燃区内燃煤设施",
        basis=(),
        quote="",
        any=("燃煤锅炉",),
        requires=(),
        negations=(),
        patterns=("(新建|建设)[^，。；]{0,12}燃煤",),
    )
    hits = red_line_terms("建设熔炼炉及配套燃煤锅炉房。新建2台燃煤热风炉。", rule).crossing
    assert [h.term for h in hits] == ["燃煤锅炉", "新建2台燃煤"]


# Sentences as feasibility studies write them. A false conflict is the worst error an officer
# can get: the compliance statements of an energy or land section must not cross a red line.
_COMPLIANT = [
    "本项目不属于高耗能、高污染项目，符合国家产业政策。",
    "项目为非“两高”项目。",
    "项目用地为国有建设用地，不占用耕地和永久基本农田。",
    "项目选址远离生态保护红线，建设过程中严格落实环保措施。",
    "项目采用天然气锅炉，不新建燃煤锅炉。",
    "本项目不设燃煤锅炉，供暖采用市政热力。",
    "项目所在区域为高污染燃料禁燃区，采用电能供热。",
    "项目主要能源为电力和天然气，不使用煤炭等高污染燃料。",
    "经核查，项目用地不在生态保护红线范围内。",
    "项目建设严格执行耕地占补平衡制度，未占用基本农田。",
    "依据《郑州市高污染燃料禁燃区划定方案》，项目采用清洁能源。",
    "项目不存在炒房等投机行为。",
    "严格落实“房住不炒”要求，项目住房全部用于人才公寓租赁。",
    # Products of the 两高 industries used, sold or shown, not made here.
    "开展农药残留检测、食品安全检测服务。",
    "展厅陈列钧瓷、陶瓷等非遗作品。",
    "道路采用水泥混凝土路面。",
    "推广甲醇汽车等清洁能源车辆。",
    "项目所需水泥、砂石等建材年用量约2万吨。",
    "主体结构采用钢筋混凝土框架结构，基础采用水泥搅拌桩。",
    "园区内不建设化工、电镀等污染企业。",
    "中石化加油站改造为综合能源站。",
    "建设年产5000套文创陶瓷产品的设计中心。",
    # A department's plan governs the 两高 (an environment plan was judged a conflict).
    "对新建“两高”项目实行清单管理，坚决遏制“两高”项目盲目发展。",
    "严格控制高耗能、高排放项目准入。",
    "对辖区内电镀、印染企业开展环保排查。",
    # The 编制依据 of a feasibility study cites the rules by title (three were conflicts).
    "《高耗能行业重点领域能效标杆水平和基准水平（2021年版）》；",
    "《关于加强高耗能、高排放建设项目生态环境源头防控的指导意见》（环环评〔2021〕45号）",
    "根据《河南省“两高”项目管理目录》，本项目不在目录之内。",
    "本项目能源消费以电力为主，年综合能耗折标准煤约320吨，不属于高耗能项目。",
    # A service to such plants is not one (six of these were conflicts).
    "公司主要为焦化、钢铁企业提供节能改造和超低排放技术服务。",
    "研发电镀废水处理设备，服务全省电镀园区。",
    "开发面向冶炼行业的工业互联网平台，助力企业数字化转型。",
    "承接造纸厂、印染厂废水处理工程总承包。",
    "项目所在区域已完成燃煤散烧治理。",
    "金融机构加大对两高项目的信贷约束。",
    # Land and ecology in an investment estimate, a lawful conversion, enforcement.
    "其他费用包括土地出让金、耕地占用税及契税等。",
    "项目用地已纳入城市建设用地范围，原为耕地，已依法办理农转用手续。",
    "实施生态保护红线内违法建设清理整治。",
    # A form's questions answered 否 (all four were conflicts).
    "是否占用永久基本农田\n否\n是否涉及生态保护红线\n否\n",
    "是否位于生态保护红线范围内：否。",
    "是否属于“两高”项目：否",
    "是否新建燃煤锅炉：否",
    # Rental housing and the rules against selling it as an investment (session 4).
    "房源只租不售，严禁以售后包租、返租等方式变相销售。",
    "由区属国有企业统一租赁闲置楼宇，改建为保障性租赁住房。",
    "坚决遏制投资客炒作房价。",
    # Outside the line, and a farmland area's management (session 4: the first was a conflict).
    "项目位于生态保护红线外约2公里。",
    "项目距离生态保护红线约500米。",
    "加强基本农田保护区建设管理。",
    # Cement products are not cement (session 4: a conflict).
    "公司生产经营水泥制品和商品混凝土。",
    "年产水泥预制构件5万立方米。",
    # What stands there now and is removed, a reduction, trading (session 5: all conflicts).
    "片区现有供热主要依靠3台燃煤锅炉，设备老化，须于2026年供暖季前全部拆除。",
    "项目实施后每年可减少燃煤消耗约4.5万吨。",
    "公司主要从事煤炭、焦炭、钢材等大宗商品贸易和供应链管理服务。",
    "依托数字化交易平台整合上游煤矿、铁路物流和下游电厂资源。",
    "项目利用原郑州第二印染厂闲置厂房改造建设文创产业园。",
    "开展“大棚房”问题专项清理整治。",
    "企业原为焦化厂，现已转型为新材料研发企业。",
    "该地块原为印染厂，已完成土壤修复。",
    "对生态保护红线内受损区域开展生态修复。",
]
_CROSSING = [
    ("项目拟新建2台20蒸吨燃煤锅炉。", "coal_boiler"),
    ("项目将不断扩大焦化产能，年产焦炭100万吨。", "high_energy_pollution"),
    ("项目拟占用基本农田120亩建设厂房。", "basic_farmland"),
    ("项目位于生态保护红线范围内，拟建设度假酒店。", "ecological_red_line"),
    ("建设电镀生产线3条。", "high_energy_pollution"),
    ("项目配套建设燃煤锅炉房一座。", "coal_boiler"),
    ("项目建设内容包括年产50万吨水泥熟料生产线。", "high_energy_pollution"),
    ("项目需占用永久基本农田80亩，已列入建设用地计划。", "basic_farmland"),
    ("不仅建设冶炼车间，还将配套建设燃煤锅炉。", "high_energy_pollution"),
    ("项目年产焦炭不少于60万吨。", "high_energy_pollution"),
    ("项目利用生态保护红线内土地建设光伏电站。", "ecological_red_line"),
    ("通过捂盘惜售获取更高收益。", "speculative_housing"),
    ("拟在厂区安装2台燃煤导热油炉。", "coal_boiler"),
    ("项目投产后将使用高污染燃料。", "coal_boiler"),
    # The national 两高 list, product by product (session 3: 12 of these 16 were missed).
    ("项目建设年产100万吨水泥粉磨站。", "high_energy_pollution"),
    ("新建年产30万吨电石生产装置及配套石灰窑。", "high_energy_pollution"),
    ("建设年产20万吨烧碱、15万吨聚氯乙烯项目。", "high_energy_pollution"),
    ("项目主要生产建筑陶瓷墙地砖，设计产能1500万平方米。", "high_energy_pollution"),
    ("建设年产5万吨多晶硅生产线。", "high_energy_pollution"),
    ("建设铅蓄电池生产线，年产能200万千伏安时。", "high_energy_pollution"),
    ("建设年产10万吨化学制浆及造纸生产线。", "high_energy_pollution"),
    ("项目为燃煤热电联产项目，装机2×35万千瓦。", "high_energy_pollution"),
    ("建设年产3万吨农药原药生产装置。", "high_energy_pollution"),
    ("项目为石油化工项目，年加工原油500万吨。", "high_energy_pollution"),
    ("建设年产12万吨合成氨、20万吨尿素装置。", "high_energy_pollution"),
    ("建设年产1.2亿标块页岩砖隧道窑生产线。", "high_energy_pollution"),
    # Serving others does not excuse the plant itself, in its own clause.
    ("项目建设焦化生产线，服务周边钢铁企业。", "high_energy_pollution"),
    # ... and answered 是.
    ("是否新建燃煤锅炉：是，2台10蒸吨。", "coal_boiler"),
    ("是否占用永久基本农田 | 是 |", "basic_farmland"),
    # Housing sold as an investment product (session 4: a 售后包租 apartment crossed nothing).
    ("推出售后包租方案，开发商承诺前5年每年返租收益8%。", "speculative_housing"),
    ("5年后可原价回购，面向全国投资客销售。", "speculative_housing"),
    # Inside the line or the farmland area (session 4: both crossed nothing).
    ("项目在基本农田保护区内建设养殖场。", "basic_farmland"),
    ("在生态保护红线内新建旅游设施。", "ecological_red_line"),
    ("项目建设年产5万吨电解锰生产线。", "high_energy_pollution"),  # session 4: missed
    # An existing plant that stays, and a plant whose products are sold (session 5).
    ("项目现有2台燃煤锅炉，继续用于冬季供暖。", "coal_boiler"),
    ("项目建设焦化生产线，产品销往周边钢铁企业。", "high_energy_pollution"),
    ("项目拟在耕地上建设大棚房30栋和休闲度假木屋。", "basic_farmland"),
    # Removing one does not excuse building another.
    ("项目将淘汰落后的燃煤锅炉，新建2台燃煤锅炉。", "coal_boiler"),
]


def _crossed(text: str) -> set[str]:
    rules = load_rules()
    return {rule.id for rule in rules.red_lines if red_line_terms(text, rule).crossing}


@pytest.mark.parametrize("text", _COMPLIANT)
def test_compliance_statements_cross_no_red_line(text: str) -> None:
    assert _crossed(text) == set()


@pytest.mark.parametrize(("text", "rule_id"), _CROSSING)
def test_projects_that_do_what_the_plan_forbids_cross_it(text: str, rule_id: str) -> None:
    assert rule_id in _crossed(text)


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("培育未来产业新动能。", "产业"),
        ("开展不良资产处置和不动产登记服务。", "资产处置"),
        ("建设无障碍设施和无人机测试场。", "设施"),
        ("支持非公有制经济和非营利性养老机构发展。", "养老机构"),
        ("不断做大做强信息科技产业。", "信息科技"),
    ],
)
def test_words_that_only_start_like_a_negation_deny_nothing(sentence: str, term: str) -> None:
    assert not denied(sentence, term)


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("项目不占用耕地和永久基本农田。", "永久基本农田"),
        ("项目不涉及金融、类金融业务。", "金融"),
        ("项目无生产废水排放。", "废水"),
        ("项目未使用燃煤锅炉。", "燃煤锅炉"),
    ],
)
def test_negated_words_are_denied(sentence: str, term: str) -> None:
    assert denied(sentence, term)


@pytest.mark.parametrize(
    ("text", "term", "negated"),
    [
        ("项目不涉及金融、类金融业务。", "金融", True),
        ("是否涉及金融业务：否", "金融", True),  # a form's question answered 否
        ("是否涉及金融业务：是", "金融", False),
        ("项目开展金融业务。", "金融", False),
    ],
)
def test_an_industry_term_denied_in_its_clause(text: str, term: str, negated: bool) -> None:
    start = text.find(term)
    assert not_the_projects(text, start, start + len(term)) is negated


@pytest.mark.parametrize(
    ("text", "term", "client"),
    [
        # session 4: a cold store serving supermarkets and restaurants was a 商贸服务 project
        ("项目主要为郑州市区商超、餐饮企业提供冷冻肉类的仓储和配送服务。", "商超", True),
        ("面向金融机构的数据安全服务平台。", "金融", True),
        ("服务于跨境电商企业，提供通关和结算服务。", "跨境电商", False),  # another clause
        ("为入驻企业提供金融服务。", "金融", False),  # what is provided
        ("为企业提供跨境电商代运营服务。", "跨境电商", False),
        ("金水区成为跨境电商集聚区，提供就业岗位。", "跨境电商", False),  # 成为 is no opener
        ("项目建设餐饮街区，为市民提供消费场所。", "餐饮", False),
    ],
)
def test_a_projects_clients_are_not_its_industry(text: str, term: str, client: bool) -> None:
    start = text.find(term)
    assert not_the_projects(text, start, start + len(term)) is client


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("围绕信息科技、现代金融等主导产业发展需求。", True),
        ("聚焦数字经济、文化创意两大产业。", True),
        ("发展信息科技产业。", False),
        ("引进信息科技、现代金融等企业入驻。", False),  # tenants, not a list of industries
        ("打造集文化创意、商贸服务于一体的街区，形成产业集群。", False),
    ],
)
def test_a_list_of_industries_ends_at_its_deng(text: str, listed: bool) -> None:
    # The term at offset 2 ("信息科技", "数字经济", "文化创意") stands in a list, or not.
    assert any(start <= 2 < end for start, end in industry_lists(text)) is listed


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        ("某焦化企业完成整体关停搬迁。", True),
        ("项目拆除原有3台燃煤锅炉，新建燃气锅炉房。", True),
        ("片区现有供热依靠燃煤锅炉，须于供暖季前全部拆除。", True),
        ("本项目不涉及焦化、电镀等行业。", False),  # a denial removes nothing
        ("项目不新建燃煤锅炉。", False),
        ("为焦化企业提供节能改造服务。", False),  # a service, not a removal
        ("退出生态保护红线内的养殖场。", True),  # session 5: a conflict
    ],
)
def test_a_red_lines_terms_removed(text: str, removed: bool) -> None:
    found = [red_line_terms(text, rule) for rule in load_rules().red_lines]
    assert any(terms.removed for terms in found) is removed
    assert not any(terms.crossing for terms in found)
