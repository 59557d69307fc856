"""core.log_lines: a log line is its English text and is said in the planner's language from its template."""
import copy as copy_module
import pickle
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import shapely

from riskatlas.core import log_lines
from riskatlas.core.fire_reach import fire_station_reach
from riskatlas.core.log_lines import LogLine, say

TS = Path(__file__).resolve().parents[2] / "i18n" / "riskatlas_zh_CN.ts"
CHINESE = {  # a stand-in translator: what the Qt translator gives for these templates
    log_lines.ROAD_GRAPH: "道路网络：{nodes:,} 个节点，{edges:,} 条边，{parts} 个连通部分",
    log_lines.SITING_FIGURES: "状态 {status}（{how}）{cells}{cell}{targets}{rows}{columns}{entries}{solver_rows}"
                              "{solver_columns}",
    "optimal": "最优解",
    log_lines.BOUND_MET_BY_SWAPS: "交换搜索达到上界",
    log_lines.SOLVING: "求解",
}


def chinese(text):
    return CHINESE.get(text, text)


def test_a_log_line_is_its_english_text():
    line = LogLine(log_lines.ROAD_GRAPH, nodes=18101, edges=25405, parts=3)
    assert isinstance(line, str)
    assert line == "road graph: 18,101 nodes, 25,405 edges, 3 connected part(s)"
    assert line.say() == line and say(line) == line


def test_copied_and_pickled_whole_even_when_the_text_holds_braces():
    line = LogLine(log_lines.PROVENANCE, record='{"algorithm": "riskatlas:firestationreach"}')
    for copy in (pickle.loads(pickle.dumps(line)), copy_module.deepcopy(line)):
        assert copy == line and copy.template == line.template and copy.arguments == line.arguments


def test_said_in_the_translators_language_with_its_arguments():
    line = LogLine(log_lines.ROAD_GRAPH, nodes=18101, edges=25405, parts=3)
    assert line.say(chinese) == "道路网络：18,101 个节点，25,405 条边，3 个连通部分"


def test_arguments_that_are_log_lines_are_said_too():
    line = LogLine(log_lines.SITING_FIGURES, cells=1, cell=25.0, targets=0, rows=1, columns=1, entries=1,
                   solver_rows=1, solver_columns=1, status=log_lines.solver_status("optimal"),
                   how=LogLine(log_lines.BOUND_MET_BY_SWAPS))
    assert line.endswith("; optimal (Lagrangian bound met by the swap search)")
    assert line.say(chinese).startswith("状态 最优解（交换搜索达到上界）")


def test_a_translation_that_lost_a_placeholder_falls_back_to_english():
    line = LogLine(log_lines.ROAD_GRAPH, nodes=1, edges=2, parts=1)
    assert line.say(lambda text: "道路网络：{nodes} 个节点，{lost} 条边") == line


def test_catalogue_texts_are_translated_and_other_text_kept():
    assert say(log_lines.SOLVING, chinese) == "求解"
    assert say("a layer's own words", chinese) == "a layer's own words"
    assert log_lines.solver_status("unheard_of") == "unheard_of"


def test_every_translation_keeps_the_placeholders():
    """A Chinese template with a placeholder lost or misspelt would fall back to English in the log."""
    contexts = ET.parse(TS).getroot().iter("context")
    log = next(c for c in contexts if c.findtext("name") == log_lines.CONTEXT)
    checked = 0
    for message in log.iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", translation)), source
        checked += 1
    templates = [v for k, v in vars(log_lines).items() if k.isupper() and isinstance(v, str) and k != "CONTEXT"]
    assert checked >= len(templates) + len(log_lines.SOLVER_STATUS)


def test_the_reachs_figures_are_log_lines():
    road = shapely.LineString([(0, 0), (10_000, 0)])
    result = fire_station_reach([road], [36.0], None, [shapely.Point(0, 0)], ["S1"], [1.0])
    assert result.info and all(isinstance(line, LogLine) for line in result.info)
    assert any(line.template == log_lines.ROAD_GRAPH for line in result.info)
