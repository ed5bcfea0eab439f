// lilo count FILE...: words as spec §4 counts them, every category shown.
#include <fmt/core.h>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "core/dump_json.hpp"
#include "check.hpp"
#include "commands.hpp"
#include "count_report.hpp"
#include "markdown/document.hpp"
#include "portfolio/fsys.hpp"
#include "rules/document_rules.hpp"
#include "programme/programme.hpp"
#include "text/utf8.hpp"
#include "text/word_limit.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo::app {

namespace {

struct CountArgs {
    std::vector<std::string> files;
    std::vector<std::string> include, exclude;
    std::string cjk;
    std::string limit;
    std::string format = "text";
    std::string programme;
    bool by_section = false;
    bool rules = false;
};

struct RuleSource {
    CountRules rules = CountRules::defaults();
    std::array<std::string, category_count> origin;  // where each category's setting came from
    std::string cjk_origin = "default";
    std::optional<Programme> programme;              // from --programme
};

// Each occurrence of --include/--exclude is one word, perhaps comma-separated:
// it never takes the file names after it.
std::vector<Category> parse_categories(const std::vector<std::string>& values, const char* option)
{
    std::vector<std::string> names;
    for (const auto& v : values) {
        std::size_t start = 0;
        while (start <= v.size()) {
            const std::size_t comma = std::min(v.find(',', start), v.size());
            std::string name = v.substr(start, comma - start);
            name.erase(0, name.find_first_not_of(' '));
            name.erase(name.find_last_not_of(' ') + 1);
            if (!name.empty()) names.push_back(name);
            start = comma + 1;
        }
    }
    std::vector<Category> out;
    for (const auto& n : names) {
        auto c = category_from_name(n);
        if (!c) {
            std::string known;
            for (auto k : category_names) known += (known.empty() ? "" : ", ") + std::string(k);
            throw CannotCheck(fmt::format("{} '{}': no such category (categories: {})", option, n, known));
        }
        out.push_back(*c);
    }
    return out;
}

// --include, --exclude and --cjk on top of `rules`; they win over any programme's.
void apply_command_line(const CountArgs& a, CountRules& rules, RuleSource* s = nullptr)
{
    for (auto c : parse_categories(a.include, "--include")) {
        rules.set(c, true);
        if (s) s->origin[static_cast<std::size_t>(c)] = "--include";
    }
    for (auto c : parse_categories(a.exclude, "--exclude")) {
        rules.set(c, false);
        if (s) s->origin[static_cast<std::size_t>(c)] = "--exclude";
    }
    if (!a.cjk.empty()) {
        rules.cjk = a.cjk == "none" ? CjkMode::none : CjkMode::characters;
        if (s) s->cjk_origin = "--cjk";
    }
}

RuleSource resolve_rules(const CountArgs& a)
{
    RuleSource s;
    s.origin.fill("default");
    if (!a.programme.empty()) {
        try {
            s.programme = load_programme(a.programme, "");
        } catch (const ProgrammeError& e) {
            throw CannotCheck(e.describe());
        }
        const Programme& p = *s.programme;
        const std::string label = "programme " + p.id;
        for (std::size_t i = 0; i < category_count; ++i)
            if (p.count_rules.counted.test(i) != s.rules.counted.test(i)) s.origin[i] = label;
        if (p.count_rules.cjk != s.rules.cjk) s.cjk_origin = label;
        s.rules = p.count_rules;
    }
    apply_command_line(a, s.rules, &s);
    return s;
}

// A file that is one of the programme's documents with rules of their own
// (the MPhil thesis) is counted by them, as lilo check counts it.
struct FileRules {
    CountRules rules;
    std::string from;  // "R2 (Thesis) of programme mphil-elsi"
};
std::optional<FileRules> file_rules(const CountArgs& a, const RuleSource& src, const std::string& file)
{
    if (!src.programme) return std::nullopt;
    const auto doc = document_rules(*src.programme, file);
    if (!doc) return std::nullopt;
    FileRules out{doc->rules, doc->requirement + " (" + doc->title + ") of programme " + src.programme->id};
    apply_command_line(a, out.rules);
    if (out.rules == src.rules) return std::nullopt;
    return out;
}

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

// Reads and counts one file ('-': standard input).
FileCount count_file(const std::string& f, const AnalyzeOptions& opt)
{
    const std::string name = f == "-" ? "<stdin>" : f;
    auto fail = [&](const FsProblem& p) {
        return CannotCheck(fmt::format("{}{}: {}", name, p.line ? ":" + std::to_string(p.line) : "", p.message));
    };
    std::optional<FileCount> office;
    if (f != "-" && is_office_name(f)) {
        try {
            office = count_office_file(f, name, opt);
        } catch (const BadDocument& e) {
            throw BadDocument(name + ": " + e.what());
        } catch (const std::runtime_error& e) {
            throw CannotCheck(name + ": " + e.what());
        }
    }
    MarkdownDoc doc;
    if (office) {
    } else if (f == "-") {
        std::string text(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>{});
        if (auto bad = find_invalid_utf8(text)) throw fail(FsProblem{"encoding", "is not UTF-8 text", line_of_offset(text, *bad)});
        doc = analyze_markdown(std::move(text), opt);
    } else {
        // Mapped, not copied: a 75 MB file costs its size and no more.
        MappedText text = MappedText::open(f, std::uintmax_t{4} << 30);
        if (text.problem) throw fail(*text.problem);
        doc = analyze_markdown(text.data(), text.size(), opt);
    }
    FileCount c = office ? std::move(*office) : FileCount{name, std::move(doc), std::nullopt};
    if (c.doc.front.present) {
        auto fm = parse_yaml(c.doc.front.yaml, c.doc.front.first_line);
        if (fm.doc && fm.doc->value.is_object() && fm.doc->value.contains("declared_words"))
            if (auto d = declared_word_count(fm.doc->value["declared_words"])) c.declared = *d;
    }
    return c;
}

} // namespace

