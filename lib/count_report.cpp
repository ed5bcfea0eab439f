#include "count_parts.hpp"

#include <algorithm>
#include <fmt/core.h>

#include "text/utf8.hpp"
#include "office/office.hpp"
#include "portfolio/fsys.hpp"

namespace lilo {

std::uint64_t CountReport::total() const
{
    std::uint64_t n = 0;
    for (const auto& f : files) n += f.doc->totals.words(rules_for(f));
    return n;
}

std::optional<std::uint64_t> declared_word_count(const nlohmann::json& value)
{
    if (value.is_number_integer()) {
        if (value.get<long long>() < 0) return std::nullopt;
        return value.get<std::uint64_t>();
    }
    // `declared_words: 1,005`, as lilo prints counts, is a string to YAML.
    if (value.is_string()) return parse_with_commas(value.get<std::string>());
    return std::nullopt;
}

bool declared_differs(std::uint64_t declared, std::uint64_t count, double tolerance)
{
    return !declared_within(declared, count, tolerance);
}

SectionSums section_sums(const MarkdownDoc& doc, const CountRules& rules)
{
    SectionSums out;
    out.before_first_heading = doc.preamble.words(rules);
    if (!rules.counts(Category::front_matter)) out.front_matter_left_out = doc.preamble[Category::front_matter].words;
    if (out.before_first_heading > 0 || doc.headings.empty()) out.rows.push_back({"", 0, out.before_first_heading});
    for (std::size_t h = 0; h < doc.headings.size(); ++h) {
        const auto& hd = doc.headings[h];
        SectionRow row{hd.text, hd.level, hd.segment.words(rules)};
        const std::size_t end = doc.section_end(h);
        row.has_subsections = end > h + 1;
        row.in_all = doc.section(h).words(rules);
        row.excluded = excluded_section_kind(hd.text);
        if (row.excluded != ExcludedSection::none) {
            // The whole section is one row: its subsections are left out with it.
            CategoryCounts all = doc.section(h);
            all += hd.own;
            row.words = all.words(rules);
            for (const auto& t : all.by) row.all_words += t.words;
            out.in_sections += row.words;
            out.rows.push_back(std::move(row));
            h = end - 1;
            continue;
        }
        out.in_sections += row.words;
        out.in_headings += hd.own.words(rules);
        out.rows.push_back(std::move(row));
    }
    return out;
}

namespace {

nlohmann::json rules_json(const CountRules& rules)
{
    nlohmann::json counted = nlohmann::json::object();
    for (std::size_t i = 0; i < category_count; ++i) counted[std::string(category_names[i])] = rules.counted.test(i);
    return {{"counted", counted}, {"cjk", rules.cjk == CjkMode::none ? "none" : "characters"}};
}

} // namespace

nlohmann::json to_json(const CountReport& r)
{
    using nlohmann::json;
    json files = json::array();
    for (const auto& f : r.files) {
        const CountRules& rules = r.rules_for(f);
        const std::uint64_t words = f.doc->totals.words(rules);
        json cats = json::object();
        for (std::size_t i = 0; i < category_count; ++i) cats[std::string(category_names[i])] = f.doc->totals.by[i].words;
        json j{{"file", f.name}, {"words", words}, {"cjk_characters", f.doc->totals.cjk(rules)},
               {"categories", cats}, {"left_out", f.doc->totals.left_out(rules)}};
        if (f.rules) {
            j["rules"] = rules_json(*f.rules);
            j["rules_from"] = f.rules_from;
        }
        if (f.word_count) {
            j["word"] = {{"computed", *f.word_count}};
            if (f.saved_count) { j["word"]["last_saved"] = *f.saved_count; j["word"]["last_saved_from"] = f.saved_from; }
        }
        if (f.declared) j["declared_words"] = {{"declared", *f.declared}, {"differs", declared_differs(*f.declared, words)}};
        if (r.limit)
            j["limit"] = {{"min", r.limit->min}, {"max", r.limit->max ? json(*r.limit->max) : json(nullptr)},
                          {"within", !r.limit->describe(words)}};
        if (r.by_section) {
            json secs = json::array();
            // A section inside a reference list or an appendix is left out with it.
            ExcludedSection excluded = ExcludedSection::none;
            int excluded_level = 0;
            for (std::size_t h = 0; h < f.doc->headings.size(); ++h) {
                const auto& hd = f.doc->headings[h];
                if (excluded != ExcludedSection::none && hd.level <= excluded_level) excluded = ExcludedSection::none;
                if (excluded == ExcludedSection::none && (excluded = excluded_section_kind(hd.text)) != ExcludedSection::none)
                    excluded_level = hd.level;
                secs.push_back({{"heading", hd.text}, {"level", hd.level}, {"line", hd.line},
                                {"words", f.doc->section(h).words(rules)},
                                {"excluded", excluded == ExcludedSection::none ? json(nullptr)
                                             : excluded == ExcludedSection::references ? json("references") : json("appendices")}});
            }
            j["sections"] = secs;
        }
        files.push_back(std::move(j));
    }
    return {{"files", files}, {"total", r.total()}, {"rules", rules_json(r.rules)}};
}

// `--by-section` as text: a column of headings, indented by level, and a
// column of words, right-aligned (wide CJK characters measured as two
// columns), then the line that adds the sections up to the count.
namespace {

// A heading is cut at this many columns (with …), so that one long heading
// does not push every number off the screen.
constexpr std::size_t max_label = 60;

std::string label_of(const SectionRow& row)
{
    if (row.level == 0) return "(before the first heading)";
    return std::string(static_cast<std::size_t>(2 * (row.level - 1)), ' ') + std::string(static_cast<std::size_t>(row.level), '#') + " " +
           row.heading;
}

} // namespace

std::string render_sections_text(const SectionSums& sums, const CountRules& rules)
{
    std::vector<std::string> labels;
    std::vector<std::string> numbers;
    std::size_t label_w = 0, number_w = std::string_view("words").size();
    for (const auto& row : sums.rows) {
        labels.push_back(cut_to_width(label_of(row), max_label));
        label_w = std::max(label_w, terminal_width(labels.back()));
        const bool left_out = row.excluded != ExcludedSection::none && row.words == 0;
        numbers.push_back(left_out ? "-" : with_commas(row.words));
        number_w = std::max(number_w, numbers.back().size());
    }
    std::string out = "  " + pad_to_width("sections:", label_w + 4) + fmt::format("{:>{}}\n", "words", number_w);
    for (std::size_t i = 0; i < sums.rows.size(); ++i) {
        const auto& row = sums.rows[i];
        std::string note;
        if (row.excluded != ExcludedSection::none) {
            const Category cat = row.excluded == ExcludedSection::references ? Category::references : Category::appendices;
            note = rules.counts(cat) ? "counted (--include " + std::string(name_of(cat)) + ")"
                                     : with_commas(row.all_words) + (row.all_words == 1 ? " word" : " words") + ", not counted (" +
                                           (row.excluded == ExcludedSection::references ? "reference list)" : "appendix)");
        } else if (row.has_subsections) {
            note = with_commas(row.in_all) + " with its subsections";
        }
        out += "    " + pad_to_width(labels[i], label_w) + fmt::format("  {:>{}}", numbers[i], number_w);
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

FileCount count_office_file(const std::string& path, const std::string& name, const AnalyzeOptions& options)
{
    TextFile bytes = read_binary_file(path, max_document_bytes);
    if (bytes.problem) throw std::runtime_error(bytes.problem->message);
    OfficeText text = read_office(bytes.data, name);
    if (!text.error.empty()) throw BadDocument(text.error);
    FileCount c{name, std::make_shared<const MarkdownDoc>(analyze_office(text, options)), std::nullopt};
    c.word_count = word_style_count(text.word_text);
    c.saved_count = text.saved_words;
    c.saved_from = text.saved_words_from;
    return c;
}

std::vector<std::string> word_comparison(const FileCount& f, const CountRules& rules)
{
    std::vector<std::string> out;
    if (!f.word_count) return out;
    auto n = [](std::uint64_t v) {
        std::string s = std::to_string(v);
        for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
        return s;
    };
    const std::uint64_t lilo = f.doc->totals.words(rules), word = *f.word_count;
    out.push_back("Word would count: " + n(word) + " (Review > Word Count, textboxes, footnotes and endnotes included)");
    // What Word counts and lilo leaves out, by category; the rest is how words are split.
    std::string left;
    std::uint64_t left_words = 0;
    for (const Category c : {Category::references, Category::appendices, Category::tables, Category::captions, Category::code, Category::front_matter}) {
        if (rules.counts(c) || f.doc->totals[c].words == 0) continue;
        if (c == Category::front_matter && f.doc->front.present && f.doc->front.first_line == 0) continue; // document properties: Word never sees them as text
        left += (left.empty() ? "" : ", ") + std::string(name_of(c)) + " " + n(f.doc->totals[c].words);
        left_words += f.doc->totals[c].words;
    }
    const long long diff = static_cast<long long>(word) - static_cast<long long>(lilo);
    if (diff == 0) {
        out.push_back("the same as lilo's count");
    } else {
        std::string why = "difference " + std::string(diff > 0 ? "+" : "") + std::to_string(diff) + ": ";
        if (!left.empty()) why += "Word counts what the limit leaves out (" + left + ")";
        const long long rest = diff - static_cast<long long>(left_words);
        if (rest != 0)
            why += std::string(left.empty() ? "" : "; ") + (rest > 0 ? "+" : "") + std::to_string(rest) +
                   " from splitting words differently (Word counts a lone '-' or '&', a citation as its words, an equation not at all)";
        out.push_back(why);
    }
    if (f.saved_count)
        out.push_back("last saved count: " + n(*f.saved_count) + " (from " + f.saved_from +
                      ", what the program that last saved the file wrote there; not recomputed)");
    return out;
}

} // namespace lilo
