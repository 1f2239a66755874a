// Rules for questions a lesson answers: how interest and late fees work, what missing a payment does.
import { chineseRule, englishRule, PRECEDENCE, type Rule, words } from "./rule.ts";

// Questions about what a plan costs beat a plan request: the borrower asks first, decides later.
const ABOVE_PLAN = PRECEDENCE.indexOf("plan_request") - 0.5;
// A charge called wrong is a dispute, whatever else the message asks.
const DISPUTED_EN = words(
  "paid on time|wrong|not right|mistake|error|unfair|refund|remove|waive|take off|reverse",
);
const DISPUTED_ZH = "已经还|按时还了|还过了|不对|错了|算错|不合理|退还|退回|减免|取消|去掉";

export const LEARN_RULES: readonly Rule[] = [
  englishRule(
    "interest",
    "learn",
    0.88,
    words(
      "how (?:does|do|is) (?:the |my )?interest (?:work|works|calculated|charged|worked out|added|counted)|what is interest|what does interest mean|why (?:do|does|am|would) i (?:pay|paying|get charged|have to pay) interest|explain (?:the |my )?interest|how (?:is|does) (?:the )?interest (?:get )?(?:calculated|charged|added)|how is interest (?:charged|calculated)",
    ),
    { unless: DISPUTED_EN },
  ),
  englishRule(
    "miss-payment",
    "learn",
    0.86,
    words(
      "what (?:happens|will happen|would happen|happen) (?:if|when) i (?:miss|skip|dont pay|do not pay|pay late|am late|paid late|fall behind|dont make)(?: [a-z]+){0,3}|what if i (?:miss|skip) (?:a |my |the |one )?(?:payment|installment|instalment)|what (?:happens|will happen) (?:if|when) (?:a |my )?payment is (?:late|missed)",
    ),
  ),
  englishRule(
    "late-fees",
    "learn",
    0.86,
    words(
      "how do (?:the )?late (?:fees|charges|penalties) work|how does (?:the |a )?late (?:fee|charge) work|why (?:is there|are there|do you charge|do i get|would i get|do you add|do you have) (?:a |any )?late (?:fee|fees|charge|charges)|what (?:is|are) (?:a |the )?late (?:fee|fees|charges) for|how (?:are|is) (?:the )?late (?:fees?|charges?) (?:calculated|worked out|charged|decided)|when (?:do|does|will) (?:a |the )?late (?:fee|fees) (?:start|get added|apply|kick in)",
    ),
    { unless: DISPUTED_EN },
  ),
  englishRule(
    "balance-made-up",
    "learn",
    0.84,
    words(
      "how (?:is )?my (?:balance|total) (?:is )?(?:made up|calculated|worked out|broken down)|what makes up my (?:balance|total)|what is (?:in )?my balance made (?:up )?of|why is my balance (?:more|higher) than (?:what i borrowed|the loan)|(?:parts|break ?down) of my balance",
    ),
    { unless: DISPUTED_EN },
  ),
  englishRule(
    "plan-cost",
    "learn",
    0.84,
    words(
      "how do (?:payment )?plans work|how does a (?:payment )?plan work|what does a (?:payment )?plan cost|does a (?:payment )?plan cost (?:more|extra|anything)|is a (?:payment )?plan (?:worth it|more expensive)",
    ),
    { rank: ABOVE_PLAN },
  ),
  englishRule(
    "budget",
    "learn",
    0.84,
    words(
      "how (?:do|can|should) i (?:make|build|plan|set up|do|start|keep) a (?:monthly |simple )?budget|help (?:me )?(?:make|with|build|set up) a (?:monthly )?budget|budget(?:ing)? (?:tips|advice)|teach me (?:to|how to) budget",
    ),
  ),
  englishRule(
    "rights",
    "learn",
    0.84,
    words(
      "what are my rights|(?:tell me|explain) my rights|my rights as a (?:borrower|customer)|do i have (?:any )?rights",
    ),
  ),
  englishRule(
    "course",
    "learn",
    0.8,
    words(
      "teach me (?:about|how|something)|(?:take|start|show me|give me|want) (?:a |the |another )?(?:lesson|course)|(?:lesson|course) (?:on|about) (?:my )?(?:loan|interest|fees|money|budget)|financial (?:education|literacy|tips)|(?:i want|id like|i would like) to learn (?:about|how|more)|help me understand (?:my |the |how )?(?:loan|interest|fees|late fees|balance)",
    ),
  ),
  chineseRule(
    "interest",
    "learn",
    0.88,
    "利息(?:是)?(?:怎么|如何)(?:算|计算|收|来)|什么(?:是|叫)利息|利息是什么|为什么(?:要|会|还)?(?:有|收|付|交|算)利息|利率(?:是)?(?:怎么|如何)(?:算|计算)",
    { unless: DISPUTED_ZH },
  ),
  chineseRule(
    "late-fees",
    "learn",
    0.86,
    "为什么(?:要|会|还)?(?:有|收|加收|交|扣|加)?滞纳金|滞纳金(?:是)?(?:怎么|如何)(?:算|计算|收|来的)|什么(?:是|叫)滞纳金|滞纳金是什么|什么时候(?:会)?(?:收|加收|加)滞纳金",
    { unless: DISPUTED_ZH },
  ),
  chineseRule(
    "miss-payment",
    "learn",
    0.86,
    "(?:逾期|晚还|迟还|没按时还|不还|没还|错过还款|漏还)(?:了)?(?:一期|一次|一天|几天)?(?:的话)?(?:会)?(?:怎么样|怎样|有什么(?:后果|影响)|会有什么(?:后果|影响))",
    { unless: DISPUTED_ZH },
  ),
  chineseRule(
    "balance-made-up",
    "learn",
    0.84,
    "(?:余额|欠款)(?:是)?(?:怎么|如何)(?:构成|组成|来的)|(?:余额|欠款)(?:由|包括)(?:哪些|什么)",
    { unless: DISPUTED_ZH },
  ),
  chineseRule(
    "plan-cost",
    "learn",
    0.84,
    "还款计划(?:要|会)?(?:多少钱|怎么收费|贵吗|划算吗|有什么代价|多花(?:多少)?钱)|还款计划(?:是)?怎么(?:回事|运作)|分期(?:要|会)?多(?:付|花)(?:多少)?钱",
    { rank: ABOVE_PLAN },
  ),
  chineseRule(
    "budget",
    "learn",
    0.84,
    "(?:怎么|如何)(?:做|制定|规划|安排)(?:每月|每个月|月度)?(?:的)?预算|预算(?:怎么做|建议)|(?:教我|帮我)(?:做|制定)预算|理财建议",
  ),
  chineseRule(
    "rights",
    "learn",
    0.84,
    "我(?:有|的)(?:哪些|什么)(?:权利|权益)|我的权利|借款人(?:的|有)?(?:哪些|什么)?权利",
  ),
  chineseRule(
    "course",
    "learn",
    0.8,
    "我想学(?:习)?|教教我|课程|理财知识|(?:帮我|让我|想)(?:了解|弄懂|搞懂|明白)(?:一下)?(?:利息|滞纳金|贷款|余额)",
  ),
];
