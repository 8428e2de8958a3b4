"""Thresholds: a metric compared with a number — eligibility conditions and KPI targets.

``拥有有效专利30件（含）以上`` → ``{metric: 有效专利, op: >=, value: 30, unit: 件}``. The operator comes
from the words before the number (不少于, 超过, 突破 …) or after its unit (以上, 以内 …), by the table
in ``extractors/threshold/operators.json``; a number with no comparison word is not a threshold. The
metric is the noun phrase of the clause before the comparison (fillers such as 拥有/其中 dropped);
when that is only a verb (``组建1个以上产业知识产权联盟``) the noun after the number completes it.
Money thresholds are in yuan with unit ``CNY``; percentages are fractions with unit ``%``.
``subject`` is the applicant type whose condition list holds the clause; ``period`` the look-back
window (近三年, 上一年度); ``kind`` is ``eligibility`` or ``kpi``.

Clause grammar the metric follows:
- two thresholds joined by 或/及/和 (``有效专利数量不少于100件或有效发明专利数量不少于50件``): the
  second metric starts after the first threshold and its joiner;
- a growth word before a percentage makes a growth rate (``拥有量年均增长10%`` → ``拥有量年均增长率``);
  a share right after a threshold on A (``A突破N件，占B的50%以上``) is ``A占B的比例``;
- 分别 distributes: ``A、B、C X分别突破5件、3件、2件`` → subjects A, B, C on metric X;
  ``X的P和Q分别不低于160家、600人`` → metrics X的P, X的Q;
- a count that qualifies a holder, ``获得3项中国发明专利授权或2项国外发明专利授权的发明人``, is a
  condition on that holder (``>=`` when no comparison word is written), one per alternative;
- in a conditions section a count after an achievement verb is a minimum without 以上 too
  (``主持过两个市级以上科研课题``, ``有一项成果已推广应用``, ``至少获得1次省级奖励``);
- ages (周岁/岁) have the metric 年龄 (``是指45周岁以下``); ``年龄在18至45周岁（含本数）`` is two
  thresholds, >= 18 and <= 45;
- the metric is the predicate that carries the number: a holder or demonstrative subject
  (``该企业…``, ``…的申请人``), a definition lead (``X是指``), a time or place adverbial
  (``在申请日前``, ``在基地入驻企业``), a modal (``应当已``) and an earlier predicate joined by 并
  (``依法登记注册并实际运营满一年`` → ``实际运营``) are not part of it;
- a comparison that names who is left out (``奖励金额在1万元以下的企业不安排``, ``…低于500万元的，
  不予支持``) states the opposite condition (奖励金额 > 1万元), even on a benefit;
- a share written against its base (``其滚存总额超过当年工伤保险基金收入的30%``, ``不低于采购合同金额
  50%的预付款``) has the metric ``A占B的比例``; after 按 it is the rate of a grant, not a condition;
- a quantity that qualifies the people a clause hires (``企业吸纳登记失业半年以上人员``) measures what
  follows the hiring verb (登记失业), and the people are the subject;
- housing conditions written without a comparison word: homes owned (``对拥有一套住房并已结清相应购房
  贷款的家庭`` → 拥有住房套数 == 1), children (``生育二孩或三孩的缴存职工`` → 生育子女数 >= 2), how long a
  thing has been held (``购买不足2年的住房`` → 住房购买年限 < 2), and an amount capped at a multiple of a
  base (``贷款额度按不超过…账户余额的20倍测算`` → 贷款额度与…账户余额之比 <= 20倍);
- a share whose clause only says it was moved (``由不高于房价的70%，提高到不高于房价的80%``) measures
  what the share before it measured;
- a cap on what the programme grants (``租金补贴每年不超过5万元``, ``补贴期限最长不超过3年``,
  ``每年安排最高100万元``, ``获支持企业数量最多不超过10个``) is a money, duration or quota fact,
  not a condition on the applicant, and is not a threshold.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterator, NamedTuple

import regex

from policyparse.charsets import ANY_DIGIT
from policyparse.extractors.context import Context
from policyparse.extractors.roles import (
    ELIGIBILITY_SECTION,
    TARGET_SECTION,
    section_titles,
)
from policyparse.extractors.wordset import WordSet
from policyparse.extractors.wordset import alternation as _alt
from policyparse.models import Fact
from policyparse.resolvers.base import finditer_in_lines
from policyparse.resolvers.money import parse_money
from policyparse.resolvers.numerals import parse_number
from policyparse.resolvers.patterns import (
    CHANGE_VERBS,
    EXCLUSION_AFTER,
    HIRING_VERBS,
    MEASURE_UNITS,
    PEOPLE_COUNTING_VERBS,
    PERSON_NOUNS,
    SHARE_FRACTION,
    compile_pattern,
    rx,
)
from policyparse.resolvers.percent import parse_percent
from policyparse.resources import read_json

NAME = "threshold.v1"
TYPES = ("threshold",)

_NUMBER = r"(?:\d+(?:[.,]\d+)*(?:(?:万|亿)(?![元亿]))?|[零一二两三四五六七八九十百千万]+|(?<![上下前后])半(?=年|个月))"
"""A quantity: digits (with a 万/亿 multiplier), a Chinese numeral, or 半 before 年/个月 (半年以上)."""
_ROUGH_NUMBER = rf"[{ANY_DIGIT}零一二两三四五六七八九十百千万半][{ANY_DIGIT}零一二两三四五六七八九十百千万亿.,]*"
"""For a stdlib ``re`` prefilter: every text :data:`_NUMBER` matches (and more): its digits, separators,
numerals, 万/亿 and 半, starting as a number can."""
_BOUNDARY = "，,。；;：:、\n！？“”"
_NOT_A_METRIC = rx(
    r"以下|上述|下列|如下|(?:给予|资助|支持|补助|奖补|推荐|原则上|限额|申报|择优)$|^(?:超出|超过)?部分$"
    r"|^(?:每\p{Han}{1,2})+$",  # 每户每月低于600元的，按600元发放: a per-unit, the measured thing is not named
    engine="re",
)
"""Clauses that end like a funding cap, a quota or an N-of-M rule are other facts, not thresholds;
``超过800千瓦的部分`` names the part a rate applies to, nothing measured."""
_ASIDE = regex.compile(r"[（(][^（）()]*[）)]")
"""A bracketed aside (``（本人及配偶）``, ``（含税）``)."""
_TRAILING_PAREN = rx(_ASIDE.pattern + "$", engine="re")
_SUBJECT_TITLE = rx(r"^(?P<subject>.{2,20}?)(?:作为申报主体|作为建设主体)?(?:应|须|需)(?:同时)?(?:具备|满足|符合)", engine="re")
_SUBJECT_LEAD = regex.compile(r"(?:申报|建设|承担)?(?P<subject>企业|单位|高等学校|高校|科研院所|服务机构|主体)(?:应|须|需)(?:同时)?(?:具备|满足|符合)")
_KPI_CUE = rx(r"新增|力争|突破|实现|争取|增长|增幅|预计|提升|建成|培育", engine="re")
_JOINER = rx(r"[ ]*(?:[，,]?但是?|或者|或是|或|以及|及|和|与|并且|并|且|[、，,])[ ]*", engine="re")
"""What joins two thresholds of one clause; it belongs to neither metric."""
_HARD_BOUNDARY = regex.compile(r"[，,。；;：:！？\n]")
_EACH = regex.compile(r"^每[家个所名位户]")
_EVERY = regex.compile(r"^每[年个家人项]")
_GENERAL_REQUIREMENTS = rx(r"总体要求", engine="re")
"""The 总体要求 heading of a 实施方案 (指导思想, 基本原则, 主要目标): not a list of conditions."""
_QUOTA_METRIC = rx(
    r"(?:推荐|申报|报送|入选|遴选|立项|评选|选拔|获支持|获资助|获奖励)的?(?:企业|项目|单位|机构|人才|人员|团队|平台|载体)?"
    r"(?:数量|人数|个数|名额)$",
    engine="re",
)
"""``每个单位推荐项目数量`` (不超过3个): how many may be put forward is a quota, not a threshold."""
_RECEIVED = regex.compile(
    r"(?:^(?:获得|获)|(?:已|曾)(?:获得|获|享受)|(?:近[一二两三四五\d]个?年度?|上一?年度?|以往|此前)(?:内)?(?:已|累计)?(?:获得|获|享受))"
    r"[^，。；]{0,10}(?:补贴|补助|奖励|资助|扶持|支持|资金)"
)
"""A benefit the applicant has already received (已获…, 近两年获得…) is a condition on the applicant,
not a cap; ``每年获得的奖励累计最高不超过20万元`` is a cap."""
_STANDARD_CHANGE = regex.compile(
    rf"由[ ]?{_NUMBER}[ ]?(?:万元|亿元|千元|元|%|％)?[ ]?(?:{CHANGE_VERBS})(?:至|到|为)?[ ]?$"
)
"""``三级医院由2400元提高至2800元``: a standard changed from one value to another, not a condition."""
_NOT_A_NOUN = r"(?![按由经可应须需将以])"
"""What cannot open the noun after 的: a preposition or modal opens the predicate (``不满1个月的按实际
工作日计算``), and the quantity then has no noun of its own."""
_QUALIFIED_NOUN = regex.compile(rf"的{_NOT_A_NOUN}(?P<noun>\p{{Han}}{{2,12}}?)(?=[，,。；;、）)\n]|$)")
_COMPLETING_NOUN = regex.compile(
    rf"(?![后前内起时])(?:的{_NOT_A_NOUN}\p{{Han}}{{2,16}}?(?=[，。；、并且和\n（(]|对(?![象外接口])|$)"
    r"|(?!的)\p{Han}{2,16}?(?=[，。；、并且和\n的（(]|对(?![象外接口])|$))"
)
"""The noun a short metric measures, right after the quantity: ``重伤八人及以上的事故`` (的事故, to the
clause end), ``拥有2套及以上商品住房的本市户籍居民家庭`` (商品住房, up to 的: a holder follows),
``由至少2名工作人员对申请单位…`` (工作人员, up to the preposition 对 or an aside)."""
_DOCUMENT_NOUN = regex.compile(r"(?:的)?(?:证明|凭证|证明材料|材料)$")
"""``无法提供…缴纳1年及以上个人所得税或社会保险证明``: the proof is handed in, what is measured is the
payment."""
_PEOPLE_WHO = rx(
    rf"(?P<people>\p{{Han}}{{0,6}}?(?:{PERSON_NOUNS}))(?P<doing>(?!的)\p{{Han}}{{2,14}})",
    engine="re",
)
"""``有不少于1名员工按规定缴纳社会保险费``: the count is of the people who do something, so the metric
is ``按规定缴纳社会保险费的员工人数``."""
_POSSESSION = regex.compile(
    r"(?:[^，。；\n]{0,30}?(?:并且|并|且)|(?P<place>[^，。；\n]{2,12}?)(?:下|中|内|里)|(?P<owner>\p{Han}{2,30}?))?"
    r"(?P<verb>拥有|具有|有)"
)
"""A clause whose last predicate is a bare possession verb (``正常经营且有``, ``并有``), an
existential one after a place (``同一项目下有``: what is counted belongs to that place), or one after
its owner (``企业有2名以上研发人员``: the owner holds the count of what follows)."""
_SHARE_REACHED = regex.compile(r"(?:达到|达)(?P<base>\p{Han}{2,20}?)的$")
"""``自筹资金…需达到项目总投资额的60%以上``: a percentage of a base is the share of that base."""
_QUALIFIER_ASIDE = regex.compile(
    r"(?<!人|配偶|职工|员工|家庭)[（(](?:(?:含|包括|包含|不含|不包括)[^（）()]*|按[^（）()]{1,12}?(?:折算|计算|核算|计))[）)]"
)
"""``所购置的生产性设备(含环保处理等设备)投资总额``: what an aside includes or leaves out, or how it is
reckoned (``能耗（按标准煤折算）``), qualifies the metric; the metric is named without it. After a person (``申请人（含配偶）住房公积金账户余额``) the aside
says whose amount counts, and stays."""
_LONGER_UNIT = regex.compile(r"工作日|自然日|日历日|季度|年度|小时|星期")
"""``不超过1个工作日``: 个 counts a longer unit, a processing time, not a count of things."""
_CHANGED_TO = regex.compile(rf"(?:{CHANGE_VERBS})(?:至|到|为)|控制在")
"""A comparison word that only says a value was moved (提高到…以内): the words after the number say how."""
_FROM_OLD_VALUE = regex.compile(r"由(?:[\d.,零一二两三四五六七八九十百千万]+[^，。；\n]*)?$")
"""``单元建筑面积由180平方米（含）以内``(提高到200平方米): the old value is no part of the metric."""
_NO_LONGER_REQUIRED = rx(r"^(?:不再|无需|不需|不必|取消)", engine="re")
"""``不再要求使用自有资金还满一年``: a requirement lifted is no condition."""
_SUBJECT_HEAD = r"(?:项目|企业|单位|机构|人才|团队|主体|基地|园区|平台|载体)"
"""The head nouns of what a clause is about (the subject of its thresholds)."""
_PERSON_HEAD = r"(?:家庭|人员|个人|职工|居民|学校|院所)"
"""Heads of people and institutions, a subject only where the clause's grammar marks it (…的X)."""
_HOLDER_AFTER = regex.compile(rf"的(?P<noun>\p{{Han}}{{2,16}}?(?:{_SUBJECT_HEAD}|{_PERSON_HEAD}))(?=[，,。；;、）)\n]|$)")
"""``拥有2套及以上商品住房的本市户籍居民家庭``: the holder the comparison qualifies, after 的."""
_TREATED_AS = regex.compile(r"(?:按照?|视为|视同|折算为|折合)$")
"""Before 满, what a case is counted as (``按满1年补偿``), not a condition it must meet (whereas
``按不低于20%的比例录用`` is one)."""
_PAID_BY_APPLICANT = regex.compile(r"上缴|缴纳|缴费|缴存|交纳|缴交|(?:工作|任职|从业|服务|就业)(?:期限|年限)")
"""``全年上缴工会经费低于1万元``: money the applicant pays; ``工作期限不满6个月``: how long the person
worked. Both are conditions, not a cap on a grant or its term."""
_TIME_UNITS = frozenset({"年", "个月", "天", "小时", "周"})
_LONGEST = regex.compile(r"最长")
"""最长 before a length of time caps a period the programme allows (寿命期最长不超过25年), not a condition."""
_WINDOW_START = regex.compile(r"(?:应|须|需|应当|必须)在|在\p{Han}{1,16}?(?:后|之日起|起)")
_SENTENCE_END = regex.compile(r"[。；;\n]")
_FILING_VERB = regex.compile(r"提交|报送|申报|申请|提出|办理|备案")
_UNIT_ONLY = regex.compile(
    rf"(?:按照?)?(?:单个|每个|单家|每家|单项|每项|每)(?:{PEOPLE_COUNTING_VERBS})?[1一]?\p{{Han}}{{0,4}}?(?:{_SUBJECT_HEAD}|人|名)"
)
"""``单个项目不超过10万元``, ``按每招用1人不超过1500元``: an amount per unit with nothing measured caps a
grant (or is its rate), it is no condition."""
_UNIT_ONLY_AT_END = rx(rf"(?:^|(?<=\p{{Han}}))(?:{_UNIT_ONLY.pattern})$", engine="re")
"""The same at the end of the clause, after whom the cap is for: ``国家级园区管理机构单个项目`` (不超过100万元)."""
_LIMIT_NOUN = regex.compile(r"(?:额度|限额)$")
"""``贷款额度提高至80万元``: an amount named as a limit is what the programme allows, no condition."""
_CAP_WORD = rx(r"最高|最多", engine="re")
"""最高/最多 before an amount of money caps a grant (单家最高不超过90万元), it is not a condition."""
_MEASURE_NOUN = regex.compile(r"面积|规模|容量|功率|电量|能量|产能|排放|体积|长度|重量|数|量")
"""A metric that names a measured quantity (租赁面积, 并网规模, 年节能量), not a kind of holder."""
_PREPOSITION_LEAD = regex.compile(r"(?:现|另|并)?对于?(?![外口标接比象照])(?=\p{Han}{2})")
"""``对用电设备容量在160千瓦及以下的…``: the preposition that introduces the measured thing."""
_HAS_DIGIT = regex.compile(r"\d")
_OBJECT_VERB = rx(r"(?:缴纳|缴存|交纳|签订|签署|订立|参加|参保|聘用|招用|吸纳|带动)$", engine="re")
"""A metric that ends with a transitive verb (``按规定缴纳`` 6个月以上社会保险费) takes the object
written after the quantity: ``缴纳社会保险费``."""
_NOT_AN_OBJECT = regex.compile(r"的?(?:即|可|方|才|就(?!业)|均|需|须|应|能|将|予|给予|享受|申请|办理)")
_TIME_QUANTITY = regex.compile(r"(?:年|个月)(?:[（(]含[）)])?(?:以上|及以上|或以上|以内|之内)?(?:[（(]含[）)])?$")
_GRANT_NAMED_AFTER = rx(
    r"的(?:(?!给予|予以|可|按|将|享受|申请|获得|企业|单位|项目)\p{Han}){0,4}?(?:补贴|补助|奖励|资助|贴息|扶持资金)(?![对象标准期资])",
    engine="re",
)
"""A comparison that qualifies the grant named after it (``提供不高于1个百分点的利息补贴``)."""
_CONTRACT = regex.compile(r"的?(?P<contract>\p{Han}{0,6}(?:合同|协议))")
_SCOPE_LEAD = regex.compile(r"[^，。；、\n]{0,20}?范围内(?!的)(?=\p{Han}{2})")
"""``暂停向其销售本市五城区范围内``(建筑面积144平方米及以下): the scope, not what is measured."""
_OTHER_HOLDER_LEAD = regex.compile(
    r"[^，。；、\n]{1,20}?(?:项目|企业|单位|机构|主体|小区)(?:以及|和|及|与)(?!其)(?=\p{Han}{2})(?![^，。；、\n]*分别)"
)
"""``深远海海上风电项目和``(场址中心离岸距离大于等于50公里…项目): another holder joined to the one the
comparison qualifies, not part of the metric. Narrower than :data:`_SUBJECT_HEAD` on purpose: in
``中药材种植基地和道地药材种植基地面积`` the two 基地 are coordinated, both measured by 面积."""
_WINDOW_LEAD = regex.compile(
    r"[^，。；、\n]{0,12}?(?P<period>\p{Han}{2}之日(?:前|以前|起)[\d一二三四五六七八九十两]{1,2}(?:年|个月)(?:内|以内))(?=\p{Han}{2})"
)
"""``购房之日前2年内``(累计缴纳1年及以上): a look-back window; it becomes the period."""
_LONE_LEAD = regex.compile(r"对于?|但是?|凡|如|若|其中|对于其中|(?:能|可|应|须)?按照?|由|经")
"""A lead word with nothing after it before the comparison (``对超过400万元的…``, ``由至少2名工作人员``)."""
_EACH_PLACE_LEAD = rx(r"每个?\p{Han}{0,4}?(?:片区|区县|乡镇|街道|园区|县|区|市)(?=\p{Han}{2})", engine="re")
"""``每个片区试点一个以上…街区``: the place each count is asked of, not part of the metric."""
_MATERIALS = regex.compile(r"材料")
"""申请材料 / 申报材料 sections list documents to hand in; a count there describes a document."""
_DEFINITION_LEAD = regex.compile(
    r"[^，。；\n]{0,24}?(?:是指|系指)|(?:一般|主要)?指(?![标导定南出引挥数令])"
    r"|(?P<holder>[^，。；\n]{0,12}?对象)(?:为|是)|[^，。；\n]{0,12}?范围(?:为|是)"  # 疗休养对象为在本单位从事…满两年以上的职工
)
_TIME_LEAD = regex.compile(r"在[^，。；、\n]{1,10}?(?:之前|之后|以前|以后|以来|期间|前|后)(?=\p{Han})")
_AFTER_EVENT_LEAD = regex.compile(
    r"[^，。；、\n]{0,6}?(?:改造|实施|建成|投产|投运|竣工|验收|并网|完工|整改)后(?=\p{Han}{3})"
)
"""``本区改造后``(单位建筑面积能耗下降15%以上), ``实施后``(年节能量达到20吨标准煤): when the quantity is
measured, not what it measures."""
_BARE_AT_LEAD = regex.compile(r"在(?![职校岗册建读编库线途保贷营研售租住])(?=\p{Han}{2})")
"""``在``(重点监管资金余额不低于10%): a preposition left before the metric once no place or time
follows it (``在职职工``, ``在校生`` are words of their own)."""
_PLACE_LEAD = regex.compile(
    r"(?:已)?在(?:[^，。；、\n]{0,30}(?:企业|公司|单位|基地|园区|机构|辖区|境内|本市|我市|区|市|县|省|镇|内|中)"
    r"|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青桂蒙藏宁新港澳穗深蓉杭甬厦汉])(?=\p{Han}{2})"
)
"""``在天河区``, ``在基地入驻企业``, ``已在该企业``, ``在京``: where the predicate happens, not what it
measures."""
_QUALIFIED_PERSON = regex.compile(rf"的?(?P<noun>\p{{Han}}{{0,6}}?(?:{PERSON_NOUNS}))")
_HIRING_VERB = rx(rf"^\p{{Han}}{{0,8}}?(?:{HIRING_VERBS})", engine="re")
"""``企业吸纳登记失业半年以上人员``: the quantity qualifies the people hired, so the metric is what
follows the hiring verb (登记失业) and the people are the subject."""
_OPPOSITE = {">=": "<", ">": "<=", "<=": ">", "<": ">="}
_INCLUSIVE_AFTER = regex.compile(r"[ ]?[（(](?:含|包含|包括)(?:本数|\d+(?:\.\d+)?\p{Han}{0,3})?[）)]")
"""``超过50人（含50人）``: an aside after the quantity that includes the bound itself."""
_PART_AFTER = rx(r"的?部分", engine="re")
_EXCLUSIVE_AFTER = regex.compile(r"[ ]?[（(]不含(?:本数)?[）)]")
_EARLIER_PREDICATE = rx(r"[^，。；\n]{1,30}(?:并且|(?<![合兼吞])并(?![购表网])|且|但(?!书))(?=\p{Han}{2})", engine="re")
"""``依法登记注册并实际运营`` (满一年): the number measures the last predicate."""
_EARLIER_ALTERNATIVE = regex.compile(
    r"[^，。；\n]{0,30}?(?:以上|以下|不低于|不少于|不超过|超过|高于|低于)\p{Han}{0,6}?或(?=\p{Han}{2})"
)
"""``具有博士研究生以上学历或在区内企业工作`` (满4年): an alternative that states its own bound
before 或; the number measures the alternative after it."""


