"""The words every surface shares: the report, the window and the command line say the
conclusion, the opinion, its reasons and how the method works with these functions, and the
method's numbers come from the constants the analysis uses, so a changed threshold changes every
text at once."""

from __future__ import annotations

from collections.abc import Iterable

from alignment.config import Rules
from alignment.config.verdict_model import PART_NAMES
from alignment.review import Addition, Decision, conflict_key, gap_key, match_key
from alignment.scoring.context import MIN_SHARED_TERMS
from alignment.scoring.measure_rank import LEAD_SHARE, POOL, STANDOUT
from alignment.scoring.result import AlignmentResult, Gap, Match

_COUNTS = dict(enumerate("零一两三四五六七八九十"))
_COUNTS_EN = dict(
    enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
)


def cn_count(number: float) -> str:
    """A small count as Chinese writes it before a measure word: 两个, 五句 (else the figure)."""
    return _COUNTS.get(int(number), f"{number:g}") if float(number).is_integer() else f"{number:g}"


def en_count(number: float) -> str:
    return (
        _COUNTS_EN.get(int(number), f"{number:g}") if float(number).is_integer() else f"{number:g}"
    )


def method_text(result: AlignmentResult, rules: Rules) -> list[str]:
    """The report appendix's paragraphs, with this result's own figures (as the tables show them)."""
    t = result.thresholds
    return [
        "一、比较方法。文档逐句与参考规划各项措施的句子比较（TF-IDF 余弦相似度，分词使用包含规划"
        f"术语的用户词典并去除公文套话）。相似度达到{t.get('match_threshold', 0):g}且至少有"
        f"{cn_count(MIN_SHARED_TERMS)}个共有关键词的句子，是支撑该措施的证据；含主导产业术语的句子支撑"
        "该产业的关键措施（相似度栏写“关键词”）。措施的先后按 BM25 排序：每项措施的全文作为一篇文档，"
        f"文档各句的得分减去该句对全部措施的平均分后，取最高的{cn_count(POOL)}句相加；高出全部措施平均"
        f"水平{STANDOUT:g}个标准差的措施一并列出。"
        f"高出平均水平的幅度达到最强措施{LEAD_SHARE:g}倍的，为文档首先服务的“主要”措施，其余为相关措施；规划的"
        "指导思想、目标和保障章节排在行动措施之后，不作为主要措施；触及红线的文档不列主要措施。"
        + (direct_fit_text(rules) if result.mode == "proposal" else ""),
        "二、重点产业。依据规则文件中的产业关键词，统计各重点产业术语的出现情况及涉及句子比例；"
        f"得分达到{t.get('industry_threshold', 30):g}分的最高者为主导产业。公共服务类内容借用的手段性"
        "术语、仅顺带提及一次的产业不作为主导产业。",
        _score_text(result, rules),
        f"四、结论。得分不低于{t.get('strong', 60):g}分为“高度契合”，不低于{t.get('partial', 35):g}分为"
        "“部分契合”，其余为“契合度低”；触及规划红线的，无论得分均为“与规划冲突”。"
        "审查人员不采纳的对照、差距和冲突不列入报告；审查结论与计算结论不同的，二者并列说明。",
        f"五、局限。相似度只反映用词的接近程度，不能替代对{SUBJECT.get(result.mode, '项目')}"
        "实质内容的判断；文档越短，结论越不稳定。本报告用于辅助审查，不代替审查人员的判断。"
        f"规则文件：{rules.source or '内置规则'}。",
    ]


def _score_text(result: AlignmentResult, rules: Rules) -> str:
    """The score's formula, how its weights were fitted, and this document's own parts."""
    model = rules.verdict_model
    c = result.components
    parts = "，".join(
        f"{PART_NAMES[name]}{_part_value(name, c)}（{points:+.1f}分）".replace("-", "−")
        for name, points in model.contributions(c).items()
        if name != "other_plan" or points
    )
    total = result.fitted_score
    if result.override == "direct_fit":
        outcome = f"合计{total:g}分；项目直接服务公共服务类措施，得分计为{result.score:g}分"
    elif result.override == "outside_priorities":
        outcome = f"合计{total:g}分；项目主题在重点产业以外，得分计为{result.score:g}分"
    elif result.override == "below_plan":
        outcome = f"合计{total:g}分；有目标低于总体规划，得分计为{result.score:g}分"
    else:
        outcome = f"得分{result.score:g}分"
    return (
        f"三、得分构成。得分 = {model.formula()}，限于0–100分。各项权重由有序逻辑回归在审查人员已标注的"
        f"真实文档上拟合（{model.fit_summary()}）。本文档：{parts}，{outcome}。"
    )


