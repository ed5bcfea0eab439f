// Writes an essay-like Markdown file of about N megabytes to standard output:
// paragraphs, headings, citations, footnotes, lists, tables and some Chinese,
// the same bytes for the same N (a fixed pseudo-random sequence).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
std::uint64_t state = 0x9E3779B97F4A7C15ull;
std::uint64_t next()
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}
const char* words[] = {"leadership", "teachers", "learning", "school-based", "students'", "evidence", "feedback", "the", "of",
                       "and", "to", "in", "a", "change", "practice", "improvement", "colleagues", "don't", "e.g.", "1,250",
                       "reflection", "professional", "development", "curriculum", "assessment", "lesson", "study", "data",
                       "principal", "mentor", "10\u201312", "and/or", "well-being", "middle", "leaders", "culture"};
const char* chinese[] = {"我們的學校重視教師的專業發展。", "領導力在於建立互信。", "學生的學習是一切的中心。"};
const char* keys[] = {"leithwood2008", "fullan2001", "robinson2008", "hallinger2011", "timperley2011", "day2016"};
} // namespace

int main(int argc, char** argv)
{
    const double mb = argc > 1 ? std::atof(argv[1]) : 75;
    const auto target = static_cast<std::uint64_t>(mb * 1024 * 1024);
    std::uint64_t written = 0;
    std::string out;
    int note = 0;
    out += "---\ntitle: A generated essay\ndeclared_words: 1000\n---\n\n# A generated essay\n\n";
    for (int para = 0; written + out.size() < target; ++para) {
        if (para % 20 == 0) out += "## Section " + std::to_string(para / 20 + 1) + "\n\n";
        const int kind = static_cast<int>(next() % 40);
        if (kind == 0) {
            out += "| Measure | Before | After |\n|---|---|---|\n| Scores | 61 | 68 |\n| Agreement | 42% | 71% |\n\nTable: Results of the study.\n\n";
        } else if (kind < 4) {
            for (int i = 0; i < 4; ++i) out += std::string("- ") + words[next() % 36] + " " + words[next() % 36] + " " + words[next() % 36] + "\n";
            out += "\n";
        } else {
            const int n = 40 + static_cast<int>(next() % 80);
            for (int i = 0; i < n; ++i) {
                out += words[next() % 36];
                const int r = static_cast<int>(next() % 60);
                if (r == 0) out += std::string(" [see @") + keys[next() % 6] + ", p. " + std::to_string(next() % 300) + "]";
                else if (r == 1) out += "[^" + std::to_string(++note) + "]";
                else if (r == 2) out += std::string(" ") + chinese[next() % 3];
                else if (r == 3) out += ".";
                out += (i % 12 == 11) ? "\n" : " ";
            }
            out += "\n\n";
            if (note > 0 && next() % 8 == 0) out += "[^" + std::to_string(note) + "]: A note on the evidence, with a few words.\n\n";
        }
        if (out.size() > (1 << 20)) {
            written += std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    }
    out += "## References\n\nLeithwood, K., Harris, A., & Hopkins, D. (2008). Seven strong claims.\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