def _table() -> dict:
    return read_json("threshold", "operators.json")


def _count_units() -> list[str]:
    """Units a non-money quantity is counted in: the table's counts (件, 家, 年 …) and the physical
    measures the resolvers share (平方米, 千瓦, 吨标准煤 …)."""
    return _table()["count_units"] + list(MEASURE_UNITS)


_FOREIGN_MONEY = tuple(f"{scale}{currency}" for currency in ("美元", "港元", "欧元") for scale in ("亿", "万", ""))


@lru_cache(maxsize=1)
def _units() -> str:
    """The units a quantity is written in, as one alternation (longest first): money (yuan, and the
    foreign currencies a foreign-invested firm's capital is stated in: ``100万美元(含)至1000万美元``),
    percent, the table's counts and the shared physical measures."""
    return _alt(["万亿元", "亿元", "万元", "千元", "元", "%", "％"] + list(_FOREIGN_MONEY) + _count_units())


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """A quantity with its comparison words. Compiled with the standard ``re`` behind a lookahead on
    the characters a match can start with (a prefix's first character, a space, 为/是, a digit or a
    numeral), which lets the scan skip every other position at C speed: twice as fast as ``regex``.
    A unit's Latin alias, a tax aside or a bound aside may follow it in brackets (``300kW(kVA)以上``,
    ``单台设备5万元(含税)以上``, ``3次（不含本数）以上``), or an inclusion aside between the number and
    its unit (``10（不含）万元以下``). A 个 that measures a time (``2个半年度``, ``3个季度``) is no count."""
    table = _table()
    units = _units()
    starts = "".join(sorted({word[0] for word in table["prefix"]} | set(" 为是半零一二两三四五六七八九十百千万")))
    return re.compile(
        rf"(?=[\d{re.escape(starts)}])"
        rf"(?P<pre>{_alt(table['prefix'])})?[ ]?(?:(?<![行作认])为|是)?[ ]?"
        rf"(?P<num>{_NUMBER})[ ]?(?:[（(](?P<inner>不?含)[）)][ ]?)?(?P<unit>{units})(?!(?<=个)(?:半|季度|年度|工作日|自然日|小时|星期))(?:[（(](?:[A-Za-z]{{1,4}}|不?含[税费]|(?P<bound>不?含本数))[）)])?"
        rf"(?P<post>{_alt(table['suffix'])})?"
    )


@lru_cache(maxsize=1)
def _comparison_words() -> re.Pattern:
    """Any comparison word of the operator table (a prefix such as 不低于 or a suffix such as 以上):
    a quantity of :func:`_pattern` without one is passed over, so a line holding none is not read."""
    table = _table()
    return re.compile(_alt(list(table["prefix"]) + list(table["suffix"])))


def _past_item_markers(ctx: Context, pattern: re.Pattern, group: str,
                       needed: re.Pattern | None = None) -> Iterator[re.Match]:
    """``pattern``'s matches over the text, except that one whose ``group`` starts at a list marker run
    into its number (``1.60平方米以下``, see :func:`~policyparse.segment.markers.glued_item_markers`) is
    read again from where the number starts (``60平方米以下``).

    ``needed``: a test for what every match holds within its line (a range's 至 or dash, a comparison
    word); only the lines holding it are scanned (see :func:`~policyparse.resolvers.base.finditer_in_lines`)."""
    text, glued = ctx.text, ctx.glued_markers
    for m in finditer_in_lines(pattern, text, needed):
        if m.start(group) in glued:
            m = pattern.match(text, glued[m.start(group)])
            if m is None:
                continue
        yield m


def _clause_start(text: str, pos: int, ctx: Context | None = None) -> int:
    """Start of the clause that ends at ``pos``: back to a boundary mark, over whole bracketed
    asides (``专利（申请）实施率（包括自行实施、转让等）``), and never into a section marker."""
    floor = max(0, pos - 60)
    claimed = ctx.claims.last(floor, pos) if ctx is not None else -1
    i = pos - 1
    depth = 0
    while i >= floor:
        ch = text[i]
        if i == claimed:
            if depth == 0:
                return i + 1  # a date or 文号 inside an aside (（指4、5、6月…）) does not end the clause
            claimed = ctx.claims.last(floor, i)
        if ch in "）)〕］]】":
            depth += 1
        elif ch in "（(〔［[【":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and ch in _BOUNDARY:
            return i + 1
        i -= 1
    return floor


@lru_cache(maxsize=None)
def _longest_first(key: str) -> tuple[str, ...]:
    """A word list of the operator table, longest word first (so 近三年 wins over 三年)."""
    return tuple(sorted(_table()[key], key=len, reverse=True))


class _Narrowed(NamedTuple):
    """A metric's extent after :func:`_strip_fillers`, with what the words stepped over said."""

    start: int
    end: int
    period: str | None
    holder: str | None


def _strip_fillers(text: str, start: int, end: int, period: str | None, holder: str | None = None) -> _Narrowed:
    """Narrow ``[start, end)`` past filler words at both ends; a look-back window found at the
    left becomes the period, a person or body named before what it did becomes the holder."""
    periods, prefixes, suffixes = _words("periods"), _words("metric_prefix_fillers"), _words("metric_suffix_fillers")
    not_fillers = _words("metric_words_not_fillers")
    all_leads, any_needle = _leads()
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start].isspace():
            start, changed = start + 1, True
        while length := periods.prefix(text, start, end):
            period, start, changed = period or text[start:start + length], start + length, True
        # one prefix filler per round (或获得…: strip 或, then look again from the longest: 获得, not 获)
        if (length := prefixes.prefix(text, start, end, min_rest=2)) and not not_fillers.prefix(
                text, start, end):  # 并网规模: 并 begins a word here, it is no conjunction
            start, changed = start + length, True
        # no lead's words are in the clause: no lead can match
        leads = all_leads if any_needle.search(text, start, end) else ()
        for lead, needles, reads_past in leads:
            if not needles.search(text, start, end):
                continue  # the lead's own words are not in the clause: skip the regex
            m = lead.match(text, start, len(text) if reads_past else end)
            # 在全市企业中占比, 在本市的研发投入: the place is part of the metric
            if m and end - m.end() >= 2 and text[m.end()] not in "占的":
                start, changed = m.end(), True
                if "period" in lead.groupindex:
                    period = period or m.group("period")
                if "holder" in lead.groupindex:
                    holder = holder or m.group("holder")
        while (length := suffixes.suffix(text, start, end, min_rest=1)) and not not_fillers.suffix(
                text, start, end):  # 违法行为: 为 ends a word here, it is no copula
            end, changed = end - length, True
    return _Narrowed(start, end, period, holder)