def _part_value(name: str, components: dict[str, float]) -> str:
    value = components.get(name, 0.0)
    if name == "plan_share":
        return f"{value:.0%}"
    if name == "match_strength":
        return f"{value:.2f}"
    if name == "other_plan":
        return ""
    return f"{value:g}"


def recommendation(mode: str, verdict: str) -> str:
    """建议支持 / 建议修改完善后再报 / 不予支持, in the words that fit the kind of document."""
    return RECOMMENDATIONS.get(mode, RECOMMENDATIONS["proposal"])[verdict]


def reasons(result: AlignmentResult) -> list[str]:
    """The findings behind the recommendation, one sentence each, pointing to their section."""
    subject = SUBJECT.get(result.mode, "项目")
    items = []
    if result.primary_industry:
        industry = next(i for i in result.industries if i.name == result.primary_industry)
        items.append(
            f"{subject}属于本区五大重点产业中的{result.primary_industry}产业（产业得分{industry.score:g}分）。"
        )
    elif result.mode == "proposal":
        items.append("项目不属于本区五大重点产业。")
    leads = result.leads
    outside = result.override == "outside_priorities"
    if result.matches and (outside or not leads):
        named = "、".join(f"{m.measure_id}“{m.measure_title}”" for m in result.matches[:3])
        why = "主题在本区重点产业和公共服务以外" if outside else "触及规划红线"
        items.append(f"{subject}文本与规划措施{named}相近，但{why}，不视为服务这些措施。")
    elif result.matches:
        named = "、".join(f"{m.measure_id}“{m.measure_title}”" for m in leads[:3])
        more = f"等{len(leads)}项" if len(leads) > 3 else ""
        related = len(result.matches) - len(leads)
        also = f"，另与{related}项措施相关" if related else ""
        items.append(f"{subject}主要服务规划措施{named}{more}{also}。")
    else:
        items.append("未发现与规划措施的明显对应。")
    location = result.location
    if location.status == "inside":
        items.append(f"{subject}位于本区。")
    elif location.status in ("outside", "upper"):
        items.append(f"{subject}所在地为{location.place or '本区以外'}（{location.label}）。")
    weaker = result.targets_below
    if weaker:
        names = "、".join(t.indicator for t in weaker[:5])
        items.append(f"有{len(weaker)}项量化目标低于总体规划：{names}。")
    if result.gaps:
        names = "、".join(g.measure_title for g in result.gaps[:4])
        more = "等" if len(result.gaps) > 4 else ""
        items.append(f"尚有{len(result.gaps)}项差距需补充完善：{names}{more}。")
    if result.conflicts:
        names = "、".join(c.name for c in result.conflicts)
        items.append(f"涉及{names}，与规划明确限制的方向相冲突。")
    return items


def plain_conclusion(result: AlignmentResult) -> str:
    """One paragraph in plain language that a reviewer can edit."""
    if result.verdict == "conflict":
        names = "、".join(c.name for c in result.conflicts)
        return (
            f"文档内容涉及{names}，与规划明确限制的方向相冲突，建议不予支持或要求调整后重新审查。"
        )
    measures = "；".join(f"“{m.measure_title}”" for m in result.leads[:3])
    if result.override == "outside_priorities":
        served = "文档主题在本区重点产业和公共服务以外。"
    elif measures:
        served = f"文档主要对应规划措施{measures}。"
    else:
        served = "文档未与规划措施形成明显对应。"
    subplan = result.mode != "proposal"
    if result.primary_industry:
        subject = "该规划聚焦" if subplan else "项目属于"
        industry = f"{subject}五大重点产业中的{result.primary_industry}产业。"
    else:
        industry = "" if subplan else "项目不属于五大重点产业。"
    return served + industry + ADVICE.get(result.mode, ADVICE["proposal"])[result.verdict]


def location_cell(result: AlignmentResult) -> str:
    location = result.location
    if location.evidence:
        return f"{location.label}（依据：{location.reason}“{location.evidence[:60]}”）"
    return location.label


# A project is supported or not; a department's plan is revised to align with the master plan.
ADVICE = {
    "proposal": {
        "strong": "总体上与规划高度契合，建议优先支持，并关注下列差距。",
        "partial": "与规划部分契合，建议项目单位针对下列差距补充完善。",
        "weak": "与规划契合度低，建议审慎对待。",
    },
    "subplan": {
        "strong": "总体上与总体规划高度衔接，建议关注下列差距和目标对照。",
        "partial": "与总体规划部分衔接，建议编制单位对照下列差距和目标修改完善。",
        "weak": "与总体规划衔接度低，建议编制单位对照总体规划重新梳理目标和任务。",
    },
    # Another level's or place's plan is not this district's to revise or support: it is read
    # for what it shares with the master plan.
    "plan": {
        "strong": "其主题与本规划高度一致，可作为落实相关规划措施的参考和衔接依据。",
        "partial": "其主题与本规划部分一致，可在相关规划措施上参考衔接。",
        "weak": "其主题与本规划关联较少。",
    },
}

