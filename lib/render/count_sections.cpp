#include "render/count_sections.hpp"

#include <algorithm>
#include <fmt/core.h>

#include "text/utf8.hpp"
#include "text/word_limit.hpp"

namespace lilo {

namespace {

// A heading is cut at this many columns (with …), so that one long heading
// does not push every number off the screen.
constexpr std::size_t max_label = 60;

std::string cut(const std::string& text, std::size_t columns)
{
    if (terminal_width(text) <= columns) return text;
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t c = decode_utf8(text, i);
        std::string one;
        append_utf8(one, c);
        const std::size_t w = terminal_width(one);
        if (width + w + 1 > columns) break;
        out.append(text, start, i - start);
        width += w;
    }
    return out + "…";
}

std::string label_of(const SectionRow& row)
{
    if (row.level == 0) return "(before the first heading)";
    return std::string(static_cast<std::size_t>(2 * (row.level - 1)), ' ') + std::string(static_cast<std::size_t>(row.level), '#') + " " +
           row.heading;
}

std::string pad_to(const std::string& text, std::size_t columns)
{
    const std::size_t w = terminal_width(text);
    return text + std::string(columns > w ? columns - w : 0, ' ');
}

} // namespace

std::string render_sections_text(const SectionSums& sums, const CountRules& rules)
{
    std::vector<std::string> labels;
    std::vector<std::string> numbers;
    std::size_t label_w = 0, number_w = std::string_view("words").size();
    for (const auto& row : sums.rows) {
        labels.push_back(cut(label_of(row), max_label));
        label_w = std::max(label_w, terminal_width(labels.back()));
        const bool left_out = row.excluded != ExcludedSection::none && row.words == 0;
        numbers.push_back(left_out ? "-" : with_commas(row.words));
        number_w = std::max(number_w, numbers.back().size());
    }
    std::string out = "  " + pad_to("sections:", label_w + 4) + fmt::format("{:>{}}\n", "words", number_w);
    for (std::size_t i = 0; i < sums.rows.size(); ++i) {
        const auto& row = sums.rows[i];
        std::string note;
        if (row.excluded != ExcludedSection::none) {
            const Category cat = row.excluded == ExcludedSection::references ? Category::references : Category::appendices;
            note = rules.counts(cat) ? "counted (--include " + std::string(name_of(cat)) + ")"
                                     : with_commas(row.all_words) + " words, not counted (" +
                                           (row.excluded == ExcludedSection::references ? "reference list)" : "appendix)");
        } else if (row.has_subsections) {
            note = with_commas(row.in_all) + " with its subsections";
        }
        out += "    " + pad_to(labels[i], label_w) + fmt::format("  {:>{}}", numbers[i], number_w);
        out += note.empty() ? "\n" : "  " + note + "\n";
    }
    // The line that makes the numbers add up to the count.
    std::string left_out;
    if (sums.front_matter_left_out > 0) left_out += "front matter " + with_commas(sums.front_matter_left_out);
    for (const auto& row : sums.rows)
        if (row.excluded != ExcludedSection::none && row.words == 0 && row.all_words > 0)
            left_out += (left_out.empty() ? "" : ", ") + row.heading + " " + with_commas(row.all_words);
    out += fmt::format("    sum: {} in sections + {} in headings + {} before the first heading = {} words{}\n", with_commas(sums.in_sections),
                       with_commas(sums.in_headings), with_commas(sums.before_first_heading), with_commas(sums.total()),
                       left_out.empty() ? "" : "; not counted: " + left_out);
    return out;
}

} // namespace lilo
