#include "count_report.hpp"

#include "office/office.hpp"
#include "portfolio/fsys.hpp"

namespace lilo {

std::uint64_t CountReport::total() const
{
    std::uint64_t n = 0;
    for (const auto& f : files) n += f.doc.totals.words(rules_for(f));
    return n;
}

bool declared_differs(std::uint64_t declared, std::uint64_t count)
{
    const std::uint64_t diff = declared > count ? declared - count : count - declared;
    return diff * 100 > 5 * count;
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
        const std::uint64_t words = f.doc.totals.words(rules);
        json cats = json::object();
        for (std::size_t i = 0; i < category_count; ++i) cats[std::string(category_names[i])] = f.doc.totals.by[i].words;
        json j{{"file", f.name}, {"words", words}, {"cjk_characters", f.doc.totals.cjk(rules)},
               {"categories", cats}, {"left_out", f.doc.totals.left_out(rules)}};
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
            for (std::size_t h = 0; h < f.doc.headings.size(); ++h) {
                const auto& hd = f.doc.headings[h];
                if (excluded != ExcludedSection::none && hd.level <= excluded_level) excluded = ExcludedSection::none;
                if (excluded == ExcludedSection::none && (excluded = excluded_section_kind(hd.text)) != ExcludedSection::none)
                    excluded_level = hd.level;
                secs.push_back({{"heading", hd.text}, {"level", hd.level}, {"line", hd.line},
                                {"words", f.doc.section(h).words(rules)},
                                {"excluded", excluded == ExcludedSection::none ? json(nullptr)
                                             : excluded == ExcludedSection::references ? json("references") : json("appendices")}});
            }
            j["sections"] = secs;
        }
        files.push_back(std::move(j));
    }
    return {{"files", files}, {"total", r.total()}, {"rules", rules_json(r.rules)}};
}

FileCount count_office_file(const std::string& path, const std::string& name, const AnalyzeOptions& options)
{
    TextFile bytes = read_binary_file(path, max_document_bytes);
    if (bytes.problem) throw std::runtime_error(bytes.problem->message);
    OfficeText text = read_office(bytes.data, name);
    if (!text.error.empty()) throw BadDocument(text.error);
    FileCount c{name, analyze_office(text, options), std::nullopt};
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
    const std::uint64_t lilo = f.doc.totals.words(rules), word = *f.word_count;
    out.push_back("Word would count: " + n(word) + " (Review > Word Count, textboxes, footnotes and endnotes included)");
    // What Word counts and lilo leaves out, by category; the rest is how words are split.
    std::string left;
    std::uint64_t left_words = 0;
    for (const Category c : {Category::references, Category::appendices, Category::tables, Category::captions, Category::code, Category::front_matter}) {
        if (rules.counts(c) || f.doc.totals[c].words == 0) continue;
        if (c == Category::front_matter && f.doc.front.present && f.doc.front.first_line == 0) continue; // document properties: Word never sees them as text
        left += (left.empty() ? "" : ", ") + std::string(name_of(c)) + " " + n(f.doc.totals[c].words);
        left_words += f.doc.totals[c].words;
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