# "经审查，《…》与《…》{relation}。" — of the reviewed verdict.
RELATION = {
    "strong": "高度契合",
    "partial": "部分契合",
    "weak": "契合度低",
    "conflict": "存在冲突",
}
RECOMMENDATIONS = {
    "proposal": {
        "strong": "建议支持",
        "partial": "建议修改完善后再报",
        "weak": "不予支持",
        "conflict": "不予支持",
    },
    "subplan": {
        "strong": "建议按程序报批",
        "partial": "建议修改完善后再报",
        "weak": "建议对照总体规划修改完善后再报",
        "conflict": "不予通过，建议调整与规划冲突的内容后重新报审",
    },
    "plan": {
        "strong": "建议作为落实相关规划措施的衔接依据",
        "partial": "建议在相关规划措施上参考衔接",
        "weak": "仅作一般参考",
        "conflict": "建议注意其中与本区规划相冲突的内容",
    },
}


# Said of a proposal only: a plan is not a project that serves a measure directly.
def direct_fit_text(rules: Rules) -> str:
    services = "、".join(s.name for s in rules.service_subjects) or "公共服务"
    return (
        f"项目的主题（项目名称、通知事由或标题）为{services}等公共服务的，首先服务规则文件为该服务所列的"
        "规划措施（取文档在其中排序最前者），评为高度契合；触及红线的除外。"
    )


def direct_fit_text_en(rules: Rules) -> str:
    services = ", ".join(s.name for s in rules.service_subjects) or "public services"
    return (
        "A project whose subject (its project name, a notice's subject line or its title) names a "
        f"public service ({services}) serves first the plan measure the rule file lists for that "
        "service (the one its text stands highest at) and is strong, unless it crosses a red line."
    )


# One sentence per kind of gap, said once before its items.
GAP_INTROS = {
    "industry": "下列{industry}产业的规划措施，文档中没有明确对应的内容，建议说明{subject}如何落实或支撑：",
    "cross_cutting": "文档未涉及下列规划关注的方面，建议补充：",
    "manual": "审查人员补充的差距：",
}


# What the document is, in the report's own words.
SUBJECT = {"proposal": "项目", "subplan": "规划", "plan": "文件"}

TITLES = {
    "proposal": "项目与规划契合度审查报告",
    "subplan": "子规划与总体规划一致性审查报告",
    "plan": "规划政策文件与本区规划契合度审查报告",
}


# The 说明 tab: how the verdict is reached, for any document (the report's appendix adds the
# document's own figures).
_METHOD_HTML = """<h3>PlanAlign 如何得出结论</h3>
<p>文档逐句与参考规划各项措施的句子比较（TF-IDF 余弦相似度；分词使用包含规划术语的用户词典，并去除公文套话）。
相似度达到阈值且至少有{shared_cn}个共有关键词时，该句被视为支撑该措施的证据；含主导产业术语的句子支撑该产业的关键措施，关停、淘汰、拆除红线所限事项的句子支撑该红线所依据的措施（置信度“关键词”）。
措施的先后按 BM25 排序（每项措施全文为一篇文档，各句得分减去该句的平均分后取最高{pool_cn}句相加），高出全部措施平均水平 {standout:g} 个标准差的措施一并列出。高出平均水平的幅度达到最强措施 {lead:g} 倍的，为文档首先服务的“主要”措施，其余为相关措施；规划的指导思想、目标和保障章节排在行动措施之后，不作为主要措施；触及红线的文档不列主要措施。</p>
<p><b>得分</b> = {formula}，限于 0–100；产业得分只计主导产业，被压下的产业（公共服务借用的手段、仅顺带提及一次、子规划的附带任务）不计。各项权重不是人为设定的：以有序逻辑回归在审查人员已标注的真实文档上拟合（{fit}），随程序作为数据提供（resources/verdict_model.toml）。</p>
<p><b>结论</b>：得分 ≥ {strong:g} 为“高度契合”，≥ {partial:g} 为“部分契合”，其余为“契合度低”；
触及规划红线（高耗能高污染、占用永久基本农田、生态保护红线、房地产投机、禁燃区燃煤设施）的，无论得分均为“与规划冲突”。
{direct}
区位（区内、区外、上级、未写明）是单独的结论，与得分并列显示，不压低得分。</p>
<p><b>主导产业</b>：五大重点产业中得分最高且不低于 {industry:g} 分者；否则为“不属于五大重点产业”。公共服务项目（标题含医院、学校等）借用的手段性术语，在三句以上的文档中仅一句出现一个术语的产业，以及子规划中不足三分之一句子涉及的产业，不作为主导产业；“信息科技、现代金融等主导产业”式的列举不计入任何产业。</p>
<p>本工具辅助审查，不代替审查人员的判断。</p>"""
_METHOD_HTML_EN = """<h3>How PlanAlign reaches its verdict</h3>
<p>Every sentence of the document is compared with every sentence of the plan's measures (TF-IDF
cosine similarity over words segmented with a dictionary of plan terms, official boilerplate removed).
A sentence supports a measure when the similarity reaches the threshold and they share at least {shared_en}
content words; sentences carrying the primary industry's terms support its defining measure, and
sentences closing, phasing out or removing what a red line restricts support the measure behind
that line (confidence "keyword"). Measures are ordered by BM25 (each measure's paragraph one
document; each sentence's scores less its own mean, the best {pool_en} summed); a measure standing {standout_en}
standard deviations above all measures' mean is cited too. Measures whose margin above the mean
reaches {lead:g} of the best one's are the leads, the measures the document serves first; the rest are
related. The plan's guidance, goals and safeguards come after the measures that act and never lead;
a document crossing a red line has no leads.</p>
<p><b>Score</b> = {formula}, within 0–100; only an industry that may lead counts (not one a public service only uses, one
named once in passing, or a sub-plan's side task). The
weights are not set by hand: an ordinal logistic regression fitted on real documents a reviewer
labelled ({fit}), shipped as data (resources/verdict_model.toml).</p>
<p><b>Verdict</b>: score ≥ {strong:g} strong, ≥ {partial:g} partial, otherwise weak; any red line crossed
(high energy use and pollution, permanent basic farmland, ecological red line, property speculation,
coal boilers) makes it a conflict whatever the score. {direct} Location (inside, outside, upper level, unstated) is a finding
of its own, shown beside the verdict; it does not lower the score.</p>
<p><b>Primary industry</b>: the leading one of the five when its score reaches {industry:g}; not an
industry a public-service project only uses (its title names a hospital, a school …), nor one named
by one term in one sentence of a document of three or more, nor, in a sub-plan, one that fewer than a
third of its sentences carry; a list such as "信息科技、现代金融等主导产业" counts for none of them.</p>
<p>PlanAlign supports a reviewer's judgement; it does not replace it.</p>"""