@lru_cache(maxsize=1)
def _leads() -> tuple[tuple[tuple[regex.Pattern | re.Pattern, re.Pattern, bool], ...], re.Pattern]:
    """The leads :func:`_strip_fillers` steps over, in order: (pattern, the words one of which it
    cannot match without — compiled into a C-speed ``re`` test before the regex —, whether it may
    look past the metric's end); and one test for the words of them all. Only the joined-holder lead
    looks past the metric's end, to see a 分别 that makes both holders measured
    (``…机构和从业专利代理师分别不低于160家、600人``)."""
    leads = (
        (_holder_lead(), _table()["holders"] + _table()["person_holders"], False),
        (_DEFINITION_LEAD, ("指", "对象", "范围"), False),
        (_TIME_LEAD, ("在",), False),
        (_AFTER_EVENT_LEAD, ("后",), False),
        (_PLACE_LEAD, ("在",), False),
        (_BARE_AT_LEAD, ("在",), False),
        (_EARLIER_PREDICATE, ("并", "且", "但"), False),
        (_EARLIER_ALTERNATIVE, ("或",), False),
        (_PREPOSITION_LEAD, ("对",), False),
        (_EACH_PLACE_LEAD, ("每",), False),
        (_SCOPE_LEAD, ("范围内",), False),
        (_OTHER_HOLDER_LEAD, ("和", "及", "与"), True),
        (_WINDOW_LEAD, ("之日",), False),
    )
    every = {needle for _, needles, _ in leads for needle in needles}
    return (tuple((lead, re.compile(_alt(needles)), past) for lead, needles, past in leads),
            re.compile(_alt(every)))


@lru_cache(maxsize=None)
def _words(key: str) -> WordSet:
    """A word list of the operator table as a :class:`WordSet` (longest match first)."""
    return WordSet(_table()[key])


_PER_UNIT_AFTER = r"(?<=单位)(?:建筑|面积|能耗|产值|土地|增加值|GDP|产品|工业)"
"""单位 before what it is a unit of (``改造后单位建筑面积能耗``) means "per unit", not a holder."""


@lru_cache(maxsize=1)
def _holder_lead() -> regex.Pattern:
    """A holder named before its own possession, look-back window, modal or place (``企业拥有…``,
    ``申报单位上年度…``, ``在基地就业的申请人在…``), or pointed back to (``该港澳青年企业…``): the
    holder is the subject, not part of the metric."""
    table = _table()
    holders = _alt(table["holders"])
    after = rf"拥有|具有|持有|在(?![^，。；\n]*占)|应|须|需|必须|{_alt(table['periods'])}"
    people = _alt(table["holders"] + table["person_holders"])
    adverb = rf"{_alt(table['holder_adverbs'])}|\p{{Han}}{{2,5}}?前(?=\p{{Han}})"
    return compile_pattern(
        rf"(?:[^，。；、\n]{{0,24}}?的|\p{{Han}}{{0,6}}?)(?:申报|建设|承担)?(?:{holders})(?={after})"
        rf"|(?P<holder>(?!(?:已|曾)?在)\p{{Han}}{{0,10}}?(?:{people}))(?={adverb})"
        rf"|(?:该|其|本|上述)[^，。；、\n]{{0,10}}?(?:{holders})(?!{_PER_UNIT_AFTER})",
        engine="re",
    )


def _period_in(clause: str) -> str | None:
    """The longest look-back window (``periods`` of the operator table) written in ``clause``, if any."""
    mark = _period_mark()
    if mark and mark not in clause:
        return None  # a clause without the character every window holds holds none
    for p in _longest_first("periods"):
        if p in clause:
            return p
    return None


@lru_cache(maxsize=1)
def _period_mark() -> str:
    """A character every look-back window holds (年), or "" when they share none."""
    common = set.intersection(*(set(p) for p in _table()["periods"]))
    return min(common) if common else ""


class _Measured(NamedTuple):
    """What a quantity measures: the metric, the span from its first character, the look-back
    period and the holder the clause names before it (None when it names none)."""

    metric: str
    start: int
    end: int
    period: str | None
    holder: str | None = None


def _metric(ctx: Context, start: int, match_end: int, floor: int = 0, unit: str | None = None) -> _Measured:
    """The metric before the quantity at ``start`` (see :class:`_Measured`).

    The span runs from the metric's first character to the end of the quantity, or to the end
    of the noun after it when the metric is a verb completed by that noun. ``floor`` is where the
    previous threshold of the clause ended: a metric never reaches back over another threshold
    (``有效专利数量不少于100件或有效发明专利数量不少于50件`` → ``有效发明专利数量``), and the
    conjunction that joins the two (或, 及, 和 …) is not part of it. A quantity that only qualifies
    the noun after it measures that noun in the dimension of its ``unit`` (see :func:`_named_by_unit`)."""
    text = ctx.text
    c_start = _clause_start(text, start, ctx)
    if c_start < floor <= start:
        joiner = _JOINER.match(text, floor, start)
        c_start = joiner.end() if joiner else floor
    m_start, m_end, period, holder = _strip_fillers(text, c_start, start, None)
    aside = _TRAILING_PAREN.search(text, m_start, m_end)
    if aside and aside.start() > m_start:
        m_end = aside.start()
    metric = _without_qualifiers(text[m_start:m_end])
    old = _FROM_OLD_VALUE.search(metric) if "由" in metric else None
    if old and old.start() >= 2:
        metric = metric[:old.start()]
    if _LONE_LEAD.fullmatch(metric):  # 对超过400万元的政府采购工程: the preposition measures nothing
        metric, m_start = "", m_end
    joined = unit and metric.endswith(_JOINER_WORDS)
    attributive = _ATTRIBUTIVE_NOUN.match(text, match_end) if joined else None
    if attributive:  # 公共充电桩和60千瓦以上快充充电桩: the quantity qualifies the noun after it
        return _Measured(_named_by_unit(attributive.group("noun"), unit), start, attributive.end(),
                         period or _period_in(text[c_start:start]), holder)
    span_end = match_end
    qualified = _QUALIFIED_NOUN.match(text, match_end) if not metric else None
    if qualified:  # 400万元以下的工程采购项目: the noun after 的 is what the amount measures
        return _Measured(_named_by_unit(_rate_named_after(qualified.group("noun")), unit), start, qualified.end(),
                         period or _period_in(text[c_start:start]), holder)
    if not metric and c_start > floor and text[c_start - 1] in "，,":
        prev_start = max(_clause_start(text, c_start - 1, ctx), floor)
        if not _HAS_DIGIT.search(text, prev_start, c_start - 1):  # 积2分，满5年后: not the metric of 满5年
            m_start, m_end, period, holder = _strip_fillers(text, prev_start, c_start - 1, period, holder)
            metric = text[m_start:m_end]
    verb = _OBJECT_VERB.search(metric)
    possession = _POSSESSION.fullmatch(metric) if metric.endswith("有") else None
    if possession:  # 正常经营且有(不少于1名员工…): what is possessed comes after the quantity
        metric, m_start = possession.group("verb"), m_start + possession.start("verb")
    examples = metric.endswith("等") and not verb  # 语音劝导、…、自动监测警示等至少3个场景: the list names kinds of the noun
    if len(metric) <= 2 or verb or examples:
        noun = _COMPLETING_NOUN.match(text[match_end:match_end + 20])
        if noun and verb and _NOT_AN_OBJECT.match(noun.group()):
            noun = None  # 缴存6个月以上即可申请…: a modal and the next predicate, no object
        if noun:
            completed = _DOCUMENT_NOUN.sub("", noun.group()) if verb else noun.group()
            people = _PEOPLE_WHO.fullmatch(completed) if not metric or possession else None
            if people:  # 有不少于1名员工按规定缴纳社会保险费: the people who do it are counted
                metric = f"{people.group('doing')}的{people.group('people')}人数"
            elif metric and not verb and unit in ("年", "个月") and noun.group().startswith("的"):
                # 竣工满15年的早期商品房小区: how long since the event, of the holder named after 的
                named = _NOUN_BEFORE_PREDICATE.match(completed, 1).group("noun")
                metric = metric + ("年限" if unit == "年" else "时长")
                return _Measured(metric, m_start, match_end, period or _period_in(text[c_start:start]), holder or named)
            elif possession and possession.group("place"):  # 同一项目下有2个或以上权属方
                metric = f"{possession.group('place')}的{completed}数量"
            elif examples:
                metric, m_start = completed, start
            elif possession and possession.group("owner"):  # 同一违法行为有两名以上举报人
                metric, holder = _named_by_unit(completed, unit), holder or possession.group("owner")
            else:
                metric = _rate_named_after(metric + completed)
            span_end = match_end + noun.end()
            term = _CONTRACT.fullmatch(noun.group()) if verb and verb.group() in ("签订", "签署", "订立") else None
            if term and _TIME_QUANTITY.search(text, start, match_end):
                metric = term.group("contract") + "期限"  # 签订1年以上劳动合同: the contract's term is measured
    if metric in _BARE_SCORES:  # 区级考评等级：…总分在90分以上 → 区级考评总分
        metric = _scored_by_lead(text, m_start, metric)
    if unit == "次" and span_end == match_end:
        event = _counted_event(text, metric, m_start if metric else start, match_end)
        if event:
            return event._replace(period=event.period or period or _period_in(text[c_start:start]),
                                  holder=event.holder or holder)
    return _Measured(metric, m_start, span_end, period or _period_in(text[c_start:start]), holder)


_TIME_WINDOW = regex.compile(
    r"(?:近|最近|连续)?(?:半|[\d一二两三四五六七八九十]+个?)(?:会计年度|年度|年|月|季度)(?:内|以内|之内)?"
)
"""A look-back window written before a count of events (``半年内``, ``近三年``, ``一年内``)."""
_SCOPE_AT_END = regex.compile(r"在\p{Han}{1,8}?(?:内|中)$")
_HOLDER_CUT = regex.compile(r"[或和及与、\d]")


@lru_cache(maxsize=1)
def _event_verbs() -> tuple[regex.Pattern, regex.Pattern]:
    """The event verbs of the operator table: anywhere in a metric, and an event clause right after a count."""
    verbs = _alt(_table()["event_verbs"])
    return regex.compile(verbs), regex.compile(rf"(?P<event>(?:{verbs})\p{{Han}}{{1,12}}?)(?=的|[，,。；;）)\n]|$)")


def _counted_event(text: str, metric: str, m_start: int, match_end: int) -> _Measured | None:
    """What a count in 次 measures when it counts events (see ``event_verbs`` in the operator table):
    the event after the count when only a time window stands before it (``半年内2次及以上列入警示名单``),
    else the event the metric ends with (``物业企业在本区内被记分一次及以上`` → 被记分次数, held by 物业企业)."""
    in_metric, after_count = _event_verbs()
    window = _TIME_WINDOW.fullmatch(metric) if metric else None
    if not metric or window:
        event = after_count.match(text, match_end)
        if event is None:
            return None
        return _Measured(event.group("event") + "次数", m_start, event.end(), metric or None)
    verbs = list(in_metric.finditer(metric))
    if not verbs or verbs[-1].end() == len(metric):
        return None
    verb = verbs[-1].start()
    holder = _HOLDER_CUT.split(metric[:verb])[-1]
    holder = _SCOPE_AT_END.sub("", holder)
    period = _TIME_WINDOW.search(holder)
    if period and period.end() == len(holder):
        holder = holder[:period.start()]
    return _Measured(metric[verb:] + "次数", m_start + verb, match_end, period.group() if period else None,
                     holder if len(holder) >= 2 else None)


_NOUN_BEFORE_PREDICATE = regex.compile(r"(?P<noun>.+?)(?:(?:可|应|须|需|均|将|即|能|方|才|给予|享受|申请|办理).*)?$")
"""A noun phrase up to the predicate that may follow it (``企业可申报`` → ``企业``)."""
_JOINER_WORDS = ("和", "及", "与", "或")
_ATTRIBUTIVE_NOUN = regex.compile(r"(?!的|以|及|或)(?P<noun>\p{Han}{2,12}?)(?=占|的|应|须|需|必须|可|均|将|要|[，,。；;、）)\n]|$)")


def _named_by_unit(noun: str, unit: str | None) -> str:
    """A noun a quantity qualifies, named as what the quantity measures of it: the dimension of a
    physical or money unit is added unless the noun ends with it (``快充充电桩`` in 千瓦 →
    ``快充充电桩功率``, ``商业建筑`` in 平方米 → ``商业建筑面积``); other units leave it as it is."""
    dimension = _table()["unit_dimensions"].get(unit or "")
    if not dimension or noun.endswith(dimension) or _NOT_A_METRIC.search(noun):
        return noun  # 超过800千瓦的部分: a part, not a metric, stays as it is and is dropped
    return noun + dimension


_SHARE_IN = regex.compile(r"^(?P<part>.{2,}?)在(?P<whole>.{2,}?)中的?(?P<word>比重|比例|占比)$")


def _share_named(metric: str) -> str:
    """``服务业营业收入在企业总营业收入中的比重`` → ``服务业营业收入占企业总营业收入的比重``: a share
    written with 在…中 is named the way every other share is (A占B的比例)."""
    m = _SHARE_IN.match(metric) if "在" in metric else None
    if not m:
        return metric
    word = "比例" if m.group("word") == "占比" else m.group("word")  # 在全市企业中占比 → 占全市企业的比例
    return f"{m.group('part')}占{m.group('whole')}的{word}"


def _without_qualifiers(metric: str) -> str:
    """The metric without the asides that say what it includes or how it is reckoned (see
    :data:`_QUALIFIER_ASIDE`)."""
    bare = _QUALIFIER_ASIDE.sub("", metric) if "含" in metric or "包括" in metric or "按" in metric else metric
    return bare if len(bare) >= 2 else metric


def _rate_named_after(metric: str) -> str:
    """``（按不低于20%）的比例录用见习人员``: a rate named after its percentage is the rate of the
    action that follows, ``录用见习人员比例``."""
    bare = metric.removeprefix("的")
    if bare.startswith("比例") and len(bare) >= 4:
        return bare[2:] + "比例"
    return metric


@lru_cache(maxsize=4096)
def _value(num: str, unit: str) -> tuple[Decimal, str] | None:
    """The normalized value and unit of a quantity (cached: notices repeat their quantities), or
    None when its number cannot be read: the scans then pass the quantity over."""
    try:
        if unit in ("%", "％"):
            return parse_percent(num + "%"), "%"
        if unit.endswith("元"):
            money = parse_money(num + unit)
            return Decimal(money["amount"]), money["currency"]
        return parse_number(num), unit
    except (ValueError, KeyError, ArithmeticError):
        return None


def _subject(ctx: Context, offset: int) -> str | None:
    """The applicant type of the conditions section holding ``offset``: named in its title or an
    ancestor's (``企业应具备以下条件``), or in the lead of its body before ``offset``."""
    memo = ctx.memo.setdefault("threshold.section_subject", {})
    section = ctx.section(ctx.section_id(offset))
    while section is not None:
        if section.id not in memo:
            title = _SUBJECT_TITLE.match(section.title)
            lead = _SUBJECT_LEAD.search(ctx.text, section.span[0], min(section.span[1], section.span[0] + 80))
            memo[section.id] = (title.group("subject") if title else None,
                                (lead.start(), lead.group("subject")) if lead else None)
        title_subject, lead = memo[section.id]
        if title_subject:
            return title_subject
        if lead and lead[0] < offset:
            return lead[1]
        section = ctx.section(section.parent)
    return None


