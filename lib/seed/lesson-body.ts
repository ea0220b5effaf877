import type { CourseSeed } from "./courses";

/** A lesson body in Markdown that reads like real course material for its course and place in it. */
export function lessonBody(course: CourseSeed, sectionTitle: string, lessonTitle: string, position: number): string {
  return [
    `## ${lessonTitle}`,
    "",
    `This lesson belongs to **${sectionTitle}** in *${course.title}*. ${course.subtitle}.`,
    "",
    "### What you will learn",
    "",
    `- The idea behind "${lessonTitle.toLowerCase()}" and why it matters`,
    "- A short exercise you can finish in one sitting",
    "- How to check your own result before moving on",
    "",
    "### Exercise",
    "",
    `1. Set aside twenty minutes and the materials from lesson ${Math.max(1, position - 1)}.`,
    "2. Work slowly through the demonstration, pausing after each step.",
    "3. Repeat the exercise once more from memory and compare the two results.",
    "",
    "> Practice is not repetition: change one thing each time and notice what it does.",
    "",
    "Write down one question for the next lesson. The instructor answers questions in the course discussion.",
  ].join("\n");
}

/**
 * The same lesson in Chinese. Written as a Chinese course would say it rather than line for line:
 * `courseTitle`/`courseSubtitle` are the course's Chinese title and subtitle (lib/seed/courses-zh.ts).
 */
export function lessonBodyZh(
  courseTitle: string,
  courseSubtitle: string,
  sectionTitle: string,
  lessonTitle: string,
  position: number,
): string {
  return [
    `## ${lessonTitle}`,
    "",
    `本课属于《${courseTitle}》的“${sectionTitle}”单元。${courseSubtitle}。`,
    "",
    "### 本课你将学到",
    "",
    `- “${lessonTitle}”背后的思路，以及它为什么重要`,
    "- 一个一次就能完成的小练习",
    "- 进入下一课之前，如何自己检查成果",
    "",
    "### 练习",
    "",
    `1. 留出二十分钟，备好第 ${Math.max(1, position - 1)} 课用到的材料。`,
    "2. 跟着示范慢慢做，每一步之后停一停。",
    "3. 凭记忆再做一遍，把两次的结果放在一起比较。",
    "",
    "> 练习不是重复：每次只改变一处，留意它带来的变化。",
    "",
    "为下一课写下一个问题。讲师会在课程讨论区统一解答。",
  ].join("\n");
}