def method_html(rules: Rules, english: bool = False) -> str:
    s = rules.scoring
    model = rules.verdict_model
    return (_METHOD_HTML_EN if english else _METHOD_HTML).format(
        strong=s.strong,
        partial=s.partial,
        industry=s.industry_threshold,
        formula=model.formula(english),
        fit=model.fit_summary(english),
        lead=LEAD_SHARE,
        standout=STANDOUT,
        direct=direct_fit_text_en(rules) if english else direct_fit_text(rules),
        pool_cn=cn_count(POOL),
        shared_cn=cn_count(MIN_SHARED_TERMS),
        standout_en=en_count(STANDOUT),
        pool_en=en_count(POOL),
        shared_en=en_count(MIN_SHARED_TERMS),
    )


# Characters of a quotation in a table cell: two or three lines of a 50 mm column in 小4号.
QUOTE_LIMIT = 90


def trim_quote(text: str, terms: Iterable[str], limit: int = QUOTE_LIMIT) -> str:
    """The quotation cut to about ``limit`` characters around the shared words, with "……" where
    text was left out: a table row shows the words that match, not a page of context."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    found = sorted(i for t in terms if t and (i := text.find(t)) >= 0)
    first = found[0] if found else 0
    start = max(0, min(first - limit // 4, len(text) - limit))
    end = start + limit
    return ("……" if start else "") + text[start:end] + ("……" if end < len(text) else "")


def match_strength(match: Match) -> str:
    if match.confidence == "keyword" or not match.has_similarity:
        return match.confidence_name
    return f"{match.similarity:.2f}（{match.confidence_name}）"


def gap_item(gap: Gap) -> str:
    if gap.kind == "industry":
        return f"{gap.measure_id}“{gap.measure_title}”。"
    if gap.kind == "manual":
        return f"{gap.label}：{gap.reason}"
    where = f"（规划第{gap.measure_id}条“{gap.measure_title}”）" if gap.measure_id else ""
    topic = gap.reason.removeprefix("文档未涉及").rstrip("。")
    return f"{topic}{where}：{gap.suggestion}"


def finding_labels(result: AlignmentResult) -> dict[str, str]:
    return {
        **{match_key(m): f"措施对照：{m.measure_id} {m.measure_title}" for m in result.matches},
        **{gap_key(g): f"差距：{g.label}" for g in result.gaps},
        **{conflict_key(c): f"冲突：{c.name}" for c in result.conflicts},
    }


def who(item: Decision | Addition) -> str:
    when = item.time.replace("T", " ")
    return "，".join(part for part in (item.reviewer, when) if part) or "—"
