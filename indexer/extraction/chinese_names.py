"""Chinese people's names in pinyin (``Zhang Zhan``, ``Chen Qiushi``, ``Xi Jinping``).

The first-name list (:mod:`indexer.extraction.people`) holds Latin-script given names;
Chinese names in pinyin put the family name first and their given names are
not in it, so a statement about China lost most of its people. A run of
capitalised words is a Chinese name here when it opens with a common family
name and the next word is a given name of one or two pinyin syllables that
the text never writes in lower case (``Fang Bin``; not ``Fang said``, whose
word is no syllable). A leaf: the standard library only.
"""

from __future__ import annotations

import re

__all__ = ["SURNAMES", "chinese_name_start"]

#: Common family names in pinyin (the most frequent ones; ``He``, ``You``... are
#: English words and left out).
SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo gao lin luo zheng liang "
    "xie song tang han feng deng cao peng zeng xiao tian dong yuan pan jiang cai yu du ye cheng wei "
    "su lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin "
    "qiu hou yin xue yan duan lei hao kong shao mao wan gu lai kang qian niu hong gong wen ouyang "
    "zhuang tao jiao zhai ji".split())
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ua|uo|"
          r"ia|ie|iu|ui|ue|er|a|e|i|o|u|v)")
#: A given name: one or two pinyin syllables.
_GIVEN = re.compile(rf"(?:{_INITIAL}{_FINAL}){{1,2}}")


def chinese_name_start(keys: list[str], text: str) -> int:
    """The index of the family name that opens a Chinese name in the run of
    folded words ``keys`` (followed by a pinyin given name that ``text`` never
    writes in lower case), or -1."""
    if SURNAMES.isdisjoint(keys):  # (most runs: one C-level test, no loop)
        return -1
    for i in range(len(keys) - 1):
        given = keys[i + 1]
        if keys[i] in SURNAMES and 2 <= len(given) <= 8 and _GIVEN.fullmatch(given) \
                and f" {given} " not in text:
            return i
    return -1