Runner setup_count(CLI::App& sub)
{
    auto a = std::make_shared<CountArgs>();
    sub.add_option("files", a->files, "Markdown, Word (.docx) or OpenDocument (.odt) files ('-' for standard input)");
    sub.add_flag("--by-section", a->by_section, "Show the words under each heading");
    sub.add_option("--include", a->include, "Also count these categories: tables, captions, references, appendices, code, …")
        ->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub.add_option("--exclude", a->exclude, "Do not count these categories: headings, footnotes, citations, …")
        ->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub.add_option("--cjk", a->cjk, "CJK text: 'characters' (each character a word) or 'none' (by spaces)")->check(CLI::IsMember({"characters", "none"}));
    sub.add_option("--limit", a->limit, "Exit 1 outside a limit: 1000~10%, 6000-6500, max:20000, min:150");
    sub.add_option("--format", a->format, "Output format: text or json")->check(CLI::IsMember({"text", "json"}));
    sub.add_option("--programme", a->programme, "Take word-count rules from this programme (id or file)");
    sub.add_flag("--rules", a->rules, "Print the rules in force and where each comes from");
    return [a]() -> int {
        const RuleSource src = resolve_rules(*a);
        const CountRules& rules = src.rules;
        std::optional<WordLimit> limit;
        if (!a->limit.empty()) {
            limit = parse_word_limit(a->limit);
            if (!limit) throw CannotCheck("--limit '" + a->limit + "': write 1000~10%, 6000-6500, max:20000 or min:150");
        }
        // Each file's own rules, if any, found once for --rules and for the count.
        std::vector<std::optional<FileRules>> own_rules;
        for (const auto& f : a->files) own_rules.push_back(file_rules(*a, src, f));
        if (a->rules) {
            for (std::size_t i = 0; i < category_count; ++i)
                fmt::print("{:<13} {:<12} ({})\n", category_names[i], rules.counted.test(i) ? "counted" : "not counted", src.origin[i]);
            fmt::print("{:<13} {:<12} ({})\n", "cjk", rules.cjk == CjkMode::none ? "none" : "characters", src.cjk_origin);
            for (std::size_t i = 0; i < a->files.size(); ++i)
                if (const auto& own = own_rules[i])
                    fmt::print("{}: {} (rules of its own, from {})\n", a->files[i], rules_difference(rules, own->rules), own->from);
            if (a->files.empty()) return exit_ok;
        }
        if (a->files.empty()) throw CannotCheck("count: name at least one file ('-' for standard input)");
        CountReport report;
        report.rules = rules;
        report.limit = limit;
        report.by_section = a->by_section;
        auto& counted = report.files;
        AnalyzeOptions opt;
        opt.structure = a->by_section;
        opt.cjk = rules.cjk;
        bool unreadable = false, bad_document = false;
        for (std::size_t i = 0; i < a->files.size(); ++i) {
            const std::string& f = a->files[i];
            try {
                const auto& own = own_rules[i];
                AnalyzeOptions file_opt = opt;
                if (own) file_opt.cjk = own->rules.cjk;
                counted.push_back(count_file(f, file_opt));
                if (own) {
                    counted.back().rules = own->rules;
                    counted.back().rules_from = own->from;
                }
            } catch (const BadDocument& e) {
                // A document that is not one (a zip bomb named .docx): bad input found, exit 1.
                fmt::print(stderr, "lilo: error: {}\n", e.what());
                bad_document = true;
            } catch (const CannotCheck& e) {
                // One file that cannot be read does not stop the others being counted.
                if (a->files.size() == 1) throw;
                fmt::print(stderr, "lilo: error: {}\n", e.what());
                unreadable = true;
            }
        }
        int code = exit_ok;
        for (const auto& c : counted)
            if (limit && limit->describe(c.doc.totals.words(report.rules_for(c)))) code = exit_unmet;
        if (bad_document) code = exit_unmet;
        if (unreadable) code = exit_cannot_check;
        if (a->format == "json") {
            fmt::print("{}\n", dump_json(to_json(report), 2));
            return code;
        }
        std::string out;
        for (const auto& c : counted) {
            const CountRules& own = report.rules_for(c);
            const std::uint64_t words = c.doc.totals.words(own);
            out += fmt::format("{}: {} word{}\n", c.name, with_commas(words), words == 1 ? "" : "s");
            if (c.rules) out += fmt::format("  rules of its own, from {}: {}\n", c.rules_from, rules_difference(report.rules, *c.rules));
            std::string inc, exc;
            for (std::size_t i = 0; i < category_count; ++i) {
                const auto cat = static_cast<Category>(i);
                const auto n = c.doc.totals.by[i].words;
                if (own.counted.test(i)) inc += fmt::format("{}{} {}", inc.empty() ? "" : ", ", label(cat), with_commas(n));
                else if (n > 0) exc += fmt::format("{}{} {}", exc.empty() ? "" : ", ", label(cat), with_commas(n));
            }
            out += "  counted: " + inc + "\n";
            out += fmt::format("  CJK characters: {}\n", with_commas(c.doc.totals.cjk(own)));
            out += "  not counted: " + (exc.empty() ? std::string("nothing") : exc) + "\n";
            for (const auto& l : word_comparison(c, own)) out += "  " + l + "\n";
            if (a->by_section) out += render_sections_text(section_sums(c.doc, own), own);
            if (limit)
                if (auto outside = limit->describe(words)) out += fmt::format("  error: {}\n", *outside);
            if (c.declared && declared_differs(*c.declared, words)) {
                const std::uint64_t d = *c.declared, diff = d > words ? d - words : words - d;
                out += fmt::format("  warning: declares {} words but counts {} (differs by {}, more than 5%)\n", with_commas(d),
                                   with_commas(words), with_commas(diff));
            }
        }
        if (counted.size() > 1) out += fmt::format("total: {} words in {} files\n", with_commas(report.total()), counted.size());
        fmt::print("{}", out);
        return code;
    };
}

} // namespace lilo::app
