"""Interface language: Chinese by default, English as a setting (applied at the next start).

Only the interface is translated; plan text, evidence, reasons and reports stay in Chinese, the
language of the documents themselves.
"""

from __future__ import annotations

LANGUAGES = {"zh": "中文", "en": "English"}
_language = "zh"

_ENGLISH = {
    # steps the core reports while it works (alignment/analysis.py, alignment/session.py)
    "切分句子": "Splitting sentences",
    "分词": "Segmenting words",
    "计算与规划措施的相似度": "Comparing with the plan's measures",
    "匹配规划措施": "Matching plan measures",
    "识别重点产业": "Identifying priority industries",
    "检查红线与差距": "Checking red lines and gaps",
    "完成": "Done",
    "读取参考规划": "Reading the reference plan",
    "加载分词词典与规划索引": "Loading the dictionary and the plan index",
    "就绪": "Ready",
    "文字识别": "Recognising text",  # followed by a page counter, "文字识别 2/5"
    "文字识别完成": "Text recognised",
    # batch tab and rules tab status lines
    "待审查：{paths}": "To review: {paths}",
    "正在启动…": "Starting…",
    "正在取消…": "Cancelling…",
    "已完成 {message}": "Done {message}",
    "完成：审查 {done} 份，失败 {failed} 份。": "Finished: {done} reviewed, {failed} failed.",
    "已取消。": "Cancelled.",
    "已导出：{path}": "Exported: {path}",
    "读取失败": "Could not read",
    "无法应用：{reason}": "Cannot apply: {reason}",
    "已应用，正在重新评分。": "Applied; re-scoring.",
    "无法保存：{reason}": "Cannot save: {reason}",
    "已保存到 {path}，下次启动时使用。": "Saved to {path}; used from the next start.",
    "已恢复内置默认规则。": "Restored the shipped rules.",
    "批量审查失败": "Batch review failed",
    "选择待审查文档所在文件夹": "Choose the folder of documents to review",
    "导出 Excel": "Export Excel",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "无法导出": "Cannot export",
    "正在准备分析引擎…": "Preparing the analysis engine…",
    "发生了意外错误：{error}\n\n详细信息已记录到：\n{path}\n请将该文件发送给技术支持。": (
        "An unexpected error occurred: {error}\n\nDetails were logged to:\n{path}\n"
        "Please send that file to support."
    ),
    # window, menus, actions
    "PlanAlign 规划契合度审查 {version}": "PlanAlign plan alignment review {version}",
    "文件(&F)": "&File",
    "打开文档…": "Open document…",
    "导出 Word 报告…": "Export Word report…",
    "选择参考规划…": "Choose reference plan…",
    "使用内置金水区规划": "Use the embedded Jinshui plan",
    "退出": "Quit",
    "最近打开": "Recent files",
    "分析(&A)": "&Analysis",
    "重新分析": "Analyse again",
    "取消分析": "Cancel analysis",
    "文档类型": "Document type",
    "自动识别": "Detect automatically",
    "项目建议书": "Project proposal",
    "子规划": "Subordinate plan",
    "其他层级或地区的规划": "Plan of another level or place",
    "语言 Language": "Language 语言",
    "工具栏": "Toolbar",
    "取消": "Cancel",
    # tabs
    "概览": "Overview",
    "措施对照": "Plan measures",
    "差距": "Gaps",
    "冲突": "Conflicts",
    "冲突 ({count})": "Conflicts ({count})",
    "目标": "Targets",
    "说明": "Method",
    "规划": "Plan",
    "批量": "Batch",
    "规则": "Rules",
    "{name} — PlanAlign 规划契合度审查 {version}": "{name} — PlanAlign plan alignment review {version}",
    "目标对照用于子规划（专项规划、实施方案）。": "Targets are compared for subordinate plans.",
    # empty tables after an analysis
    "未发现需要补充的规划措施。": "No plan measure found missing.",
    "（主要）": " (lead)",
    "未发现与规划冲突的内容。": "Nothing found that conflicts with the plan.",
    "文档未与规划措施形成明显对应。": "The document does not clearly serve any plan measure.",
    # status and dialogs
    "正在加载参考规划与分词词典…": "Loading the reference plan and the word segmenter…",
    "正在加载参考规划…": "Loading the reference plan…",
    "参考规划：{title}（{count} 条措施）": "Reference plan: {title} ({count} measures)",
    "正在分析：{name}": "Analysing: {name}",
    "{title}：{score} 分，{verdict}": "{title}: {score} points, {verdict}",
    "分析失败。": "Analysis failed.",
    "已取消分析。": "Analysis cancelled.",
    "正在导出报告：{path}": "Exporting report: {path}",
    "报告已导出：{path}": "Report exported: {path}",
    "报告未导出。": "Report not exported.",
    "无法导出报告": "Cannot export the report",
    "无法分析该文件": "Cannot analyse this file",
    "无法加载参考规划": "Cannot load the reference plan",
    "{message}\n已改用内置金水区规划。": "{message}\nThe embedded Jinshui plan is used instead.",
    "用户规则文件有误": "The user rule file has an error",
    "界面语言将在下次启动时生效。": "The interface language changes at the next start.",
    "打开文档": "Open document",
    "选择参考规划": "Choose reference plan",
    "导出 Word 报告": "Export Word report",
    "文档 (*.docx *.pdf *.txt *.md *.doc *.wps *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;所有文件 (*)": (
        "Documents (*.docx *.pdf *.txt *.md *.doc *.wps *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;"
        "All files (*)"
    ),
    "规划文件 (*.txt *.docx *.pdf *.md)": "Plan files (*.txt *.docx *.pdf *.md)",
    "Word 文档 (*.docx)": "Word documents (*.docx)",
    "程序错误": "Program error",
    # overview
    "尚未分析": "Not analysed yet",
    "{score} 分": "{score} points",
    "主导产业：{industry}": "Primary industry: {industry}",
    "文档类型：{kind}": "Document kind: {kind}",
    "不属于五大重点产业": "none of the five priority industries",
    "高度契合": "Strong alignment",
    "部分契合": "Partial alignment",
    "契合度低": "Weak alignment",
    "与规划冲突": "Conflicts with the plan",
    # tables
    "采纳": "Accept",
    "审查意见": "Reviewer's comment",
    "规划措施": "Plan measure",
    "相似度": "Similarity",
    "置信度": "Confidence",
    "文档证据": "Evidence in the document",
    "建议": "Suggestion",
    "规划红线": "Red line",
    "规划依据": "Plan basis",
    "文档原文": "Document text",
    "选中一条措施，在此查看规划原文。": "Select a measure to read the plan's text here.",
    "指标": "Indicator",
    "总体规划": "Master plan",
    "本文档": "This document",
    "结论": "Status",
    "依据": "Source",
    "总体规划章节": "Master-plan chapter",
    "覆盖率": "Coverage",
    "已覆盖措施": "Covered measures",
    "未覆盖措施": "Measures left out",
    "章节与措施": "Chapters and measures",
    "搜索规划：输入关键词，如“信息安全”“养老”": "Search the plan: a keyword such as 信息安全 or 养老",
    "打开或拖入一份项目建议书、可行性研究报告或专项规划（.docx、.pdf、.txt）。": "Open or drop a proposal, feasibility study or subordinate plan (.docx, .pdf, .txt).",
    # batch
    "选择一个文件夹，批量审查其中的 .docx、.pdf、.txt 文档。": "Choose a folder to review all its .docx, .pdf and .txt documents.",
    "选择文件夹…": "Choose folder…",
    "开始批量审查": "Start batch review",
    "导出 Excel…": "Export Excel…",
    "排名": "Rank",
    "文件": "File",
    "得分": "Score",
    "主导产业/原因": "Primary industry / reason",
    # rules
    "产业": "Industry",
    "类型": "Kind",
    "权重": "Weight",
    "关键词（以、分隔）": "Keywords (separated by 、)",
    "应用并重新评分": "Apply and re-score",
    "保存到用户规则文件": "Save to the user rule file",
    "恢复默认规则": "Reset to the shipped rules",
    "修改阈值、关键词或权重后点“应用并重新评分”；内置规则文件不会被修改。": "Change thresholds, keywords or weights, then Apply; the shipped rule file is never changed.",
    "“高度契合”最低分": "Lowest score for strong",
    "“部分契合”最低分": "Lowest score for partial",
    "主导产业最低分": "Lowest primary-industry score",
    "证据句相似度阈值": "Evidence similarity threshold",
    # review: menus, dialogs, messages
    "审查(&R)": "&Review",
    "撤销": "Undo",
    "重做": "Redo",
    "将选中文字作为措施证据…": "Use the selected text as evidence for a measure…",
    "将选中文字作为措施证据": "Use the selected text as evidence",
    "添加差距…": "Add a gap…",
    "添加差距": "Add a gap",
    "添加冲突…": "Add a conflict…",
    "添加冲突": "Add a conflict",
    "删除所选补充项": "Remove the selected addition",
    "删除补充项": "Remove an addition",
    "改定审查结论": "Set the reviewed verdict",
    "按审查后的发现": "As the reviewed findings give",
    "保存审查…": "Save review…",
    "保存审查": "Save review",
    "打开审查…": "Open review…",
    "打开审查": "Open review",
    "审查单位与署名…": "Office and signatures…",
    "审查单位与署名": "Office and signatures",
    "审查文件 (*.json)": "Review files (*.json)",
    "审查意见（双击填写）": "Comment (double-click to edit)",
    "双击填写审查意见；报告中列在该项之后。": "Double-click to write a comment; the report prints it after the item.",
    "审查人员补充的内容": "Added by the reviewer",
    "修改审查意见": "Edit comment",
    "采纳或不采纳": "Accept or reject",
    "补充{kind}": "Add {kind}",
    "措施证据": "evidence",
    "冲突事项": "What conflicts",
    "如：占用永久基本农田": "e.g. occupies permanent basic farmland",
    "（无规划依据）": "(no plan basis)",
    "差距说明": "What is missing",
    "选择…": "Choose…",
    "选择报告模板": "Choose a report template",
    "审查单位（落款）": "Issuing office",
    "主送": "Addressed to",
    "文号": "Document number",
    "审查人": "Reviewer",
    "复核人": "Checked by",
    "报告模板": "Report template",
    "金水区发展和改革委员会": "e.g. Jinshui District Development and Reform Commission",
    "区政府": "e.g. District Government",
    "金发改审〔2026〕1号": "e.g. 金发改审〔2026〕1号",
    "张三": "e.g. Zhang San",
    "李四": "e.g. Li Si",
    "可选：含红头的 .docx 模板": "Optional: a .docx template with the letterhead",
    "已恢复上次的审查：{count} 项决定。": "Restored the last review: {count} decisions.",
    "该审查针对另一版本的参考规划作出，已按措施编号对应。": "This review was made against another version of the plan; matched by measure number.",
    "该审查在另一版本的规则下作出，计算结果可能已变化，已按措施编号对应。": "This review was made under other rules; the computed findings may have changed. Matched by measure number.",
    "{message} 已另存为 {path}，本次重新开始审查。": "{message} Set aside as {path}; starting a new review.",
    "审查决定所针对的内容在本次分析中已不存在：{key}": "A decision concerns a finding this analysis no longer has: {key}",
    "补充的证据在文档中已找不到：{quote}": "Added evidence is no longer in the document: {quote}",
    "审查记录未能保存": "The review could not be saved",
    "审查已保存：{path}": "Review saved: {path}",
    "已打开审查：{path}": "Review opened: {path}",
    "无法保存审查": "Cannot save the review",
    "无法打开审查": "Cannot open the review",
    "未添加": "Not added",
    "请先在左侧文档中选中作为证据的文字。": "First select the evidence in the document on the left.",
    "请先在措施对照、差距或冲突中选中一条补充项。": "First select an addition under Measures, Gaps or Conflicts.",
    "请选择规划措施并填写内容。": "Choose a plan measure and fill in the text.",
    "文档已被移动或删除，本次审查不会保存。": "The document was moved or deleted; this review will not be saved.",
}


def set_language(code: str) -> None:
    global _language
    _language = code if code in LANGUAGES else "zh"


def language() -> str:
    return _language


def tr(text: str, **values: object) -> str:
    """``text`` in the interface language, with ``{name}`` placeholders filled from ``values``."""
    template = _ENGLISH.get(text, text) if _language == "en" else text
    return template.format(**values) if values else template


def step_name(message: str) -> str:
    """A progress message in the interface language: a step's name, and a counter after a
    space ("文字识别 2/5") kept as it is."""
    step, space, counter = message.partition(" ")
    return tr(step) + space + counter


def user_message(error: object) -> str:
    """An error's message in the interface language (PlanAlign's errors carry both)."""
    message = getattr(error, "message", str(error))
    return getattr(error, "english", message) if _language == "en" else message
