// Traditional to Simplified for the characters our Chinese rules read, so 還款 matches 还款.

const PAIRS =
  "還还錢钱貸贷訂订號号們们額额對对話话說说轉转務务週周個个後后幾几買买給给請请問问幫帮麼么這这" +
  "賬账帳账錯错沒没經经別别發发訊讯費费帶带讓让記记複复計计劃划續续開开關关閉闭聯联係系電电撥拨" +
  "無无歡欢劃划騷骚擾扰煩烦騙骗謝谢嗎吗為为筆笔賴赖會会時时間间點点戶户結结單单數数額额誤误" +
  "擔担應应該该實实際际難难鬆松緊紧資资準准現现隊队員员機机網网頁页錄录餘余銀银減减壓压辦办確确" +
  "認认處处詢询項项態态寬宽慮虑";

const TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i]!, chars[i + 1]!);
  return table;
})();

const TRADITIONAL = new RegExp(`[${Array.from(TABLE.keys()).join("")}]`, "gu");

export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (char) => TABLE.get(char) ?? char);
}