_SUBJECT_AFTER = rx(
    rf"[^，,。；;\n]{{0,40}}?的(?P<subject>[^，,。；;\n的]{{1,20}}?{_SUBJECT_HEAD})(?=[，,。；;、为\n]|$)",
    engine="re",
)
"""``…亩均投资强度不低于200万元的工业类、现代服务业类项目为重大产业项目``: the holder the clause qualifies."""
_PROPERTY_HEAD = r"(?:住房|房屋|商品房|住宅|用地|宗地)"
"""Heads of the property a housing or land measure is about (``对个人购买家庭第二套改善性住房，面积为…``)."""
_THING_HEAD = r"(?:系统|设施|建筑|楼宇|工程|设备|产品|电站|基地)"
"""Heads of the installations a technical measure is about (``对…的渔光互补光伏系统，装机容量在400KW及以上的``)."""
_SUBJECT_BEFORE = rx(
    rf"对(?!象)于?(?P<subject>(?:[^，,。；;\n对（）()]|[（(][^（）()\n]*[）)]){{2,36}}?(?:{_SUBJECT_HEAD}(?=[（(，,]|\p{{Han}})|{_PROPERTY_HEAD}(?=[（(，,])|{_THING_HEAD}(?=[，,])))",
    engine="re",
)
"""``对特色农业类项目，固定资产投资1000万元及以上…``: the holder 对 introduces in the same sentence,
whose later tiers (after ；) it still governs."""
_TOPIC_LEAD = regex.compile(r"(?:[（(]?[\d一二三四五六七八九十]+[）)、.．]\s*)?(?:本\p{Han}{1,4}?所称)?")
_TOPIC_HEAD = regex.compile(rf"(?:{_SUBJECT_HEAD}|{_THING_HEAD})$")
_NOT_A_TOPIC = regex.compile(r"应|须|需|为|是|可|将|要|鼓励|支持|给予|按|对|[：:（）()]")
"""A sentence opens with the holder as its topic when its first clause is a noun phrase ending in a
holder or installation (``企业投资新建光伏发电项目，装机容量在400KW及以上的，…``); a clause with a
modal or a granting verb (``建设主体应为区内注册的企业，``) is a predicate, not a topic."""


def _topic(text: str, start: int) -> str | None:
    """The holder the sentence (back to 。；or a line break) before ``start`` opens with, if any
    (see :data:`_NOT_A_TOPIC`)."""
    opening = max(text.rfind("。", 0, start), text.rfind("；", 0, start), text.rfind(";", 0, start),
                  text.rfind("\n", 0, start)) + 1
    comma = min((i for i in (text.find("，", opening, start), text.find(",", opening, start)) if i >= 0), default=-1)
    if comma < 0:
        return None
    head = _TOPIC_LEAD.match(text, opening, comma).end()
    topic = text[head:comma]
    if not 2 < len(topic) <= 32 or not _TOPIC_HEAD.search(topic) or _NOT_A_TOPIC.search(topic):
        return None
    return topic


def _clause_subject(text: str, start: int, end: int) -> str | None:
    """The holder a threshold's own sentence names: the noun its relative clause qualifies
    (``…的X项目``), else the one 对 introduces before it (``对X项目，…``), else the holder the
    sentence opens with as its topic (``X项目，…``)."""
    after = _SUBJECT_AFTER.match(text, end)
    if after:
        return after.group("subject")
    sentence = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    before = None
    if text.find("对", sentence, start) >= 0:
        for before in _SUBJECT_BEFORE.finditer(text, sentence, start):
            pass
    if before:
        return before.group("subject")
    return _topic(text, start)


def _taken(ctx: Context, taken: list[Fact], start: int, end: int) -> bool:
    """Whether the quantity at ``[start, end)`` belongs to another construct (a 文号, a date, a
    phone …) or was read by an earlier threshold scan (``taken``)."""
    return ctx.claims.overlaps(start, end) or _inside(taken, start)


def _inside(facts: list[Fact], pos: int) -> bool:
    """Whether ``pos`` lies inside the span of one of ``facts`` (a quantity another scan took)."""
    return any(f.span[0] <= pos < f.span[1] for f in facts)


def _threshold_fact(ctx: Context, metric: str, op: str, value, unit: str | None, span: tuple[int, int],
                    comparison: tuple[int, int], rule: str, *, holder: str | None = None,
                    period: str | None = None) -> Fact:
    """One threshold at ``text[span]`` whose comparison (number and words) is ``comparison``. The
    subject is the holder the construction names, else the one its own sentence names, else the
    applicant type of its conditions section; the kind comes from the sections and the clause."""
    text = ctx.text
    threshold = {"metric": metric, "op": op, "value": value, "unit": unit}
    subject = holder or _clause_subject(text, *comparison) or _subject(ctx, comparison[0])
    if subject:
        threshold["subject"] = subject
    if period:
        threshold["period"] = period
    kind = _kind(ctx, comparison[0], text[span[0]:comparison[1]])
    return ctx.fact(NAME, "threshold", threshold, *span, rule=rule, **({"kind": kind} if kind else {}))


def _kind(ctx: Context, offset: int, clause: str) -> str | None:
    """``kpi`` or ``eligibility`` for a comparison at ``offset`` in ``clause``: by its section's
    headings, else by the clause's words (see :func:`_clause_kind`)."""
    return _section_kind(ctx, offset) or _clause_kind(clause)


def _clause_kind(clause: str) -> str | None:
    """The kind a clause's own words give: a look-back window (近三年, 上年度) measures the applicant's
    past, a target word (新增, 力争 …) a goal."""
    if _period_in(clause):
        return "eligibility"
    if _KPI_CUE.search(clause):
        return "kpi"
    return None


class _SectionRoles(NamedTuple):
    """What the headings of a section and its ancestors say of the numbers in it."""

    kind: str | None
    """``kpi`` under a target heading, else ``eligibility`` under a conditions heading, else None."""
    conditions: bool
    """Under a conditions heading (申报条件 …; 总体要求 is none)."""
    materials: bool
    """Under a materials heading (申请材料 …)."""


def _section_roles(ctx: Context, offset: int) -> _SectionRoles:
    """The :class:`_SectionRoles` of the section holding ``offset``, read once per section (a function
    of its headings, :func:`~policyparse.extractors.roles.section_titles`)."""
    memo = ctx.memo.setdefault("threshold.section_roles", {})
    section_id = ctx.section_id(offset)
    roles = memo.get(section_id)
    if roles is None:
        titles = section_titles(ctx, offset)
        conditions = ELIGIBILITY_SECTION.search(_GENERAL_REQUIREMENTS.sub("", titles)) is not None
        kind = "kpi" if TARGET_SECTION.search(titles) else "eligibility" if conditions else None
        roles = memo[section_id] = _SectionRoles(kind, conditions, _MATERIALS.search(titles) is not None)
    return roles


def _section_kind(ctx: Context, offset: int) -> str | None:
    return _section_roles(ctx, offset).kind


class _Previous(NamedTuple):
    """The threshold the scan read last, for the one after it in the same clause."""

    end: int
    metric: str
    subject: str | None
    unit: str


def extract(ctx: Context) -> list[Fact]:
    text = ctx.text
    table = _table()
    facts = []
    held = _holder_thresholds(ctx)
    held += _share_thresholds(ctx, held)
    held += _unitless_thresholds(ctx, held)
    held += _range_thresholds(ctx, held)
    held += _count_conditions(ctx, held)
    held += _bound_noun_thresholds(ctx, held)
    held += _since_event_thresholds(ctx, held)
    held += _grade_thresholds(ctx, held)
    held += _rank_thresholds(ctx, held)
    held += _held_for_thresholds(ctx, held)
    held += _homes_owned_thresholds(ctx, held)
    held += _children_thresholds(ctx, held)
    held += _sign_thresholds(ctx, held)
    held += _multiple_thresholds(ctx, held)
    held += _fraction_thresholds(ctx, held)
    held_ends = sorted(f.span[1] for f in held)
    previous = _Previous(0, "", None, "")
    for m in _past_item_markers(ctx, _pattern(), "num", _comparison_words()):
        pre, post = m.group("pre"), m.group("post")
        if not pre and not post:
            continue
        if _taken(ctx, held, m.start("num"), m.end("unit")):
            continue
        if text[m.start() - 1:m.start()] == "每" or text[m.start("num") - 1:m.start("num")] == "第":
            continue  # 每满1年积2分 is a rate; 第24条以上 an ordinal, not a quantity
        if pre == "满" and _TREATED_AS.search(text, max(0, m.start() - 3), m.start()):
            continue  # 满6个月不满1年的，按满1年补偿: how a case is counted, not a condition
        if pre == "满" and text[m.start() - 1:m.start()] == "期":
            continue  # 奖励期满5年，奖励结束: a term running out (期满), not a condition
        if text.startswith("的", m.end()) and _GRANT_NAMED_AFTER.match(text, m.end()):
            continue  # 提供不高于1个百分点的利息补贴: the size of a grant, not a condition
        if _PART_AFTER.match(text, m.end()):
            continue  # 按照超过15%部分税负差额给予奖励: the part above a bound is what is paid on, no condition
        if m.group("unit") == "个" and _LONGER_UNIT.match(text, m.end("unit")):
            continue  # 不超过1个工作日: a processing time
        if m.group("unit") == "分" and text.startswith("之", m.end("unit")):
            continue  # 三分之一: a fraction (see _fraction_thresholds), not 3 points
        op = table["suffix"][post] if post else table["prefix"][pre]
        if pre and post and table["prefix"][pre] != table["suffix"][post]:
            # 不低于15%以上: the stricter reading of the prefix; 提高到200平方米以内: a new limit, read by its suffix
            op = table["suffix"][post] if _CHANGED_TO.fullmatch(pre) else table["prefix"][pre]
        quantity = _value(m.group("num"), m.group("unit"))
        if quantity is None:
            continue
        value, unit = quantity
        floor = max(previous.end, _last_end_before(held_ends, m.start()))  # never reach back over a threshold
        metric, start, end, period, holder = _metric(ctx, m.start(), m.end(), floor, m.group("unit"))
        variant = _bracketed_variant(text, previous, m.start(), unit)
        if variant:  # 比例在5%以上（软件…企业为10%以上）: the same metric, for the holder the aside names
            metric, start, holder = previous.metric, variant.start("holder"), variant.group("holder")
        elif metric in _CAP_ONLY and text[start - 1:start] in "（(":
            outer = _metric(ctx, start - 1, m.end(), floor)  # 实际租赁面积（最高不超过1000平方米）
            lead = _OUTER_LEAD.match(outer.metric)
            metric, start, period, holder = outer.metric[lead.end():], outer.start + lead.end(), outer.period, outer.holder
        if len(metric) <= 2 and text.startswith("的", m.end()):
            metric = _tier_metric(ctx, m.start(), metric)  # ；6个月以下的，…: a later tier of a tier list
        if not metric and (header := _column_header(text, m.start(), m.end())):
            metric = header  # a table cell 90分及以上 under the column header 评价得分
        if not metric and (scale := _grade_band(text, m.start(), m.end(), m.group("unit"))):
            metric, start = scale, m.start()  # 不达标（59分及以下）: the band of a grade on the sentence's scale
        if not metric and (dimension := _item_dimension(ctx, m.start(), m.group("unit"))):
            metric, start = dimension, m.start()  # …按面积收取：\n1.60平方米以下的: the list's lead names it
        if op in (">", "<") and _INCLUSIVE_AFTER.match(text, m.end()):
            op += "="  # 超过50人（含50人）: the aside includes the bound
        elif post and op in (">=", "<=") and _EXCLUSIVE_AFTER.match(text, m.end()):
            op = op[0]  # 10万元以下（不含）: the aside leaves the bound out
        if post and (aside := m.group("bound") or m.group("inner")):
            # 3次（不含本数）以上, 10（不含）万元以下: the aside between says whether the bound is in
            op = op.rstrip("=") if aside.startswith("不") else op if op.endswith("=") else op + "="
        # 奖励金额在1万元以下的企业不安排: the comparison names who is left out, so the condition is its
        # opposite (奖励金额 > 1万元), even when it measures a benefit
        excluded = EXCLUSION_AFTER.match(text, m.end()) is not None
        if excluded:
            op = _OPPOSITE[op]
        changed = pre is not None and _CHANGED_TO.fullmatch(pre) and previous.end == m.start()  # 由A以内提高到B以内
        same_dimension = previous.unit == unit or {previous.unit, unit} <= _TIME_UNITS
        if not metric and previous.metric and same_dimension and (
                changed or previous.end == m.start() or _JOINER.fullmatch(text, previous.end, m.start())):
            # 不低于10千瓦且不高于800千瓦, 工作期限满6个月不满1年: one metric
            metric, start, holder = previous.metric, m.start(), previous.subject
        if unit in table["age_units"]:
            metric, start, end, holder = _age(text, start, m.start(), m.end())
            if start == m.start() and previous.metric == "年龄" and _JOINER.fullmatch(text, previous.end, m.start()):
                holder = previous.subject  # 年龄应在18周岁以上，35周岁以下: the same person
        elif end == m.end() and (qualified := _qualified_holder(text, metric, end)) and _is_metric(metric):
            holder = holder or qualified
        elif op in ("<=", "<") and _grant_qualified().match(text, m.end()):
            continue  # 年限不超过8年的股权投资支持: a bound on the grant named after it, not on the applicant
        elif not (_is_metric(metric) if excluded else _is_condition(text, metric, op, unit, m.start(), m.start("num"))):
            continue
        metric = _share_named(_complete_metric(text, metric, start, pre, unit, previous))
        if holder is None and end > m.end():  # the metric was completed by the noun after the quantity
            after = _HOLDER_AFTER.match(text, end)
            holder = after.group("noun") if after else None
        hired = _hired(text, metric, m.end()) if text.startswith(metric, start) else None
        if hired:
            cut, holder = hired
            metric, start = metric[cut:], start + cut
        threshold = {"metric": metric, "op": op, "value": value, "unit": unit}
        subject = holder or _clause_subject(text, m.start(), m.end()) or _subject(ctx, m.start())
        if subject:
            threshold["subject"] = subject
        if period:
            threshold["period"] = period
        # the clause is cut only when the headings leave the kind open
        kind = _section_kind(ctx, m.start()) or _clause_kind(text[min(start, _clause_start(text, m.start())):m.end()])
        extras = {"kind": kind} if kind else {}
        rule = f"{pre or ''}N{m.group('unit')}{post or ''}" + (":excluded" if excluded else "")
        first = ctx.fact(NAME, "threshold", threshold, start, end, rule=rule, **extras)
        more = _respectively(ctx, m.end(), start, threshold, rule, extras)
        facts.extend(_distribute(ctx, [first] + more))
        previous = _Previous(max([end] + [f.span[1] for f in more]), metric, threshold.get("subject"), unit)
    return sorted(facts + held, key=lambda f: f.span)


