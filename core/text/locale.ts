// The languages borrowers are answered in: templates exist for each, in prompts/<locale>/.

export type Locale = "en" | "zh-CN";
