"""The command-line interface: ``planalign plan|read|check|batch``.

Exit codes: 0 success, 1 unexpected failure, 2 usage error, 3 unreadable input (document, plan
or rule file), 4 output cannot be written.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from alignment.atomic import check_output_path
from alignment.config import Rules, load_rules
from alignment.display import one_line
from alignment.documents.formats import READERS, read_document
from alignment.errors import AlignmentError, OutputError
from alignment.output.profile import FIELD_NAMES, OfficeProfile, load_profile
from alignment.output.serialize import document_to_dict, plan_to_dict, result_to_dict
from alignment.plan.model import Plan
from alignment.plan.parser import load_plan
from alignment.review import Review, verdict_line
from alignment.review_file import content_hash, load_review
from alignment.scoring.result import AlignmentResult, Match
from alignment.scoring.segmentation import cache_dir
from alignment.scoring.subplan import STATUS_NAMES, STATUSES
from alignment.version import __version__

_DOCUMENT_HELP = "待审查的文档：" + "、".join(sorted(READERS))
MODES = ["auto", "proposal", "subplan", "plan"]
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_CANCELLED = 130  # Ctrl+C, as shells report a process ended by SIGINT


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: 用法错误 / usage error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="planalign", description="PlanAlign 规划契合度审查")
    parser.add_argument("--version", action="version", version=f"PlanAlign {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    plan = commands.add_parser("plan", help="显示参考规划的结构 / show the reference plan outline")
    _add_reference_options(plan)
    plan.add_argument("--json", action="store_true", help="输出完整的 JSON 模型")
    plan.set_defaults(run=_run_plan)

    read = commands.add_parser("read", help="显示读取到的文档段落 / show a document as read")
    read.add_argument("file", help=_DOCUMENT_HELP)
    read.add_argument("--json", action="store_true")
    read.set_defaults(run=_run_read)

    check = commands.add_parser("check", help="审查一份文档与规划的契合度 / check one document")
    check.add_argument("file", help=_DOCUMENT_HELP)
    _add_reference_options(check)
    check.add_argument(
        "--mode",
        choices=MODES,
        default="auto",
        help="文档类型：自动识别、项目建议书、本区子规划、其他层级或地区的规划",
    )
    check.add_argument("--json", action="store_true", help="输出 JSON 结果")
    check.add_argument("--report", metavar="OUT.docx", help="写出 Word 审查报告")
    check.add_argument(
        "--review", metavar="FILE.json", help="审查文件（窗口中“保存审查”所存），用于报告和结论"
    )
    _add_office_options(check)
    check.set_defaults(run=_run_check)

    batch = commands.add_parser("batch", help="批量审查并写出 Excel 排名 / review many documents")
    batch.add_argument("paths", nargs="+", metavar="PATH", help="文件或文件夹")
    _add_reference_options(batch)
    batch.add_argument("--mode", choices=MODES, default="auto")
    batch.add_argument("--excel", metavar="OUT.xlsx", required=True, help="Excel 排名表")
    batch.add_argument("--reports", metavar="DIR", help="为每份文档写出 Word 报告的文件夹")
    batch.add_argument("--workers", type=int, default=None, help="并行进程数（默认 2）")
    batch.add_argument(
        "--reviews", metavar="DIR", help="已保存审查文件的文件夹：排名表和报告采用审查结论"
    )
    _add_office_options(batch)
    batch.set_defaults(run=_run_batch)

    gui = commands.add_parser("gui", help="打开图形界面 / open the window")
    gui.add_argument("file", nargs="?", help=_DOCUMENT_HELP + "（可选）")
    gui.add_argument("--screenshot", metavar="OUT.png")
    _add_reference_options(gui)
    gui.set_defaults(run=None)
    return parser


def _add_reference_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plan", metavar="FILE", help="参考规划文件（txt、docx、pdf），默认为内置金水区规划"
    )
    parser.add_argument("--rules", metavar="FILE", help="规则文件（TOML），默认为内置规则")


def _add_office_options(parser: argparse.ArgumentParser) -> None:
    """Who files the report: a TOML profile, and flags that override its fields."""
    group = parser.add_argument_group("审查单位与署名 / office and signatures")
    group.add_argument("--profile", metavar="FILE.toml", help="审查单位配置文件（TOML）")
    for flag, name in FIELD_NAMES.items():
        metavar = "FILE.docx" if flag == "template" else None
        group.add_argument(f"--{flag}", metavar=metavar, help=name)


def office_profile(args: argparse.Namespace) -> OfficeProfile:
    base = load_profile(args.profile) if args.profile else OfficeProfile()
    return base.merged(**{name: getattr(args, name) for name in FIELD_NAMES})


def load_reference(args: argparse.Namespace) -> tuple[Plan, Rules]:
    return load_plan(args.plan), load_rules(args.rules)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _run_plan(args: argparse.Namespace) -> int:
    plan, rules = load_reference(args)
    if args.json:
        _print_json(plan_to_dict(plan, rules))
        return 0
    print(outline(plan))
    return 0


def outline(plan: Plan) -> str:
    """A readable outline with counts."""
    lines = [
        plan.title,
        f"{len(plan.chapters)} 章，{len(plan.sections)} 节，{len(plan.measures)} 条措施，"
        f"{len(plan.targets)} 项量化目标",
    ]
    for chapter in plan.chapters:
        lines.append(f"第{chapter.id}章 {chapter.title}")
        for section in chapter.sections:
            lines.append(f"  {section.id} {section.title}（{len(section.measures)} 条措施）")
    lines += [f"注意：{w}" for w in plan.warnings]
    return "\n".join(lines)


def _run_read(args: argparse.Namespace) -> int:
    document = read_document(args.file)
    if args.json:
        _print_json(document_to_dict(document))
        return 0
    for paragraph in document.paragraphs:
        marker = (
            "#" * paragraph.level + " " if paragraph.level else ("| " if paragraph.in_table else "")
        )
        print(f"{paragraph.index:>4}  {marker}{paragraph.text}")
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from alignment.budget import Budget
    from alignment.scoring.analysis import Analyzer
    from alignment.session import read_within

    budget = Budget()
    profile = office_profile(args)
    review = load_review(args.review, content_hash(args.file)) if args.review else Review()
    if args.report:  # refuse before the work, not after
        check_output_path(args.report, [args.file, *([profile.template] * bool(profile.template))])
    # A scan is recognised page by page (seconds each): the bar shows the pages.
    document = read_within(args.file, budget, progress=_ProgressBar())
    plan, rules = load_reference(args)
    result = Analyzer(plan, rules).analyse(document, mode=args.mode, budget=budget)
    if args.report:
        from alignment.output.report import write_report

        write_report(result, rules, args.report, review=review, profile=profile)
    if args.json:
        _print_json(result_to_dict(result))
    else:
        print(summary(result, review))
    return 0


def _run_batch(args: argparse.Namespace) -> int:
    from alignment.batch import BatchOptions, collect_files, find_reviews, report_paths, run_batch
    from alignment.output.workbook import write_workbook

    files = collect_files(args.paths, outputs=[args.excel, args.reports])
    check_output_path(args.excel, files)
    profile = office_profile(args)
    if args.reports:
        Path(args.reports).mkdir(parents=True, exist_ok=True)
    options = BatchOptions(
        args.plan, args.rules, args.mode, args.reports, reviews_dir=args.reviews, profile=profile
    )
    # Found once (each file hashed once): for the reports, then for the workbook.
    reviews, problems = find_reviews(files, options)
    for problem in problems:
        sys.stderr.write(f"提示：{one_line(problem)}\n")
    results, failures = run_batch(
        files, options, reviews=reviews, workers=args.workers, progress=_ProgressBar()
    )
    reports = (
        {str(k): v for k, v in report_paths(files, args.reports).items()} if args.reports else {}
    )
    write_workbook(results, failures, args.excel, inputs=files, reviews=reviews, reports=reports)
    sys.stderr.write(f"已审查 {len(results)} 份，失败 {len(failures)} 份；结果：{args.excel}\n")
    return 0


class _ProgressBar:
    """A one-line progress bar on stderr, drawn only on a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, fraction: float, message: str) -> None:
        if not self.enabled:
            return
        filled = int(fraction * 30)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {message[:40]:<40}")
        if fraction >= 1:
            sys.stderr.write("\n")
        sys.stderr.flush()