_VARIANT_ASIDE = regex.compile(
    rf"[ ]?[（(](?:其中[，,]?)?(?P<holder>[^，,。；;：:（）()\n]{{0,38}}?(?:{_SUBJECT_HEAD}|地区|区县|县|乡镇))(?:(?:应|须)?(?:为|是))?[ ]?"
)
"""The opening of an aside that gives the previous threshold another value for a kind of holder
(``（…等服务业企业为10%以上）``, ``（其中山区县为50万元）``): the holder must be a body or a place, so
``（其中研发人员为10人以上）``, a part counted within the whole, is not one."""
_CAP_ONLY = frozenset(lead + cap for lead in ("", "原则上", "一般") for cap in ("最高", "最多", "最长"))
"""What a bracket says before a cap that measures the metric outside it (``面积（最高不超过1000平方米）``)."""
_OUTER_LEAD = regex.compile(r"(?:以|按照?|依照?)?")


def _bracketed_variant(text: str, previous: _Previous, pos: int, unit: str) -> regex.Match | None:
    """The aside right after a threshold that gives another value for some holders
    (``年度研发费用占销售收入比例在5%以上（软件和信息服务…等服务业企业为10%以上）``): the match of
    the aside's opening up to ``pos``, whose ``holder`` group names who the value is for; None when
    the quantity at ``pos`` is not such a variant of the previous threshold."""
    if not previous.metric or previous.unit != unit or text[previous.end:previous.end + 1] not in "（( ":
        return None
    aside = _VARIANT_ASIDE.fullmatch(text, previous.end, pos)
    return aside if aside and (aside.group().rstrip().endswith(("为", "是")) or text[pos] in "为是") else None


_TABLE_HEADER = regex.compile(r"[\p{Han}A-Za-z（）()]{2,10}")
"""A column header of a table flattened one cell per line (``评价得分``): a short name, no digit."""
_TABLE_CELL = regex.compile(r"[^，。；;：:\n]{0,14}\d[^，。；;：:\n]{0,14}")
"""Another value cell of the same column (``80分及以上``, ``0.4``): short, with a digit."""


def _column_header(text: str, start: int, end: int) -> str | None:
    """The column header above a comparison that fills a line of its own, the cell of a table
    flattened one cell per line (``评价得分`` / ``90分及以上`` / ``80分及以上``): the first line above
    that is no value cell, when it is a short name; None when the comparison shares its line."""
    if (start and text[start - 1] != "\n") or text[end:end + 1] not in ("\n", ""):
        return None
    for line_start, line_end in _lines_above(text, start):
        if not _TABLE_CELL.fullmatch(text, line_start, line_end):
            header = _TABLE_HEADER.fullmatch(text, line_start, line_end)
            return header.group() if header else None
    return None


def _lines_above(text: str, line_start: int, limit: int = 8) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines above the line that starts at ``line_start``, nearest first, at most ``limit``."""
    end = line_start - 1
    for _ in range(limit):
        if end <= 0:
            return
        start = text.rfind("\n", 0, end) + 1
        yield start, end
        end = start - 1


_BARE_SCORES = frozenset({"总分", "得分", "总得分", "分数", "评分", "分值"})
"""Score names that say nothing of which evaluation gave the score."""
_RUN_IN_LEAD = regex.compile(r"(?P<lead>\p{Han}{2,10}?)(?:等级|结果|标准|办法|情况)?[：:]")


def _scored_by_lead(text: str, start: int, metric: str) -> str:
    """A bare score named after the evaluation its paragraph's run-in lead names: two grading
    paragraphs ``街镇考评等级：…总分在90分以上…`` and ``区级考评等级：…总分在90分以上…`` give
    ``街镇考评总分`` and ``区级考评总分``, not one ``总分`` twice."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = _RUN_IN_LEAD.match(text, line_start, start)
    return lead.group("lead") + metric if lead else metric


_BAND_OPEN = regex.compile(r"\p{Han}{2,6}[（(]$")
_BAND_CLOSE = regex.compile(r"[ ]?[）)](?:[、，,；;。]|[四五六七八九三两]个等级)")
_SCALE = regex.compile(r"(?:根据|依据|按照|按|以|由)?(?P<scale>\p{Han}{0,4}?(?:分值|得分|分数|评分|总分|积分|成绩))")


def _grade_band(text: str, start: int, end: int, unit: str) -> str | None:
    """The scale a grade's band of points is on, when the quantity at ``[start, end)`` is that band,
    bracketed after the grade's name in a list of grades (``考核等级分为优秀（86～100分）、达标（71～85分）、
    …不达标（59分及以下）`` → 考核分值): the last score noun of the sentence before the band; None when the
    quantity is no such band or the sentence names no scale."""
    if unit != "分" or not _BAND_OPEN.search(text, max(0, start - 8), start) or not _BAND_CLOSE.match(text, end):
        return None
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 120), start)), default=max(0, start - 120))
    scales = [m.group("scale") for m in _SCALE.finditer(text, opening, start)]
    return scales[-1] if scales else None


_LEAD_LINE_END = regex.compile(r"[：:][ \t]*$")


def _item_dimension(ctx: Context, pos: int, unit: str) -> str | None:
    """What a quantity that opens a list item measures when the item names nothing
    (``餐饮熟食店…按面积收取：\n1.60平方米以下（含60平方米）的，不予收取``): the dimension of its unit
    (平方米 → 面积) when the list's lead line, the nearest line above ending in a colon, names it."""
    text = ctx.text
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip() and not (ctx.claims.last(line_start, pos) == pos - 1):
        return None  # the quantity does not open its line (after the item's marker)
    dimension = _table()["unit_dimensions"].get(unit)
    if not dimension:
        return None
    for start, end in _lines_above(text, line_start):
        if _LEAD_LINE_END.search(text, start, end):
            return dimension if dimension in text[start:end] else None
    return None


def _last_end_before(ends: list[int], pos: int) -> int:
    """The last of the sorted ``ends`` at or before ``pos`` (0 if none)."""
    i = bisect.bisect_right(ends, pos)
    return ends[i - 1] if i else 0


_TIER_BREAK = regex.compile(r"[；;]")
_FULL_STOP = regex.compile(r"[。\n]")


def _next_tier_starts(text: str, m: regex.Match, unit_word: str) -> bool:
    """Whether a tier ``A至B的`` leaves B to the next tier: its low end alone is marked included
    (``下降5%(含)至10%的``), or a later tier of the sentence starts at B (``10万元至20万元的…；
    20万元及以上的…``)."""
    if m.group("lo_in") or m.group("lo_aside") == "含":
        return True
    end = _FULL_STOP.search(text, m.end())  # the tiers run on over ；
    later = text[m.end():end.start() if end else len(text)]
    hi = regex.escape(m.group("hi"))
    return regex.search(rf"(?<![\d.]){hi}[ ]?(?:{regex.escape(unit_word)})?(?:[（(]含[）)]|及以上|以上)", later) is not None


def _tier_metric(ctx: Context, pos: int, own: str) -> str:
    """The metric of a tier at ``pos`` whose own words (``own``) leave it out or only repeat its last
    word: ``对去化周期在36个月以上的，应停止供地；18-36个月的，…；6个月以下的，…`` and ``单位建筑面积
    能耗下降5%(含)至10%的，…;下降10%(含)至15%的，…`` take the metric of the sentence's first tier,
    when the tier at ``pos`` opens its own ；-separated part of it; else ``own``."""
    text = ctx.text
    sentence = max(text.rfind(c, 0, pos) for c in "。\n") + 1
    part = max(text.rfind(c, sentence, pos) for c in "；;，,") + 1
    if part <= sentence or not _TIER_BREAK.search(text, sentence, pos):
        return own
    firsts = [m for p in (_range_pattern(), _pattern()) for m in p.finditer(text, sentence, part)
              if text.startswith("的", m.end())]
    for m in sorted(firsts, key=lambda m: m.start()):
        metric = _metric(ctx, m.start(), m.end()).metric
        if _is_metric(metric) and metric != own and metric.endswith(own):
            return metric
    return own


def _hired(text: str, metric: str, quantity_end: int) -> tuple[int, str] | None:
    """(where the metric starts after the hiring verb, the people hired) when the quantity
    qualifies the people a clause hires (``吸纳登记失业半年以上人员``), else None."""
    verb = _HIRING_VERB.match(metric)
    people = _QUALIFIED_PERSON.match(text, quantity_end) if verb else None
    if people is None or len(metric) - verb.end() < 2:
        return None
    return verb.end(), people.group("noun")


_AGE_HOLDER = regex.compile(r"(?P<holder>\p{Han}{1,12}?(?:人|者|员|青年|人才))(?:的)?年龄$")


def _age(text: str, metric_start: int, number_start: int, number_end: int) -> tuple[str, int, int, str | None]:
    """An age (周岁/岁) is compared on 年龄 whatever the clause calls it; the span starts at 年龄
    when the clause writes it (``年龄一般不超过55周岁``), else at the quantity (``是指45周岁以下``).
    The person named right before 年龄 (``申请入住人年龄应在18周岁以上``) is the subject."""
    at = text.find("年龄", metric_start, number_start)
    if at < 0:
        return "年龄", number_start, number_end, None
    holder = _AGE_HOLDER.search(text, _clause_start(text, at), at + 2)
    return "年龄", at, number_end, holder.group("holder") if holder else None


def _sentence_before(text: str, pos: int) -> str:
    """The sentence up to ``pos`` (back to 。；or a line break, at most 60 characters)."""
    floor = max(0, pos - 60)
    cut = max(text.rfind("。", floor, pos), text.rfind("；", floor, pos), text.rfind(";", floor, pos),
              text.rfind("\n", floor, pos))
    return text[max(floor, cut + 1):pos]


def _is_metric(metric: str) -> bool:
    """Whether a clause can name what is measured (not a quota's or an N-of-M rule's wording, not a
    hedge alone: ``在建设期内(一般不超过5年)`` names no measure of its own)."""
    return len(metric) >= 2 and not _NOT_A_METRIC.search(metric) and metric not in _fillers()


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    """Words that pad a metric (一般, 原则上, 累计 …) and name nothing alone."""
    table = _table()
    return frozenset(table["metric_prefix_fillers"]) | frozenset(table["metric_suffix_fillers"])


@lru_cache(maxsize=1)
def _granted_object() -> regex.Pattern:
    """A quantity that is the object of a granting verb (``给予…或最高200平方米人才公寓``): the size of
    the benefit, not a condition."""
    return regex.compile(rf"(?:{_alt(_table()['grant_verbs'])})[^，,。；;]{{0,16}}?(?:最高|最多|不超过)?[ ]?$")


@lru_cache(maxsize=1)
def _grant_qualified() -> regex.Pattern:
    """A grant named after 的 (``年限不超过8年的股权投资支持``, ``不超过3年的场租补贴``)."""
    return regex.compile(rf"[ ]?的\p{{Han}}{{0,10}}?(?:{_alt(_table()['grant_words'])})(?=[，,。；;、）)\n]|$)")


def _is_condition(text: str, metric: str, op: str, unit: str, start: int, number: int,
                  *, grants_only: bool = False) -> bool:
    """Whether a comparison whose words start at ``start`` (its number at ``number``) states a
    condition or target: not a non-metric (a quota, an N-of-M rule), not a standard changed from one
    value to another (``由2400元提高至2800元``), not a grant capped with 最高/最多
    (``单家最高不超过90万元``) and not any other cap on what the programme grants (``grants_only``: see
    :func:`_is_benefit`). A cap in a physical measure on what is subsidized (``补贴面积不超过500平方米``)
    stays: no money, duration or quota fact holds it, and it decides what an applicant can get; not
    so the size of a benefit in kind, granted (``给予…或最高200平方米人才公寓``) or allotted to a kind
    of person (``杰出专家最高200平方米``)."""
    if not _is_metric(metric) or _NO_LONGER_REQUIRED.match(metric):
        return False
    if _STANDARD_CHANGE.search(text, max(0, start - 24), number):
        return False
    if unit == "CNY" and (_CAP_WORD.search(text, max(0, start - 2), number) or _UNIT_ONLY_AT_END.search(metric)
                          or _LIMIT_NOUN.search(metric)
                          or _CAP_WORD.search(metric)):  # 个人最高贷款额度可提高至60万元: a cap, raised
        return False
    if unit in _TIME_UNITS and (_LONGEST.search(text, max(0, start - 2), number) or _filing_window(text, start, number)):
        return False
    if unit in MEASURE_UNITS:
        allotted = _CAP_WORD.search(text, max(0, start - 2), number) and not _MEASURE_NOUN.search(metric)
        return not (allotted or _granted_object().search(text, _clause_start(text, start), number))
    return not _is_benefit(metric, op, _sentence_before(text, start), grants_only=grants_only)


_HOLDER_QUALIFIED = regex.compile(rf"的(?P<noun>\p{{Han}}{{0,8}}?(?:{_SUBJECT_HEAD}|{_PERSON_HEAD}|小区|社区|村))(?=[，,。；;、）)\n]|$)")


def _qualified_holder(text: str, metric: str, end: int) -> str | None:
    """``单次激励资金低于2万元的小区，根据街道申请…``: a comparison on a grant that qualifies a holder
    named after 的 picks out whom a rule is for; it does not cap the grant, so it is a condition on
    that holder (returned), not a money bound."""
    if not any(w in metric for w in _table()["grant_words"]):
        return None
    qualified = _HOLDER_QUALIFIED.match(text, end)
    return qualified.group("noun") if qualified else None


def _same_sentence(text: str, start: int, end: int) -> bool:
    """Whether no sentence break lies between ``start`` and ``end``."""
    return _SENTENCE_END.search(text, start, end) is None


def _filing_window(text: str, start: int, number: int) -> bool:
    """``应在项目并网投产后一年以内，向…提交申请``: the time allowed to file after an event is a
    deadline (a duration), not a condition on the applicant."""
    clause = _clause_start(text, start)
    if not _WINDOW_START.search(text, clause, number):
        return False
    sentence_end = _SENTENCE_END.search(text, number)
    return _FILING_VERB.search(text, number, sentence_end.start() if sentence_end else len(text)) is not None


def _is_benefit(metric: str, op: str, sentence: str, *, grants_only: bool = False) -> bool:
    """Whether the comparison caps (or floors) what the programme grants rather than the applicant:
    ``每个企业租金补贴每年`` (不超过5万元), ``补贴期限`` (最长不超过3年), ``每年安排`` (最高100万元),
    ``每个单位推荐项目数量`` (不超过3个, a quota). With ``grants_only`` a cap counts only when it names
    a grant, not a limit or term: a share or multiple of a base (``保函额度不超过应监管资金的50%``)
    caps what the applicant does unless it is a grant's (``奖励不超过其纳税额的2倍``)."""
    table = _table()
    if _QUOTA_METRIC.search(metric):
        return True
    if ("获" in sentence or "享受" in sentence) and _RECEIVED.search(sentence):  # every match holds 获 or 享受
        return False  # 近两年获得政府资助资金累计不超过100万元: what the applicant already received
    if op in ("<=", "<"):
        words = table["grant_words"] if grants_only else table["grant_words"] + table["limit_words"]
        return not _PAID_BY_APPLICANT.search(metric) and any(w in metric for w in words)
    return _EVERY.sub("", metric).startswith(tuple(table["grant_verbs"]))


