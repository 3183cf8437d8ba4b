"""Where a project is: the first sentence with a location cue decides."""

from __future__ import annotations

import pytest

from alignment.config import load_rules_or_default
from alignment.scoring.location import locate


def _rule():  # the shipped rule file's location section (金水区, its parents and neighbours)
    rules, _ = load_rules_or_default(None)
    return rules.location


def test_the_first_cue_sentence_decides_with_its_whole_sentence() -> None:
    text = "本项目由金水区招商引进\n项目选址位于洛阳市，地处伊河畔。项目位于金水区的总部另行建设。"
    found = locate(text, _rule())
    assert (found.status, found.place) == ("outside", "洛阳市")
    assert found.sentence == "项目选址位于洛阳市"


def test_home_district_inside_and_no_cue_at_all() -> None:
    assert locate("项目位于郑州市金水区花园路。", _rule()).status == "inside"
    assert locate("项目建设内容包括研发楼。", _rule()).status == "unknown"
    # No cue, but the district named: inside without a deciding sentence.
    found = locate("金水区数字经济项目。", _rule())
    assert (found.status, found.sentence) == ("inside", "")


def test_a_cue_in_the_last_sentence_without_a_full_stop() -> None:
    found = locate("总投资5亿元。项目落户上海市浦东新区", _rule())
    assert (found.status, found.sentence) == ("outside", "项目落户上海市浦东新区")


@pytest.mark.parametrize(
    ("text", "status", "place"),
    [
        # Where the investor is does not place the project.
        ("某科技集团总部位于深圳市，是网络安全企业。本项目选址郑州市金水区。", "inside", "金水区"),
        (
            "该公司成立于2010年，注册地位于北京市海淀区。拟在金水区设立区域总部。",
            "inside",
            "金水区",
        ),
        ("建设单位：郑州某公司，地址：郑州市郑东新区。建设地点：金水区", "inside", "金水区"),
        (
            "建设单位：北京某公司\n单位地址：北京市朝阳区\n建设地点：郑州市金水区",
            "inside",
            "金水区",
        ),
        # The clause with the cue decides, not a mention of the district elsewhere in the sentence.
        ("项目由金水区招商引进，建设地点为中牟县。", "outside", "中牟县"),
        ("项目落户金水区，与位于洛阳市的生产基地协同发展。", "inside", "金水区"),
        ("本项目由某集团投资建设，位于深圳市南山区。", "outside", "深圳市"),
        ("项目公司注册地位于洛阳市，项目选址洛阳市伊滨区。", "outside", "洛阳市"),
    ],
)
def test_the_project_not_its_investor_is_located(text: str, status: str, place: str) -> None:
    found = locate(text, _rule())
    assert (found.status, found.place) == (status, place)


# Location sentences as other people write them (session 3: the five marked were wrong).
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("项目由郑州高新区某企业投资，建设地点位于金水区国基路。", "inside"),
        ("公司注册于北京市海淀区，本项目在金水区实施。", "inside"),
        ("本项目位于郑州市金水区，分厂设在新乡市。", "inside"),
        ("项目选址于郑州航空港经济综合实验区。", "outside"),
        ("项目位于郑州高新技术产业开发区科学大道。", "outside"),
        ("项目建设地点：郑州经开区第九大街。", "outside"),
        ("项目建设地址：河南省郑州市中牟县官渡镇", "outside"),
        ("项目位于郑州市北部，交通便利。", "unknown"),
        ("项目拟在金水区建设，总投资5亿元。", "inside"),
        ("本项目在郑东新区实施。", "outside"),  # was unknown
        ("项目所在地为郑州市二七区。", "outside"),  # was unknown
        ("该项目在郑州市中原区建设。", "outside"),  # was unknown
        ("项目在杭州市余杭区落地。", "outside"),  # was unknown
        ("金水区某科技公司投资的项目选址开封市。", "outside"),  # was inside
        ("项目实施地点：郑州市金水区丰产路街道。", "inside"),
        # "项目在…" places the project only with a verb of building or carrying out.
        ("项目在上海已有成功运营经验。本项目位于金水区。", "inside"),
        ("本项目在郑州市具有良好的市场前景。", "unknown"),
        # A road or river named after the district is not the district (all three were inside).
        ("项目位于郑东新区金水东路与农业东路交叉口。", "outside"),
        ("项目选址二七区金水河沿岸。", "outside"),
        ("项目位于郑州市金水路与未来路交叉口东北角。", "unknown"),
        ("项目位于金水区金水路。", "inside"),
        # Words that start with 国/省/市 are not place names (等一批国家级平台 was "等一批国").
        ("中心等一批国家级平台落户园区。", "unknown"),
        ("项目落户省级开发区，服务国内市场。", "unknown"),
        # A company that "拟在X投资建设" builds there, whoever it is (session 4: was unknown).
        ("郑州某公司拟在新郑市投资建设智能制造基地。", "outside"),
        ("某集团计划在金水区投资建设区域总部。", "inside"),
        ("某公司将在上海设立研发中心。", "unknown"),
        # Zhengzhou's roads carry Henan's cities' names (session 5: 南阳路街道 was in 南阳).
        ("项目位于南阳路与黄河路交叉口。", "unknown"),
        ("项目位于开封路与商丘路交叉口东南角。", "unknown"),
        ("金水区南阳路街道社区卫生服务中心新址正式投用。", "inside"),
        ("项目选址南阳市卧龙区。", "outside"),
    ],
)
def test_location_sentences_as_written(text: str, status: str) -> None:
    assert locate(text, _rule()).status == status


