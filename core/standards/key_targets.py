"""Key targets to protect (重点防护目标) and crowded places (人员密集场所): their categories.

Sources:

* 《中华人民共和国消防法》(2021 修正) 第七十三条: 人员密集场所 = 公众聚集场所 (宾馆、饭店、商场、集贸市场、
  客运车站候车室、客运码头候船厅、民用机场航站楼、体育场馆、会堂以及公共娱乐场所等), 医院的门诊楼、病房楼,
  学校的教学楼、图书馆、食堂和集体宿舍, 养老院, 福利院, 托儿所, 幼儿园, 公共图书馆的阅览室, 公共展览馆、
  博物馆的展示厅, 劳动密集型企业的生产加工车间和员工集体宿舍, 旅游、宗教活动场所等.
* The census's 公共服务设施 (第一次全国自然灾害综合风险普查 2020–2022, 承灾体调查, as county 清查 reports
  list them): 学校, 医疗卫生机构, 提供住宿的社会服务机构, 公共文化场所, 旅游景区, 星级饭店, 体育场馆,
  宗教活动场所, 大型超市、百货店和亿元以上商品交易市场.

Each category below is one of these (``source`` says which); ``occupancy`` of a target is the people it
holds at its fullest (在校师生, 床位, 设计容纳人数 …), as the registers record it.
"""
LAW = "消防法 第七十三条"
CENSUS = "自然灾害综合风险普查 公共服务设施"

KEY_TARGET_CATEGORIES = (  # (code, 中文, English, source); the key_targets ``category`` field's codes
    ("school", "学校", "School", f"{LAW}; {CENSUS}"),
    ("kindergarten", "托儿所、幼儿园", "Nursery or kindergarten", LAW),
    ("hospital", "医院、医疗卫生机构", "Hospital or health centre", f"{LAW}; {CENSUS}"),
    ("care_home", "养老院、福利院", "Care home or welfare home", f"{LAW}; {CENSUS} (提供住宿的社会服务机构)"),
    ("culture", "图书馆、博物馆、展览馆等公共文化场所", "Library, museum or other public cultural venue",
     f"{LAW}; {CENSUS}"),
    ("hotel", "宾馆、饭店", "Hotel", f"{LAW}; {CENSUS} (星级饭店)"),
    ("market", "商场、超市、集贸市场", "Shopping centre or market",
     f"{LAW}; {CENSUS} (大型超市、百货店和亿元以上商品交易市场)"),
    ("transport", "客运车站、码头、机场", "Passenger station, pier or airport", LAW),
    ("stadium", "体育场馆、会堂", "Stadium or hall", f"{LAW}; {CENSUS}"),
    ("entertainment", "公共娱乐场所", "Public entertainment venue", LAW),
    ("tourism", "旅游景区", "Tourist site", f"{LAW}; {CENSUS}"),
    ("religious", "宗教活动场所", "Religious venue", f"{LAW}; {CENSUS}"),
    ("workshop", "劳动密集型企业车间、员工集体宿舍", "Labour-intensive workshop or dormitory", LAW),
    ("other", "其他", "Other", ""),
)
KEY_TARGET_CODES = tuple(c[0] for c in KEY_TARGET_CATEGORIES)