@lru_cache(maxsize=1)
def _range_high_end() -> re.Pattern:
    """What every match of :func:`_range_pattern` holds within its line: the joiner, then the high
    end as the pattern writes it (a number, an inclusion aside, a unit; :data:`_ROUGH_NUMBER` for the
    number). Only the lines holding one are scanned (see :func:`_past_item_markers`); a line where
    至/到 only joins dates or words (``截至``, ``自…至今``) is passed over. Compiled with the standard
    ``re``: a leading character class is a bitmap test there."""
    return re.compile(rf"[至到－—\-~～][ ]?{_ROUGH_NUMBER}[ ]?(?:[（(]不?含[）)][ ]?)?(?:{_units()})")


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern:
    """Compiled with the standard ``re``: it needs no ``regex`` feature and ``re`` scans it 30% faster."""
    unit_group = _units()
    return re.compile(  # the lookahead lets the scan skip every position no number starts at
        rf"(?=[\d零一二两三四五六七八九十百千万])(?P<lo>{_NUMBER})[ ]?(?:[（(](?P<lo_aside>不?含)[）)][ ]?)?"
        rf"(?P<lo_unit>{unit_group})?(?P<lo_in>[（(]含[）)])?[ ]?"
        rf"(?:至|到|－|—|-|~|～)[ ]?"
        rf"(?P<hi>{_NUMBER})[ ]?(?:[（(](?P<hi_aside>不?含)[）)][ ]?)?(?P<unit>{unit_group})"
        rf"(?P<tail>[ ]?(?:[（(]含(?:本数|(?P<included>{_NUMBER})[ ]?(?P=unit))?[）)]|之间))?"
    )


def _unscaled(number: str, unit: str) -> str:
    """The unit of a range's low end written without one: the high end's, less the 万/亿 that the low
    end already carries (``500万(含)至5000万元`` → 500万 in 元)."""
    if number.endswith(("万", "亿")) and unit.startswith(("万", "亿")):
        return unit[1:]
    return unit


_CLAUSE_ENDS_AFTER_DE = rx(r"的[ ]?(?:[，,；;。：:\n]|$)", engine="re")


def _range_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """``年龄在18至45周岁（含本数）``, ``注册资本在500万元至2000万元之间``: a range a condition puts
    the applicant in is two thresholds, ``>=`` the low end and ``<=`` the high end. Ages always
    read so; other units only when 之间 or （含本数） marks the range as a condition. An aside that
    includes one end only (``总分在70分-90分（含70分）``) leaves the other out (>= 70, < 90)."""
    text = ctx.text
    table = _table()
    facts = []
    for m in _past_item_markers(ctx, _range_pattern(), "lo", _range_high_end()):
        unit_word = m.group("unit")
        age = unit_word in table["age_units"]
        # a range closed by 的 that ends its clause (18-36个月的，要减少供地) or qualifies a holder
        # (5000万至1亿元的企业) is a tier; 材料1-10项的顺序 is none
        tier = not m.group("tail") and bool(_CLAUSE_ENDS_AFTER_DE.match(text, m.end()) or _HOLDER_AFTER.match(text, m.end()))
        band = not m.group("tail") and _grade_band(text, m.start(), m.end(), unit_word)
        asides = m.group("lo_aside") or m.group("hi_aside")  # 10（含）-15（不含）万元: a band with its ends marked
        if not (age or m.group("tail") or tier or band or asides):
            continue
        lo_unit = m.group("lo_unit") or _unscaled(m.group("lo"), unit_word)
        if lo_unit != unit_word and not (lo_unit.endswith("元") and unit_word.endswith("元")):
            continue  # 5000万元(含)至1亿元 is one band in yuan; 3年至5个月 is no range
        if _taken(ctx, taken, m.start(), m.end()):
            continue
        low, high = _value(m.group("lo"), lo_unit), _value(m.group("hi"), unit_word)
        if low is None or high is None or low[1] != high[1]:
            continue
        (lo, _), (hi, unit) = low, high
        if lo >= hi or (unit_word == "年" and lo >= 1000):
            continue
        metric, start, _, period, holder = _metric(ctx, m.start(), m.end())
        if tier:  # ；18-36个月的，要减少供地 / ；下降10%(含)至15%的: the tier list's metric
            metric = _tier_metric(ctx, m.start(), metric)
        if band:
            metric, start = band, m.start()
        if not metric and (dimension := _item_dimension(ctx, m.start(), unit_word)):
            metric, start = dimension, m.start()
        if age:
            metric, start, _, holder = _age(text, start, m.start(), m.end())
        elif not _is_condition(text, metric, "<=", unit, m.start(), m.start()):
            continue
        high_op = "<" if tier and _next_tier_starts(text, m, unit_word) else "<="
        low_op = ">="
        if m.group("included"):  # 70分-90分（含70分）: only the end the aside names is in the range
            included = _value(m.group("included"), unit_word)
            if included is not None:
                at = included[0]
                high_op, low_op = ("<", ">=") if at == lo else ("<=", ">") if at == hi else (high_op, low_op)
        if m.group("lo_aside"):
            low_op = ">" if m.group("lo_aside").startswith("不") else ">="
        if m.group("hi_aside"):
            high_op = "<" if m.group("hi_aside").startswith("不") else "<="
        for op, value in ((low_op, lo), (high_op, hi)):
            facts.append(_threshold_fact(ctx, metric, op, value, unit, (start, m.end()), m.span(), "N至M" + unit_word,
                                         holder=holder, period=period))
    return facts


@lru_cache(maxsize=1)
def _count_verbs() -> tuple[str, ...]:
    """The verbs a count of achievements follows (主持过, 获得, 有 …), from the operator table."""
    table = _table()
    return (*table["count_verbs"], *table["provision_verbs"], *table["possession_verbs"])


_AT_LEAST = ("至少", "最少", "不少于")


@lru_cache(maxsize=1)
def _count_pattern() -> regex.Pattern:
    table = _table()
    verbs = _alt(_count_verbs())
    units = _alt(table["implicit_units"])
    suffix = _alt(table["suffix"])
    noun = r"[\p{Han}A-Za-z（）()“”、]{2,30}?"
    firsts = "".join(sorted({w[0] for w in (*_count_verbs(), *_AT_LEAST, "在")}))
    return regex.compile(
        rf"(?=[{regex.escape(firsts)}])"  # what a match starts with: a cheap test before the alternatives
        rf"(?:(?P<pre>{_alt(_AT_LEAST)})?(?P<verb>{verbs})[ ]?(?P<num>{_NUMBER})[ ]?(?P<unit>{units})(?!{suffix}|性)"
        rf"(?P<noun>{noun})(?=的|者|已|并|[，,。；;\n]|$)"
        rf"|(?<![\p{{Han}}])在(?P<num>{_NUMBER})(?P<unit>{units})(?P<noun>{noun})中(?=起|发挥|担任|承担|作为|取得))"
    )


@lru_cache(maxsize=1)
def _counted_quantity() -> re.Pattern:
    """What every match of :func:`_count_pattern` holds within its line: a verb (or 在), an optional
    space, a number (:data:`_ROUGH_NUMBER`), an optional space and a unit of count; only the lines
    holding one are scanned (see :func:`~policyparse.resolvers.base.lines_holding`). Compiled with the
    standard ``re`` from one alternation of the words, so the scan skips every position no verb
    starts at with a bitmap test: about 20 times fewer lines than a test for the number and unit alone,
    at a third of its cost."""
    verbs = _alt((*_count_verbs(), "在"))
    return re.compile(rf"{verbs}[ ]?{_ROUGH_NUMBER}[ ]?(?:{_alt(_table()['implicit_units'])})")


_AT_MOST = regex.compile(r"最多|至多|只能|仅能|仅限")


