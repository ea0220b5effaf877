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
