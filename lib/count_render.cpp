// lilo count's text, its JSON and its --rules listing (lib/count.hpp).
#include <fmt/core.h>

#include "core/dump_json.hpp"
#include "count.hpp"
#include "count_parts.hpp"

namespace lilo {

namespace {

// "footnotes and tables not counted; body counted": how `own` differs from `base`.
std::string rules_difference(const CountRules& base, const CountRules& own)
{
    std::string off, on;
    for (std::size_t i = 0; i < category_count; ++i) {
        if (base.counted.test(i) == own.counted.test(i)) continue;
        std::string& list = own.counted.test(i) ? on : off;
        list += (list.empty() ? "" : ", ") + std::string(category_names[i]);
    }
    std::string out;
    if (!off.empty()) out += off + " not counted";
    if (!on.empty()) out += (out.empty() ? "" : "; ") + on + " counted";
    if (base.cjk != own.cjk) out += std::string(out.empty() ? "" : "; ") + "CJK " + (own.cjk == CjkMode::none ? "by spaces" : "by characters");
    return out;
}

std::string label(Category c)
{
    std::string n(name_of(c));
    for (auto& ch : n) if (ch == '_') ch = ' ';
    return n;
}

// One file's lines of lilo count's text.
std::string file_text(const CountReport& report, const FileCount& c)
{
    const CountRules& own = report.rules_for(c);
    const std::uint64_t words = c.doc->totals.words(own);
    std::string out = fmt::format("{}: {} word{}\n", c.name, with_commas(words), words == 1 ? "" : "s");
    if (c.rules) out += fmt::format("  rules of its own, from {}: {}\n", c.rules_from, rules_difference(report.rules, *c.rules));
    std::string inc, exc;
    for (std::size_t i = 0; i < category_count; ++i) {
        const auto cat = static_cast<Category>(i);
        const auto n = c.doc->totals.by[i].words;
        if (own.counted.test(i)) inc += fmt::format("{}{} {}", inc.empty() ? "" : ", ", label(cat), with_commas(n));
        else if (n > 0) exc += fmt::format("{}{} {}", exc.empty() ? "" : ", ", label(cat), with_commas(n));
    }
    out += "  counted: " + inc + "\n";
    out += fmt::format("  CJK characters: {}\n", with_commas(c.doc->totals.cjk(own)));
    out += "  not counted: " + (exc.empty() ? std::string("nothing") : exc) + "\n";
    for (const auto& l : word_comparison(c, own)) out += "  " + l + "\n";
    if (report.by_section) out += render_sections_text(section_sums(*c.doc, own), own);
    if (report.limit)
        if (auto outside = report.limit->describe(words)) out += fmt::format("  error: {}\n", *outside);
    if (c.declared && declared_differs(*c.declared, words)) {
        const std::uint64_t d = *c.declared, diff = d > words ? d - words : words - d;
        out += fmt::format("  warning: declares {} words but counts {} (differs by {}, more than 5%)\n", with_commas(d),
                           with_commas(words), with_commas(diff));
    }
    return out;
}

} // namespace

std::string render_count_rules(const CountResult& result)
{
    const CountRulesInForce& s = result.in_force;
    std::string out;
    for (std::size_t i = 0; i < category_count; ++i)
        out += fmt::format("{:<13} {:<12} ({})\n", category_names[i], s.rules.counted.test(i) ? "counted" : "not counted", s.origin[i]);
    out += fmt::format("{:<13} {:<12} ({})\n", "cjk", s.rules.cjk == CjkMode::none ? "none" : "characters", s.cjk_origin);
    for (const auto& own : result.own_rules)
        out += fmt::format("{}: {} (rules of its own, from {})\n", own.file, rules_difference(s.rules, own.rules), own.from);
    return out;
}

std::string render_count_text(const CountReport& report)
{
    std::string out;
    for (const auto& c : report.files) out += file_text(report, c);
    if (report.files.size() > 1) out += fmt::format("total: {} words in {} files\n", with_commas(report.total()), report.files.size());
    return out;
}

std::string render_count_json(const CountReport& report)
{
    return dump_json(to_json(report), 2) + "\n";
}

} // namespace lilo