def _count_conditions(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """In a conditions section (申报条件, 选拔条件 …, not a materials list), a count right after an
    achievement verb is a minimum even without 以上: ``主持过两个市级以上学术、科研课题`` →
    主持市级以上学术、科研课题数量 >= 2 个; ``有一项学术成果已推广应用`` → 学术成果数量 >= 1 项;
    ``至少获得1次省级科技进步二等奖以上奖励`` → …奖励次数 >= 1 次; ``在两项课题研究中起骨干作用`` →
    课题研究数量 >= 2 项. With 至少/不少于 before the verb the minimum is written, so it holds in
    any section but a materials list: ``至少设立1家平价蔬菜摊位`` → 设立平价蔬菜摊位数量 >= 1 家."""
    text = ctx.text
    table = _table()
    facts = []
    for m in finditer_in_lines(_count_pattern(), text, _counted_quantity()):
        if ctx.claims.overlaps(m.start("num"), m.end("unit")):
            continue
        if any(f.span[0] <= m.start("num") < f.span[1] for f in taken + facts):
            continue
        if _AT_MOST.search(text, max(0, m.start() - 6), m.start()):
            continue  # 每年度最多只能有一个项目获得资金支持: a cap, not a minimum
        roles = _section_roles(ctx, m.start())
        conditions = roles.conditions
        if not (conditions or m.group("pre")) or roles.materials:
            continue
        quantity = _value(m.group("num"), m.group("unit"))
        if quantity is None:
            continue
        value, unit = quantity
        noun = m.group("noun")
        if regex.search(r"\d|[一二两三四五六七八九十]+[项个次件篇]", noun):
            continue  # a second count inside: not one noun phrase
        if text.startswith("的", m.end()) and len(noun) < 4:
            continue  # 有一个固定的办公场所, 完成一个完整的研发周期: a description, not a count
        verb = m.group("verb") or ""
        head = verb.rstrip("过") if verb in table["count_verbs"] or verb in table["provision_verbs"] else ""
        metric = head + noun + ("次数" if unit == "次" else "" if noun.endswith(("数", "量")) else "数量")
        threshold = {"metric": metric, "op": ">=", "value": value, "unit": unit}
        subject = _subject(ctx, m.start())
        if subject:
            threshold["subject"] = subject
        period = _period_in(text[_clause_start(text, m.start(), ctx):m.start()])
        if period:
            threshold["period"] = period
        rule = f"{m.group('pre') or ''}{verb or '在'}N{unit}X"
        kind = "eligibility" if conditions else _kind(ctx, m.start(), text[m.start():m.end()])
        facts.append(ctx.fact(NAME, "threshold", threshold, m.start(), m.end(), rule=rule,
                              **({"kind": kind} if kind else {})))
    return facts


def _complete_metric(text: str, metric: str, start: int, pre: str | None, unit: str, previous: _Previous) -> str:
    """A growth word before a percentage makes the metric a growth rate (``拥有量年均增长10%`` →
    ``拥有量年均增长率``); ``达到B的`` before one is ``占B的比例``; a share ``占B的`` right after a
    threshold on A is ``A占B的比例``."""
    if unit != "%":
        return metric
    if pre in _table()["growth_metric"]:
        return metric + _table()["growth_metric"][pre]
    reached = _SHARE_REACHED.fullmatch(metric)
    if reached:
        return f"占{reached.group('base')}的比例"
    if metric.startswith("占") and previous.metric and text[previous.end:start].strip() in ("，", ","):
        return previous.metric + (metric + "比例" if metric.endswith("的") else metric)
    return metric


@lru_cache(maxsize=1)
def _next_quantity() -> regex.Pattern:
    """``、3件`` after a threshold: a further value in the same unit grammar (``、20%以上``), with
    the inclusion aside of each item (``超过1亿元(含)、5亿元(含)的``)."""
    unit_group = _units()
    suffix = _alt(_table()["suffix"])
    aside = r"(?:[ ]?[（(]含[^（）()、，]{0,6}[）)])?"
    return regex.compile(
        rf"{aside}、[ ]?(?P<num>{_NUMBER})[ ]?(?P<unit>{unit_group})(?:{suffix})?{aside}(?=[、，。；,;\s的]|$)"
    )


def _respectively(ctx: Context, pos: int, start: int, first: dict, rule: str, extras: dict) -> list[Fact]:
    """``分别突破5件、3件、2件``: each further quantity is a threshold on the same metric and op."""
    facts = []
    while True:
        m = _next_quantity().match(ctx.text, pos)
        if not m:
            return facts
        quantity = _value(m.group("num"), m.group("unit"))
        if quantity is None:
            return facts
        value, unit = quantity
        facts.append(ctx.fact(NAME, "threshold", {**first, "value": value, "unit": unit}, start, m.end(),
                              rule=rule + "+分别", **extras))
        pos = m.end()


@lru_cache(maxsize=1)
def _holder_pattern() -> regex.Pattern:
    table = _table()
    quantity = (rf"(?:{_alt(table['prefix'])})?(?:{_NUMBER})[ ]?(?:{_alt(table['implicit_units'])})(?!性)"
                rf"(?:{_alt(table['suffix'])})?")
    noun = r"[\p{Han}A-Za-z（）()“”]{2,16}?"
    return regex.compile(
        rf"(?<!每)(?:{_alt(table['implicit_verbs'])})(?P<q>{quantity}{noun})"
        rf"(?:(?:或者|或)(?P<q>{quantity}{noun}))*"
        r"(?:[，,]?(?:且|并且|并|同时)[^，,。；;\n的]{1,30})?"
        rf"的(?P<holder>[^\P{{Han}}的]{{0,8}}?(?:{_alt(table['holders'])}))"
    )


@lru_cache(maxsize=1)
def _holder_quantity() -> re.Pattern:
    """What every match of :func:`_holder_pattern` holds within its line: the verb and its first
    quantity's comparison word (if any) and number (:data:`_ROUGH_NUMBER`); only the lines holding one
    are scanned. Compiled with the standard ``re`` from one alternation of the verbs."""
    table = _table()
    return re.compile(rf"{_alt(table['implicit_verbs'])}(?:{_alt(table['prefix'])})?{_ROUGH_NUMBER}")


def _holder_thresholds(ctx: Context) -> list[Fact]:
    """``获得3项中国发明专利授权或2项国外发明专利授权的发明人``, ``拥有2项以上发明专利的企业``:
    a count in a relative clause that qualifies a holder (verb + N unit X … 的 + holder) is a
    condition on that holder, a minimum (``>=``) when no comparison word is written. Each
    alternative (或) is its own threshold; the metric is X + 数量, the holder the subject."""
    text = ctx.text
    table = _table()
    facts = []
    for m in finditer_in_lines(_holder_pattern(), text, _holder_quantity()):
        subject = m.group("holder")
        first = True
        for q_start, q_end in m.spans("q"):
            lead = m.start() if first else q_start
            first = False
            q = _pattern().match(text, q_start, q_end)
            if q is None or ctx.claims.overlaps(q.start("num"), q.end("unit")):
                continue
            pre, post = q.group("pre"), q.group("post")
            op = table["prefix"][pre] if pre else table["suffix"][post] if post else ">="
            quantity = _value(q.group("num"), q.group("unit"))
            if quantity is None:
                continue
            value, unit = quantity
            noun = text[q.end():q_end]
            metric = noun if noun.endswith(("数", "量")) else noun + "数量"
            threshold = {"metric": metric, "op": op, "value": value, "unit": unit, "subject": subject}
            period = _period_in(text[_clause_start(text, m.start(), ctx):m.start()])
            if period:
                threshold["period"] = period
            rule = f"{pre or ''}N{q.group('unit')}{post or ''}X的<holder>"
            kind = _kind(ctx, lead, text[_clause_start(text, m.start()):q_end]) or "eligibility"
            facts.append(ctx.fact(NAME, "threshold", threshold, lead, q_end, rule=rule, kind=kind))
    return facts


@lru_cache(maxsize=1)
def _share_pattern() -> regex.Pattern:
    """A comparison, the base of a share and the percentage (``不低于采购合同金额50%``). The base is
    a noun phrase: it never names a ratio or rate itself, holds a copula or another comparison
    (``最低首付比例为20%``, ``最低首付比例由30%调整为20%``, ``满留用率达到60%`` state the ratio, they are
    no share of a base); 最低 of 最低工资标准 is part of the base."""
    table = _table()
    comparisons = [w for w in table["prefix"] if w not in table["growth_metric"] and not w.startswith(("提", "压", "降", "控"))]
    return compile_pattern(
        rf"(?P<pre>{_alt(comparisons)})(?=[^\n%％]*[%％])"  # a percent sign further on the line: a cheap test first
        rf"(?!(?<=满)[意足])(?!(?<=达)[标成])(?!(?<=最低)(?:工资|生活))(?P<base>(?:最低(?=工资|生活)|[（(][^（）()，。]{{1,10}}[）)]"
        rf"|(?!比例|比重|占比|率|为|由|调整|{_alt(table['prefix'])})[\p{{Han}}A-Za-z]){{2,24}}?)(?<!{_STEP})的?[ ]?"
        rf"(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九十百]+)[ ]?(?P<unit>[%％])(?P<post>{_alt(table['suffix'])})?"
        rf"(?:的(?P<noun>\p{{Han}}{{2,8}}?)(?=[，,。；;、\n]|$))?",
        engine="re",
    )


_STEP = r"每(?:上升|增加|提高|增长|下降|减少|降低)"
"""``满意度测评分值…每上升5%``: a step a rate moves by, not a share of a base."""
_SHARE_WORD = regex.compile(r"(?:的)?(?:比例|比重|占比)$")
_RATE_OF_GRANT = regex.compile(r"按照?(?![时期月年季])")
"""``相关费用按不超过实际发生额的50%予以补助``, ``最高按购置费用的5%``: a share after 按 is the rate a
grant is paid at."""
_GRANT_AFTER = regex.compile(r"(?:[（(][^）)]*[）)])?(?:的?比例)?(?:予以|给予|进行)?(?:补助|补贴|奖励|资助|支持|奖补|贴息|分档)")
_POINTER = rx(r"^(?:其|该|此)", engine="re")


def _share_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """A share written against its base, ``其滚存总额超过当年工伤保险基金收入的30%``, ``给予中小企业
    不低于采购合同金额50%的预付款``: the metric is ``A占B的比例`` — A the thing measured (the clause
    before the comparison, or the noun after the percentage), B the base between the comparison
    word and the number."""
    text = ctx.text
    table = _table()
    facts = []
    for m in _share_pattern().finditer(text):
        if ctx.claims.overlaps(m.start(), m.end()) or _inside(taken, m.start("num")):
            continue
        pre, post, noun = m.group("pre"), m.group("post"), m.group("noun")
        if (_RATE_OF_GRANT.search(text, _clause_start(text, m.start(), ctx), m.start()) or _GRANT_AFTER.match(text, m.end())
                or _RATE_OF_GRANT.match(m.group("base"))):  # 最高按购置费用的5%予以扶持: the rate comes after the cap
            continue
        op = table["prefix"][pre]
        if noun:
            measured, start = noun, m.start()
        else:
            measured, start = _metric(ctx, m.start(), m.end())[:2]
            measured = _SHARE_WORD.sub("", _POINTER.sub("", measured))
            if _CHANGED_TO.fullmatch(measured) and facts and _same_sentence(text, facts[-1].span[1], m.start()):
                measured = facts[-1].value.metric.split("占")[0]  # 由不高于房价的70%，提高到不高于房价的80%
        if len(measured) < 2 or _CAP_WORD.fullmatch(measured):
            continue
        base = _ASIDE.sub("", m.group("base")) or m.group("base")  # 借款人家庭（本人及配偶）月工资总收入
        metric = f"{measured}占{base}的比例"
        if not _is_condition(text, metric, op, "%", start, m.start("num"), grants_only=True):
            continue
        quantity = _value(m.group("num"), m.group("unit"))
        if quantity is None:
            continue
        value, unit = quantity
        rule = f"{pre}B的N%{post or ''}" + ("的X" if noun else "")
        facts.append(_threshold_fact(ctx, metric, op, value, unit, (start, m.end()), m.span(), rule))
    return facts


@lru_cache(maxsize=1)
def _unitless_pattern() -> re.Pattern:
    """Compiled with the standard ``re``: it needs no ``regex`` feature and ``re`` scans it 3x faster."""
    table = _table()
    units = _alt(["元", "%", "％"] + _count_units())
    return re.compile(
        rf"(?P<word>{_alt(table['metric_units'])})(?P<gap>[^，,。；;、\d\n]{{0,8}}?)(?P<pre>{_alt(table['prefix'])})?[ ]?"
        rf"(?P<num>\d+(?:\.\d+)?(?:万|亿)?)(?P<post>{_alt(table['suffix'])})?(?![\d.万亿]|{units})"
    )


@lru_cache(maxsize=1)
def _bound_noun_pattern() -> regex.Pattern:
    units = _units()
    return regex.compile(
        rf"(?P<bound>最低|最高)(?:(?!最低|最高)\p{{Han}}){{1,12}}?(?P<change>由[ ]?(?:{_NUMBER})[ ]?(?:{units})[ ]?)?"
        rf"(?:统一)?(?:{CHANGE_VERBS})?(?P<copula>为|至|到)[ ]?"
        rf"(?P<num>{_NUMBER})[ ]?(?P<unit>{units})(?![\d.]|{_alt(_table()['suffix'])}|[（(]含)"
    )


_GRANTED_NOUN = regex.compile(r"(?:额度|限额|分值|积分|金额|标准|奖励|补贴|补助|期限)$")
"""What a programme grants (``最高分值为20分``, ``最长期限为3年``): a cap on a benefit, no condition."""


def _bound_noun_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """``贷款最低首付比例为20%``, ``退休年龄最高为65周岁``: a noun named as the lowest (highest)
    admissible value, then 为 and the value, is a condition ``>=`` (``<=``) on that noun; so is the
    new value of ``最低首付比例由30%调整为20%`` (the old one no longer applies). Money is left out:
    ``最高贷款额度为60万元`` caps what the programme grants (a money fact)."""
    text = ctx.text
    facts = []
    for m in _bound_noun_pattern().finditer(text):
        if _taken(ctx, taken, m.start("num"), m.end("unit")):
            continue
        quantity = _value(m.group("num"), m.group("unit"))
        if quantity is None:
            continue
        value, unit = quantity
        if unit == "CNY":
            continue
        op = ">=" if m.group("bound") == "最低" else "<="
        words_end = m.start("change") if m.group("change") else m.start("copula")
        metric, start, _, period, holder = _metric(ctx, words_end, m.end())
        if (not _is_condition(text, metric, op, unit, start, words_end) or m.group("bound") not in metric
                or _GRANTED_NOUN.search(metric)):
            continue
        rule = f"{m.group('bound')}X{'由M调整' if m.group('change') else ''}为N{m.group('unit')}"
        facts.append(_threshold_fact(ctx, metric, op, value, unit, (start, m.end()), (m.start("copula"), m.end()),
                                     rule, holder=holder, period=period))
    return facts


_GRADE = re.compile(r"(?P<num>[1-5一二三四五ⅠⅡⅢⅣⅤ])[ ]?级(?P<post>及以上|或以上|以上)")
"""A grade and 及以上; compiled with ``re``: the scan passes every character of the notice."""
_GRADE_BEFORE = regex.compile(r"(?P<before>[^，,。；;：:、\n（(]{0,16}?)(?:达到|为|在)?$")
_GRADE_AFTER = regex.compile(r"[^，,。；;：:、\n（(的]{0,8}?(?:水平|标准|医院|医疗机构|企业|资质)")
_GRADE_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5}
_TOP_IS_ONE = regex.compile(r"能效|考评|考核|评价|评定|资质|标准化|信用|伤残|残疾")
"""Graded scales whose best (or gravest) grade is 1 (能效1级, 资质一级, Ⅰ级企业, 一级伤残): ``2级及以上``
means grade 1 or 2, a threshold ``<= 2``."""
_TOP_IS_HIGHEST = regex.compile(r"医院|医疗机构")
"""Hospital grades count upwards (三级医院 is the top), so ``二级以上医院`` is ``>= 2``."""
_GRADE_WORDS = regex.compile(r"(?:等级|级别|水平)$")
_SCALE_SUFFIX = regex.compile(r"(?:水平|标准)$")
"""``2级及以上能效或水效标准的产品``: the grade is on the 能效或水效 scale, named 能效或水效等级."""


def _grade_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """A grade with 及以上 on a ranked scale: ``区级考评等级Ⅱ级及以上`` → 区级考评等级 ``<= 2``,
    ``达到2级及以上能效水平`` → 能效等级 ``<= 2``, ``二级以上医院`` → 医院等级 ``>= 2``; unit 级. A
    grade on a scale that names no known direction (``6级以上大风``) is left alone."""
    text = ctx.text
    facts = []
    for m in _GRADE.finditer(text):
        if _taken(ctx, taken, m.start("num"), m.end("post")):
            continue
        lead = _GRADE_BEFORE.search(text, max(0, m.start() - 18), m.start())  # matches, empty at worst
        before = lead.group("before")
        after_match = _GRADE_AFTER.match(text, m.end())
        after = after_match.group() if after_match else ""
        scale = before + after
        if _TOP_IS_HIGHEST.search(scale):
            op = ">="
        elif _TOP_IS_ONE.search(scale):
            op = "<="
        else:
            continue
        named_before = _GRADE_WORDS.search(before)  # 区级考评等级Ⅱ级及以上: the scale is named before the grade
        if not named_before and after and not after.endswith("企业"):  # 2级及以上能效水平, 二级以上医院
            metric, start = _SCALE_SUFFIX.sub("", after) + "等级", m.start("num")
        elif before:  # 区级考评等级Ⅱ级及以上, 安全生产标准化二级及以上企业
            narrowed = _strip_fillers(text, lead.start("before"), lead.end("before"), None)
            metric, start = text[narrowed.start:narrowed.end] + ("" if named_before else "等级"), narrowed.start
        else:
            continue
        value = Decimal(_GRADE_NUMBER.get(m.group("num"), m.group("num")))
        facts.append(_threshold_fact(ctx, metric, op, value, "级", (start, m.end("post")),
                                     (m.start("num"), m.end("post")), "N级及以上"))
    return facts


_RANK_WORD = re.compile(r"排名|排行|名次|位次")
_RANK_LEAD_STOP = frozenset("，,。；;：:、\n的（(为是")
_RANK_TOP = regex.compile(rf"(?:位列|位居|居|在|为)?前[ ]?(?P<num>{_NUMBER})[ ]?(?P<unit>名|位)")
"""The top places after a ranking word: ``排名前50名``, ``名次居前10位``."""
_RANK_BAND = regex.compile(
    r"(?:位列|位居|居|在|为)?(?:第)?[ ]?(?P<lo>\d{1,4})[ ]?(?:-|－|—|~|～|至|到)[ ]?(?:第)?(?P<hi>\d{1,4})[ ]?(?P<unit>名|位)?(?![\d%％])"
)
"""A band of places after a ranking word, ``排名1-7的小区``, ``名次在第8至18位``."""


def _rank_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """A place in a ranking, ``全球排名前50名高校``: a threshold ``<=`` on the rank (the first place is 1),
    unit 名 or 位; a band of places (``排名8-18的小区``) is at least its first place and at most its last.
    The ranking's name runs back from the ranking word to a boundary, at most 8 characters."""
    text = ctx.text
    facts = []
    for word in _RANK_WORD.finditer(text):
        lead, floor = word.start(), max(0, word.start() - 8)
        while lead > floor and text[lead - 1] not in _RANK_LEAD_STOP:
            lead -= 1
        narrowed = _strip_fillers(text, lead, word.end(), None)
        metric = text[narrowed.start:narrowed.end]
        if (band := _RANK_BAND.match(text, word.end())) is not None:
            lo, hi = int(band.group("lo")), int(band.group("hi"))
            if lo >= hi or _taken(ctx, taken, band.start("lo"), band.end()):
                continue
            for op, value in ((">=", lo), ("<=", hi)):
                facts.append(_threshold_fact(ctx, metric, op, value, band.group("unit") or "名", (narrowed.start, band.end()),
                                             (band.start("lo"), band.end()), "排名N-M"))
        elif (top := _RANK_TOP.match(text, word.end())) is not None:
            if len(metric) < 2 or _taken(ctx, taken, top.start("num"), top.end("unit")):
                continue
            try:
                value = parse_number(top.group("num"))
            except (ValueError, ArithmeticError):
                continue
            facts.append(_threshold_fact(ctx, metric, "<=", value, top.group("unit"), (narrowed.start, top.end()),
                                         (top.start("num"), top.end("unit")), "排名前N" + top.group("unit")))
    return facts


_EVENTS = "毕业|离校|退役|退休|登记注册|注册登记|成立|创办|开业|入职"
_SINCE_EVENT = regex.compile(
    rf"(?<![之起])(?P<event>{_EVENTS})[ ]?(?P<num>{_NUMBER})[ ]?"
    r"(?P<unit>年|个月)(?:以内|之内|内)(?![完办提申])"
)
"""``毕业2年内``, ``登记注册3年内``, ``退役2年内``: the time since an event in the applicant's past."""


@lru_cache(maxsize=1)
def _since_event_quantity() -> re.Pattern:
    """What every match of :data:`_SINCE_EVENT` holds within its line: the event, an optional space, a
    number and its time unit; only the lines holding one are scanned. Compiled with the standard
    ``re`` from one alternation of the events: the scan skips the other characters by a bitmap test."""
    return re.compile(rf"{_alt(_EVENTS.split('|'))}[ ]?{_ROUGH_NUMBER}[ ]?(?:年|个月)")