def _words(text: str):
    from alignment.scoring.segmentation import make_segmenter

    segmenter = make_segmenter()
    return lambda: segmenter.words(text)


@pytest.mark.parametrize(
    ("text", "status", "place"),
    [
        # A news item about another district, without a location sentence: it keeps naming it.
        (
            "记者昨日从金湾区政府获悉，起步区建设进展顺利。金湾区正在打造高端商务聚集区，"
            "金湾区的公共文化中心即将完工。",
            "outside",
            "金湾区",
        ),
        ("宁埔大道与黄埔区连接市政道路工程开工，终点连接黄埔区云埔一路。", "outside", "黄埔区"),
        # Named once (a proposal citing another city's experience): not enough to decide.
        ("借鉴上海经验，建设数字经济产业园。", "unknown", ""),
        # Kinds of area, however often, are not places.
        ("示范区建设提速，示范区企业增多，起步区、起步区道路完工。", "unknown", ""),
        # The home district named anywhere wins.
        ("金水区与黄埔区签约，黄埔区企业来访，黄埔区代表团参观。", "inside", "金水区"),
    ],
)
def test_without_a_location_sentence_the_place_named_again_and_again(
    text: str, status: str, place: str
) -> None:
    found = locate(text, _rule(), words=_words(text))
    assert (found.status, found.place) == (status, place)
    assert (found.mentions >= 2) == (status == "outside")


def test_a_label_and_its_cell_on_the_next_line() -> None:
    # A .docx table reads as "建设地点\n郑州市郑东新区…": the place was not found.
    found = locate(
        "项目名称\n某人工智能区域总部项目\n建设地点\n郑州市郑东新区龙子湖智慧岛\n", _rule()
    )
    assert (found.status, found.place) == ("outside", "郑东新区")
    assert found.sentence == "建设地点：郑州市郑东新区龙子湖智慧岛"


def test_a_title_naming_a_road_after_a_city_is_not_that_city() -> None:
    # The title "南阳路街道社区卫生服务中心新址投用" made a Jinshui clinic a 南阳 project (score 0).
    title = "南阳路街道社区卫生服务中心新址投用"
    text = f"{title}\n日前，金水区南阳路街道社区卫生服务中心新址正式投用。"
    assert locate(text, _rule(), title=title).status == "inside"
    assert locate(
        "南阳市某项目简介\n项目总投资5亿元。", _rule(), title="南阳市某项目简介"
    ).status == ("outside")


@pytest.mark.parametrize(
    ("text", "status", "place"),
    [
        # A county named without 县/市, as the start of its project's name, again and again.
        ("西峡城市更新产业园开工。西峡城市更新产业园总投资10亿元。", "outside", "西峡"),
        # The same words not at the start of a facility's name: no place.
        ("西峡、西峡两地调研。", "unknown", ""),
        # A short name that is a common word in jieba's dictionary is read as the word.
        ("资源循环利用产业园开工。资源循环利用产业园总投资10亿元。", "unknown", ""),
        ("新兴产业园建设提速，新兴产业园企业增多。", "unknown", ""),
        # A road named after a county is not that county.
        ("中牟路改造工程开工。中牟路改造工程完工。", "unknown", ""),
    ],
)
def test_a_county_short_name_that_begins_a_project_name(text: str, status: str, place: str) -> None:
    found = locate(text, _rule(), words=_words(text))
    assert (found.status, found.place) == (status, place)


@pytest.mark.parametrize(
    ("text", "status", "place"),
    [
        # A ceremony is held on the project's site, whoever breaks ground.
        ("5月8日，某某集团智能装备工厂在中牟县官渡镇奠基，总投资10亿元。", "outside", "中牟县"),
        ("该文旅项目在金水区北龙湖片区启动，计划明年开园。", "inside", "金水区"),
        # An approving office's mailing address is not the site; the table's site column is.
        (
            "通讯地址：郑州市金水区某某路2号\n"
            "项目名称|建设地点|建设单位|\n"
            "某建材公司砂浆生产线项目|郑州市管城区某某乡|某建材公司|",
            "outside",
            "管城区",
        ),
    ],
)
def test_the_site_is_where_the_project_is_not_who_writes(
    text: str, status: str, place: str
) -> None:
    found = locate(text, _rule())
    assert (found.status, found.place) == (status, place)