def summary(result: AlignmentResult, review: Review | None = None) -> str:
    """A short human summary in Chinese; with a review, both verdicts, labelled."""
    lines = [
        f"文档：{result.title}（{result.mode_name}，{result.characters} 字）",
        f"参考规划：{result.plan_title}",
        f"契合度：{result.score:g} 分，{result.headline}",
        *([verdict_line(result, review)] if review is not None and not review.is_empty else []),
        f"主导产业：{result.primary_industry or '不属于五大重点产业'}",
        "产业得分：" + "，".join(f"{i.name} {i.score:g}" for i in result.industries),
    ]
    if result.matches:
        leads = result.leads
        lines.append(
            "服务的规划措施（“主要”为首先服务的措施，其余为相关措施）："
            if leads
            else "文本相近的规划措施（文档触及红线，不视为服务这些措施）："
        )
        for match in result.matches[:5]:
            lines.append(
                f"  {match.measure_id} {match.measure_title}（{'主要，' if match in leads else ''}"
                f"{_strength(match)}）：“{match.evidence[0].sentence}”"
            )
    for conflict in result.conflicts:
        lines.append(
            f"冲突：{conflict.name}（{'、'.join(conflict.terms)}）："
            f"“{conflict.evidence[0].sentence}”"
        )
    if result.gaps:
        lines.append("差距：" + "；".join(g.label for g in result.gaps[:6]))
    lines += _target_lines(result)
    lines += [f"提示：{w}" for w in result.warnings]
    return "\n".join(lines)