def _since_event_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """The time since an event of the applicant's (``毕业2年内的高校毕业生``, ``登记注册5年内的初创
    企业``) is at most N: metric ``<event>年限`` (months: ``<event>时长``), op ``<=``. Not after
    之日起 (``登记注册之日起3年内提出``: a filing window) and not before a verb of doing (内完成)."""
    text = ctx.text
    facts = []
    for m in finditer_in_lines(_SINCE_EVENT, text, _since_event_quantity()):
        if _taken(ctx, taken, m.start("num"), m.end()):
            continue
        try:
            value = parse_number(m.group("num"))
        except (ValueError, ArithmeticError):
            continue
        unit = m.group("unit")
        metric = m.group("event") + ("年限" if unit == "年" else "时长")
        facts.append(_threshold_fact(ctx, metric, "<=", value, unit, m.span(), (m.start("num"), m.end()),
                                     f"<event>N{unit}内", holder=_event_holder(text, m.start(), m.end())))
    return facts


_EVENT_HOLDER_AFTER = regex.compile(
    rf"(?:的)?(?![在到于向])(?P<noun>[^，,。；;：:、\n（(]{{0,16}}?(?:毕业生|大学生|学生|{_PERSON_HEAD}|{_SUBJECT_HEAD}|青年人?|市民|士兵|军人))"
)
_EVENT_HOLDER_BEFORE = regex.compile(r"(?:.*[，,。；;：:、的指是为对])?(?P<noun>[^，,。；;：:、\n（(的]{2,16})[（(]$")


def _event_holder(text: str, start: int, end: int) -> str | None:
    """Who the time since an event qualifies: the noun right after it (``毕业2年内高校毕业生``), or
    the noun an aside holding it follows (``新毕业生（毕业5年内）``)."""
    if text[start - 1:start] in "（(" and text[end:end + 1] in "）)":
        line = max(0, start - 18, text.rfind("\n", 0, start) + 1)
        before = _EVENT_HOLDER_BEFORE.fullmatch(text, line, start)
        return before.group("noun") if before else None
    after = _EVENT_HOLDER_AFTER.match(text, end)
    return after.group("noun") if after else None


@lru_cache(maxsize=1)
def _held_for_pattern() -> regex.Pattern:
    table = _table()
    return compile_pattern(
        rf"(?P<verb>购买|购置|购得|取得|持有|受让)(?P<pre>{_alt(table['prefix'])})?[ ]?(?P<num>{_NUMBER})[ ]?(?P<unit>年|个月)"
        rf"(?P<post>{_alt(table['suffix'])})?(?:[（(]含[^（）()]{{0,6}}[）)])?"
        r"的(?P<noun>[^，,。；;、的\n]{0,6}?(?:住房|房屋|商品房|房产|车辆|设备|股权|土地))",
        engine="re",
    )


def _held_for_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """How long a thing has been held, written as its attribute: ``个人将购买不足2年的住房对外销售``,
    ``购买2年以上（含2年）的非普通住房`` → ``{metric: 住房购买年限, op: <, value: 2, unit: 年}``
    (months: ``…时长``). The comparison word is needed; the noun after 的 is what was bought."""
    text = ctx.text
    table = _table()
    facts = []
    for m in _held_for_pattern().finditer(text):
        pre, post = m.group("pre"), m.group("post")
        if not (pre or post) or _taken(ctx, taken, m.start("num"), m.end("unit")):
            continue
        try:
            value = parse_number(m.group("num"))
        except (ValueError, ArithmeticError):
            continue
        op = table["suffix"][post] if post else table["prefix"][pre]
        unit = m.group("unit")
        metric = m.group("noun") + m.group("verb") + ("年限" if unit == "年" else "时长")
        facts.append(_threshold_fact(ctx, metric, op, value, unit, m.span(), (m.start("verb"), m.end()),
                                     f"<verb>{pre or ''}N{unit}{post or ''}的X"))
    return facts


_HOMES_OWNED = regex.compile(
    r"(?<![购买置])(?:拥有|只有|仅有|名下有|名下仅有)(?P<num>[1-3一二两三])套(?P<noun>(?:商品|自有|普通)?住房)(?!以上|及以上|以下|及以下)"
)
"""``对拥有一套住房并已结清相应购房贷款的家庭``, ``家庭只有一套住房``: how many homes a household owns
decides which rules apply (首套 or 二套), so a count owned with no comparison word is exact."""
_HOUSEHOLD_AFTER = regex.compile(r"(?:并且|并|且)?(?P<holder>[^，,。；;\n]{0,24}?家庭)")
"""The household the count belongs to, with the rest of its description (``并已结清相应购房贷款的家庭``)."""


def _homes_owned_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """The number of homes a household owns, ``拥有1套住房`` → ``{metric: 拥有住房套数, op: ==,
    value: 1, unit: 套}``. ``拥有2套及以上商品住房`` has a comparison word and is read by the
    general scan; ``购买一套住房`` is what the household may do, no condition."""
    text = ctx.text
    if "套" not in text:
        return []
    facts = []
    for m in _HOMES_OWNED.finditer(text):
        if _taken(ctx, taken, m.start("num"), m.end()):
            continue
        metric = f"拥有{m.group('noun')}套数"
        household = _HOUSEHOLD_AFTER.match(text, m.end())
        holder = household.group("holder").removeprefix("的") if household else None
        facts.append(_threshold_fact(ctx, metric, "==", parse_number(m.group("num")), "套", m.span(),
                                     (m.start("num"), m.end()), "拥有N套住房", holder=holder))
    return facts


_CHILDREN = regex.compile(
    r"(?:(?:已|已经)?(?:生育|养育)了?)?(?P<num>[二两三2-3])(?:孩|个孩子|个子女)"
    r"(?:(?:或|、|和|及)(?:[三四3-4]孩|[三四3-4]个孩子)|(?P<more>及以上|以上)(?:子女)?)"
    r"(?=家庭|的|，|、|[\p{Han}]{0,6}家庭)"
)
"""``生育二孩或三孩的缴存职工``, ``生育两孩及以上子女的缴存人家庭``, ``二孩或三孩家庭``: a family with at
least that many children."""


def _children_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """How many children a family has: ``{metric: 生育子女数, op: >=, value: 2, unit: 个}`` — the
    smallest count the alternatives (二孩或三孩) or 及以上 admit."""
    text = ctx.text
    if "孩" not in text and "子女" not in text:
        return []
    facts = []
    for m in _CHILDREN.finditer(text):
        if _taken(ctx, taken, m.start("num"), m.end()):
            continue
        facts.append(_threshold_fact(ctx, "生育子女数", ">=", parse_number(m.group("num")), "个", m.span(),
                                     (m.start("num"), m.end()), "N孩或M孩" if not m.group("more") else "N孩及以上"))
    return facts


_SIGN = re.compile(  # the standard re from a character class: it finds the rare 为正/为负 at C speed
    r"[为是](?P<sign>正数|负数|正值|负值|正|负|零|0)(?=[的，,。；;）)\n]|$)"
)
_SIGN_OP = {"正": ">", "负": "<", "零": "==", "0": "=="}
_MONEY_METRIC = regex.compile(r"(?:资产|利润|收入|营收|产值|利税|税收|税额|销售额|营业额|金额|余额|资金)$")


def _sign_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """A metric said to be positive, negative or nil (``项目单位2025年度净资产必须为正`` → 净资产 > 0,
    ``申报单位上年度净资产为负`` → 净资产 < 0, ``2022年二季度产值为0的企业`` → 产值 == 0), in yuan
    when the metric is an amount of money."""
    text = ctx.text
    facts = []
    for m in _SIGN.finditer(text):  # a modal before 为 (必须为正) is a suffix filler of the metric
        if _taken(ctx, taken, m.start(), m.end()):
            continue
        metric, start, _, period, holder = _metric(ctx, m.start(), m.start())  # nothing after completes it
        if not _is_metric(metric) or _HAS_DIGIT.search(metric):
            continue
        unit = "CNY" if _MONEY_METRIC.search(metric) else None
        facts.append(_threshold_fact(ctx, metric, _SIGN_OP[m.group("sign")[0]], 0, unit, (start, m.end()),
                                     (m.start(), m.end()), "为正/为负/为零", holder=holder, period=period))
    return facts


_MULTIPLE_CAP = regex.compile(
    r"(?P<pre>不超过|不高于|不得超过|不得高于|(?:最高)?可?(?:放宽|提高)(?:到|至))"
    r"(?P<base>(?!本人$)[\p{Han}A-Za-z（）()]{2,24}?)的[ ]?(?:(?P<low>\d+(?:\.\d+)?)[ ]?[-—～~至到][ ]?)?"
    r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)[ ]?倍"
)
"""``贷款额度按不超过本人及配偶住房公积金账户余额的20倍测算``, ``贷款限额最高可放宽到当期贷款最高限额的
1.5-4倍``: an amount capped at a multiple of a base."""
_MULTIPLE_LEAD_END = regex.compile(r"(?:按照?|最高|可|均|统一)+$")
"""The manner words between the amount and its cap (``贷款额度按``, ``贷款限额最高可``): not part of it.
Local to this construction: as metric fillers in general they would cut ``能按（不低于20%的比例）``."""


def _multiple_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """An amount capped at a multiple of a base, ``A…不超过B的N倍`` → ``{metric: A与B之比, op: <=,
    value: N, unit: 倍}`` (a range 1.5-4倍 gives its top). A grant capped so (``奖励不超过其纳税额的
    2倍``) is a cap on what the programme pays, not a condition, and is left to the money facts."""
    text = ctx.text
    if "倍" not in text:
        return []
    facts = []
    for m in _MULTIPLE_CAP.finditer(text):
        if _taken(ctx, taken, m.start("num"), m.end()):
            continue
        measured, start, _, period, holder = _metric(ctx, m.start(), m.end())
        measured = _MULTIPLE_LEAD_END.sub("", measured)
        if len(measured) < 2:
            continue
        try:
            value = parse_number(m.group("num"))
        except (ValueError, ArithmeticError):
            continue
        metric = f"{measured}与{m.group('base')}之比"
        if not _is_condition(text, metric, "<=", "倍", start, m.start("num"), grants_only=True):
            continue
        facts.append(_threshold_fact(ctx, metric, "<=", value, "倍", (start, m.end()), (m.start("pre"), m.end()),
                                     "不超过B的N倍", holder=holder, period=period))
    return facts


@lru_cache(maxsize=1)
def _fraction_pattern() -> regex.Pattern:
    table = _table()
    return regex.compile(
        rf"(?P<pre>{_alt(table['prefix'])})?(?P<frac>{SHARE_FRACTION})(?P<post>{_alt(table['suffix'])})?"
    )


def _fraction_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """``形象进度达到三分之一及以上``: a share written as a simple fraction, a percentage threshold
    (value to four decimal places, as the percent resolver reads it)."""
    text = ctx.text
    if "分之" not in text:
        return []  # most notices write no fraction: skip the scan
    table = _table()
    facts = []
    for m in _fraction_pattern().finditer(text):
        pre, post = m.group("pre"), m.group("post")
        if not (pre or post) or _taken(ctx, taken, m.start("frac"), m.end("frac")):
            continue
        op = table["prefix"][pre] if pre else table["suffix"][post]
        metric, start, _, period, holder = _metric(ctx, m.start(), m.end())
        if not _is_condition(text, metric, op, "%", m.start(), m.start("frac")):
            continue
        value = parse_percent(m.group("frac"))
        rule = f"{pre or ''}N分之M{post or ''}"
        facts.append(_threshold_fact(ctx, metric, op, value, "%", (start, m.end()), m.span(), rule,
                                     holder=holder, period=period))
    return facts


_SELECTION_LEAD = regex.compile(r"^.*?(?:同时满足|满足|符合)")


def _unitless_thresholds(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """``直播场观人次平均每小时50万以上``, ``播放量达1500万以上``, ``转发量5000以上``: a count with no unit
    because the metric word names it (``metric_units`` of the operator table)."""
    text = ctx.text
    table = _table()
    facts = []
    for m in _unitless_pattern().finditer(text):
        pre, post = m.group("pre"), m.group("post")
        if not (pre or post) or _taken(ctx, taken, m.start("num"), m.end("num")):
            continue
        op = table["prefix"][pre] if pre else table["suffix"][post]
        comparison = m.start("pre") if pre else m.start("num")
        metric, start, _, period, holder = _metric(ctx, comparison, m.end())
        lead = _SELECTION_LEAD.match(metric)
        if lead and len(metric) - lead.end() >= 2:  # 同时满足播放量达…: the rule's wording is not the metric
            metric, start = metric[lead.end():], start + lead.end()
        unit = table["metric_units"][m.group("word")]
        if not _is_condition(text, metric, op, unit, comparison, m.start("num")):
            continue
        rule = f"X{m.group('word')}{pre or ''}N{post or ''}"
        facts.append(_threshold_fact(ctx, metric, op, parse_number(m.group("num")), unit, (start, m.end()), m.span(),
                                     rule, holder=holder, period=period))
    return facts


def _holder_end(item: str) -> int:
    """Length of the shortest head of ``item`` that ends in a holder noun (企业, 高等学校 …), 0 if none."""
    holders = _words("holders")
    for i in range(2, len(item) + 1):
        if holders.suffix(item, 0, i):
            return i
    return 0


def _distribute(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """``A、B、C X分别突破5件、3件、2件`` gives each holder its own value (subject A, B, C; metric X);
    ``X的P和Q分别不低于160家、600人`` gives each conjunct its own metric (X的P, X的Q). When the
    counts do not line up the thresholds keep the metric as written."""
    n = len(facts)
    if n < 2:
        return facts
    text = ctx.text
    first = facts[0].value.model_dump()
    metric, start = first["metric"], facts[0].span[0]
    lead = start
    while lead > 0 and not _HARD_BOUNDARY.match(text, lead - 1):
        lead -= 1
    holders = text[lead:start].split("、")
    subjects: list[str] | None = None
    metrics: list[str] | None = None
    cut = _holder_end(metric)
    if (holders[-1] == "" and len(holders) == n and cut and cut < len(metric)
            and all(_holder_end(h) == len(h) for h in holders[:-1])):
        each = _EACH.match(holders[0])
        subjects = [_EACH.sub("", h) for h in holders[:-1]] + [metric[:cut]]
        if each:  # 每家A、B、C: the count is per holder, for every one of them
            subjects = [f"{h}（{each.group()}）" for h in subjects]
        metrics = [metric[cut:]] * n
        start = lead
    else:
        growth = next((g for g in _table()["growth_metric"].values() if metric.endswith(g)), "")
        parts = regex.split(r"和|及|与|、", metric[:len(metric) - len(growth)])
        if len(parts) == n and all(len(p) >= 2 for p in parts):
            shared = parts[0][:parts[0].rfind("的") + 1]
            metrics = [parts[0]] + [p if "的" in p else shared + p for p in parts[1:]]
            metrics = [p + growth for p in metrics]
    if metrics is None:
        return facts
    out = []
    for i, fact in enumerate(facts):
        value = {k: v for k, v in fact.value.model_dump().items() if v is not None}
        value["metric"] = metrics[i]
        if subjects:
            value["subject"] = subjects[i]
        out.append(ctx.fact(NAME, "threshold", value, start, fact.span[1], rule=fact.rule, kind=fact.kind))
    return out
