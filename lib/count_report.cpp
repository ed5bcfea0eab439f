#include "count_report.hpp"

namespace lilo {

std::uint64_t CountReport::total() const
{
    std::uint64_t n = 0;
    for (const auto& f : files) n += f.doc.totals.words(rules_for(f));
    return n;
}

bool declared_differs(std::uint64_t declared, std::uint64_t count, double tolerance)
{
    return !declared_within(declared, count, tolerance);
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

} // namespace lilo