def _strength(match: Match) -> str:
    if match.has_similarity:
        return f"相似度 {match.similarity:.2f}"
    return "依据文档主题" if match.confidence == "subject" else match.confidence_name


def _target_lines(result: AlignmentResult) -> list[str]:
    """A sub-plan's targets: how many of each status, and every one weaker than the plan's."""
    if not result.targets:
        return []
    counts = Counter(t.status for t in result.targets)
    lines = [
        f"目标对照：{len(result.targets)} 项（"
        + "，".join(f"{STATUS_NAMES[s]} {counts[s]}" for s in STATUSES if counts[s])
        + "）"
    ]
    lines += [
        f"  低于规划：{target.indicator} {target.document_figure}，规划为 {target.plan_figure}"
        for target in result.targets_below
    ]
    return lines


def _exit_code(error: AlignmentError) -> int:
    return EXIT_OUTPUT if isinstance(error, OutputError) else EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code. Expected errors print one line on stderr."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = args.run
    if run is None:  # the gui subcommand is dispatched by main.py
        return EXIT_USAGE
    try:
        return run(args)
    except AlignmentError as error:
        sys.stderr.write(f"错误：{one_line(error.message)} | Error: {one_line(error.english)}\n")
        return _exit_code(error)
    except KeyboardInterrupt:
        # Ctrl+C, during a long scan's recognition say: nothing half-written is left (outputs are
        # written atomically), and the user asked for it, so no traceback.
        sys.stderr.write("\n已取消。 | Cancelled.\n")
        return EXIT_CANCELLED
    except BrokenPipeError:
        # The reader (`| head`) left: send what is still buffered nowhere, so that Python's
        # own flush at exit does not complain (the recipe of the signal module's docs).
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: one line for the user, the traceback in a log file
        log = _log_unexpected(error)
        sys.stderr.write(
            f"程序错误：{one_line(str(error))}。详细信息已记录到 {log}，请发送给技术支持。"
            f" | Unexpected error: {one_line(str(error))}. Details logged to {log}.\n"
        )
        return EXIT_UNEXPECTED


def _log_unexpected(error: Exception) -> Path:
    folder = cache_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"error-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.log"
    path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    return path
